/**
 * What validate() adds to the rules (finding ids, severities, acknowledgements) and the edges of the rules
 * a clerk meets: blank cells beside last year's figures, sub-sections partly written.
 */
import { describe, expect, it } from "vitest";
import type { Report } from "../model";
import { cleanReport } from "../testing";
import { RULES, ruleById } from "./list";
import { canSubmit, summarizeFindings } from "./summary";
import { validate } from "./validate";
import type { Finding, RuleId } from "./types";

const of = (findings: Finding[], rule: RuleId) => findings.filter((f) => f.rule === rule);

describe("the rule table", () => {
  it("gives each rule its severity, in the order findings are listed (errors, warnings, info)", () => {
    expect(RULES.map((r) => [r.id, r.severity])).toEqual([
      ["R3-BALANCE", "error"],
      ["R3-HANDLED-SUM", "error"],
      ["R3-ROW-TOTAL", "error"],
      ["R4-TOTAL", "error"],
      ["CELL-BLANK", "error"],
      ["CELL-INVALID", "error"],
      ["SECTION-EMPTY", "error"],
      ["TABLE-MISSING", "error"],
      ["R2-PUBLISHED", "warning"],
      ["R2-IN-FORCE", "warning"],
      ["R2-LAST-YEAR", "warning"],
      ["X-CARRY", "warning"],
      ["X-REGULATIONS", "warning"],
      ["N-MISMATCH", "warning"],
      ["F-EXTRA-COLUMN", "warning"],
      ["META-MISSING", "warning"],
      ["SECTION-BOILERPLATE", "warning"],
      ["X-COPIED", "warning"],
      ["N-FEE", "warning"],
      ["RATIO", "info"],
    ]);
  });

  it("describes every rule in Chinese, and finds a rule by its id", () => {
    for (const rule of RULES) {
      expect(rule.description).toMatch(/[\u4e00-\u9fff]{4}/);
      expect(ruleById(rule.id)).toBe(rule);
    }
    expect(ruleById("NO-SUCH-RULE" as RuleId)).toBeUndefined();
  });

  it("gives each finding the severity of its rule", () => {
    const r = cleanReport("2021", { year: 2022, otherApplicant: true });
    r.agency.level = "township";
    r.requests.granted.research = -1; // CELL-INVALID (and the sums)
    r.problems = " "; // SECTION-EMPTY
    r.activeDisclosure.regulations.made = 1; // X-REGULATIONS
    Object.assign(r.requests.newReceived, { otherApplicant: 2, total: 2 }); // F-EXTRA-COLUMN
    r.overview = [{ heading: "依申请公开情况", text: "全年共收到政府信息公开申请5件。" }]; // N-MISMATCH
    const previous = cleanReport("2021", { year: 2021 });
    previous.activeDisclosure.normativeDocuments.inForce = 4; // R2-IN-FORCE
    previous.requests.carriedForward.naturalPerson = 1; // X-CARRY
    const severities = new Map(validate(r, { previous }).map((f) => [f.rule, f.severity]));
    expect(Object.fromEntries(severities)).toMatchObject({
      "CELL-INVALID": "error",
      "SECTION-EMPTY": "error",
      "R2-IN-FORCE": "warning",
      "X-CARRY": "warning",
      "X-REGULATIONS": "warning",
      "N-MISMATCH": "warning",
      "F-EXTRA-COLUMN": "warning",
    });

    const previous2019 = cleanReport("2019", { year: 2019 });
    previous2019.activeDisclosure.licensing.change = 2; // R2-LAST-YEAR
    expect(of(validate(cleanReport("2019", { year: 2020 }), { previous: previous2019 }), "R2-LAST-YEAR")).toMatchObject([
      { severity: "warning" },
    ]);
  });
});

describe("finding ids", () => {
  it("join the cells of a finding naming several with commas, after the rule id", () => {
    const r = cleanReport("2021");
    r.agency.level = "township";
    Object.assign(r.activeDisclosure.regulations, { made: 1, inForce: 4 });
    expect(of(validate(r), "X-REGULATIONS").map((f) => f.id)).toEqual([
      "X-REGULATIONS:activeDisclosure.regulations.made,activeDisclosure.regulations.inForce",
    ]);
  });
});

describe("acknowledgements", () => {
  /** A clean 2021 report with two META-MISSING warnings: the date and the website's address. */
  const twoWarnings = (): Report => {
    const r = cleanReport("2021");
    delete r.date;
    r.website = { name: "某区人民政府门户网站" };
    return r;
  };

  it("attach to the warning they name, never to another", () => {
    const findings = validate(twoWarnings(), {
      acknowledgements: [{ findingId: "META-MISSING:website.url", by: "李四", reason: "网站改版中" }],
    });
    expect(findings.map((f) => [f.id, f.acknowledgement])).toEqual([
      ["META-MISSING:date", undefined],
      ["META-MISSING:website.url", { by: "李四", reason: "网站改版中" }],
    ]);
    expect(findings[1]).not.toHaveProperty("acknowledgement.at");
    const summary = summarizeFindings(findings);
    expect(summary).toMatchObject({ warnings: 2, unacknowledgedWarnings: 1 });
    expect(summary.bySection.front).toEqual({ errors: 0, warnings: 2, unacknowledgedWarnings: 1, infos: 0 });
    expect(canSubmit(findings)).toBe(false);
  });

  it("let a report be submitted once every warning is acknowledged, and are counted so", () => {
    const acknowledgements = [
      { findingId: "META-MISSING:date", by: "李四", reason: "落款日期待定", at: "2023-01-10T08:00:00Z" },
      { findingId: "META-MISSING:website.url", by: "李四", reason: "网站改版中" },
    ];
    const findings = validate(twoWarnings(), { acknowledgements });
    expect(findings[0].acknowledgement).toEqual({ by: "李四", reason: "落款日期待定", at: "2023-01-10T08:00:00Z" });
    expect(summarizeFindings(findings)).toMatchObject({ errors: 0, warnings: 2, unacknowledgedWarnings: 0, infos: 0 });
    expect(canSubmit(findings)).toBe(true);
  });

  it("do not make an error submittable", () => {
    const r = twoWarnings();
    r.problems = "";
    const acknowledgements = [
      { findingId: "META-MISSING:date", by: "李四", reason: "落款日期待定" },
      { findingId: "META-MISSING:website.url", by: "李四", reason: "网站改版中" },
      { findingId: "SECTION-EMPTY:problems", by: "李四", reason: "稍后补写" },
    ];
    const findings = validate(r, { acknowledgements });
    expect(of(findings, "SECTION-EMPTY")).toEqual([
      { id: "SECTION-EMPTY:problems", rule: "SECTION-EMPTY", severity: "error", cells: ["problems"], message: "「五、存在的主要问题及改进情况」没有内容。" },
    ]);
    expect(canSubmit(findings)).toBe(false);
    expect(summarizeFindings(findings).bySection.problems).toEqual({ errors: 1, warnings: 0, unacknowledgedWarnings: 0, infos: 0 });
  });
});

describe("SECTION-EMPTY with sub-sections", () => {
  it("is satisfied by one written sub-section among empty ones, in 一 and in 六", () => {
    const r = cleanReport("2021");
    r.overview = [
      { heading: "主动公开情况", text: "" },
      { heading: "依申请公开情况", text: "依法办理。" },
      { heading: "政府信息管理", text: " " },
    ];
    r.otherMatters = [
      { heading: "", text: " " },
      { heading: "", text: "无。" },
    ];
    expect(of(validate(r), "SECTION-EMPTY")).toEqual([]);
  });

  it("names each empty section with its own message", () => {
    const r = cleanReport("2021");
    r.intro = " ";
    delete r.overview;
    delete r.problems;
    delete r.otherMatters;
    expect(of(validate(r), "SECTION-EMPTY").map((f) => [f.id, f.message])).toEqual([
      ["SECTION-EMPTY:intro", "「一、总体情况」前的引言没有内容；应写明编制依据、发布网站及网址、统计期限和联系方式。"],
      ["SECTION-EMPTY:overview", "「一、总体情况」没有内容。"],
      ["SECTION-EMPTY:problems", "「五、存在的主要问题及改进情况」没有内容。"],
      ["SECTION-EMPTY:otherMatters", "「六、其他需要报告的事项」没有内容；没有的请写明“无”。"],
    ]);
  });
});

describe("rules against last year's report never compare a blank cell", () => {
  it("R2-IN-FORCE: a blank 现行有效, 制发 or 废止 this year or a blank 现行有效 last year", () => {
    const previous = cleanReport("2021", { year: 2021 });
    previous.activeDisclosure.normativeDocuments.inForce = 10;
    const r = cleanReport("2021", { year: 2022 });
    Object.assign(r.activeDisclosure.normativeDocuments, { made: 3, repealed: 1, inForce: 20 });
    expect(of(validate(r, { previous }), "R2-IN-FORCE").map((f) => f.id)).toEqual(["R2-IN-FORCE:activeDisclosure.normativeDocuments.inForce"]);
    for (const cell of ["inForce", "made", "repealed"]) {
      const blank = structuredClone(r);
      blank.activeDisclosure.normativeDocuments[cell] = null;
      expect(of(validate(blank, { previous }), "R2-IN-FORCE")).toEqual([]);
    }
    const blankBefore = structuredClone(previous);
    blankBefore.activeDisclosure.normativeDocuments.inForce = null;
    expect(of(validate(r, { previous: blankBefore }), "R2-IN-FORCE")).toEqual([]);
  });

  it("R2-IN-FORCE: rows absent either year, and reports of the other edition, are not compared", () => {
    const previous = cleanReport("2021", { year: 2021 });
    previous.activeDisclosure.normativeDocuments.inForce = 10;
    const r = cleanReport("2021", { year: 2022 });
    delete previous.activeDisclosure.regulations;
    delete r.activeDisclosure.administrativeNormativeDocuments;
    r.activeDisclosure.regulations.inForce = 7;
    expect(of(validate(r, { previous }), "R2-IN-FORCE").map((f) => f.cells)).toEqual([["activeDisclosure.normativeDocuments.inForce"]]);
    expect(of(validate(r, { previous: cleanReport("2019", { year: 2021 }) }), "R2-IN-FORCE")).toEqual([]);
    expect(of(validate(cleanReport("2019"), { previous }), "R2-IN-FORCE")).toEqual([]);
  });

  it("R2-LAST-YEAR: a blank 上一年项目数量 this year, or a blank count or change last year", () => {
    const previous = cleanReport("2019", { year: 2019 });
    Object.assign(previous.activeDisclosure.licensing, { lastYearItems: 50, change: 4 });
    const r = cleanReport("2019", { year: 2020 });
    r.activeDisclosure.licensing.lastYearItems = 50;
    const found = of(validate(r, { previous }), "R2-LAST-YEAR");
    expect(found.map((f) => f.id)).toEqual(["R2-LAST-YEAR:activeDisclosure.licensing.lastYearItems"]);
    expect(found[0].message).toBe("「行政许可」的「上一年项目数量」为 50，但上一年度报告的上一年项目数量 50 加其「本年增/减」+4 为 54。");
    const blank = structuredClone(r);
    blank.activeDisclosure.licensing.lastYearItems = null;
    expect(of(validate(blank, { previous }), "R2-LAST-YEAR")).toEqual([]);
    for (const cell of ["lastYearItems", "change"]) {
      const blankBefore = structuredClone(previous);
      blankBefore.activeDisclosure.licensing[cell] = null;
      expect(of(validate(r, { previous: blankBefore }), "R2-LAST-YEAR")).toEqual([]);
    }
    expect(of(validate(r), "R2-LAST-YEAR")).toEqual([]);
    // Last year's blank change is not read as 0, even where this year's count differs from last year's.
    const blankChange = structuredClone(previous);
    blankChange.activeDisclosure.licensing.change = null;
    const differs = structuredClone(r);
    differs.activeDisclosure.licensing.lastYearItems = 53;
    expect(of(validate(differs, { previous }), "R2-LAST-YEAR")).toHaveLength(1);
    expect(of(validate(differs, { previous: blankChange }), "R2-LAST-YEAR")).toEqual([]);
  });

  it("R2-LAST-YEAR: a change of 0 last year is written +0", () => {
    const previous = cleanReport("2019", { year: 2019 });
    Object.assign(previous.activeDisclosure.licensing, { lastYearItems: 50, change: 0 });
    const r = cleanReport("2019", { year: 2020 });
    r.activeDisclosure.licensing.lastYearItems = 49;
    expect(of(validate(r, { previous }), "R2-LAST-YEAR")[0].message).toContain("加其「本年增/减」+0 为 50。");
  });

  it("R2-PUBLISHED: a blank total or a blank count of the year is not compared; a 2021 report has no such cells", () => {
    const r = cleanReport("2019");
    Object.assign(r.activeDisclosure.normativeDocuments, { newlyPublished: 5, totalPublished: 3 });
    expect(of(validate(r), "R2-PUBLISHED")[0].message).toBe(
      "「规范性文件」的「对外公开总数量」为 3，小于「本年新公开数量」5；累计总数不应少于本年新公开的数量。",
    );
    for (const cell of ["newlyPublished", "totalPublished"]) {
      const blank = structuredClone(r);
      blank.activeDisclosure.normativeDocuments[cell] = null;
      expect(of(validate(blank), "R2-PUBLISHED")).toEqual([]);
    }
    expect(of(validate(cleanReport("2021")), "R2-PUBLISHED")).toEqual([]);
  });

  it("X-CARRY: a blank 上年结转 this year or a blank 结转下年度 last year", () => {
    const previous = cleanReport("2021", { year: 2021 });
    Object.assign(previous.requests.carriedForward, { naturalPerson: 2, total: 2 });
    const r = cleanReport("2021", { year: 2022 });
    expect(of(validate(r, { previous }), "X-CARRY").map((f) => f.id)).toEqual([
      "X-CARRY:requests.carriedOver.naturalPerson",
      "X-CARRY:requests.carriedOver.total",
    ]);
    const blank = structuredClone(r);
    blank.requests.carriedOver.naturalPerson = null;
    expect(of(validate(blank, { previous }), "X-CARRY").map((f) => f.id)).toEqual(["X-CARRY:requests.carriedOver.total"]);
    const blankBefore = structuredClone(previous);
    blankBefore.requests.carriedForward.total = null;
    expect(of(validate(r, { previous: blankBefore }), "X-CARRY").map((f) => f.id)).toEqual(["X-CARRY:requests.carriedOver.naturalPerson"]);
  });

  it("X-CARRY: the 其他 column is compared only when last year's report had it", () => {
    const previous = cleanReport("2021", { year: 2021 });
    const r = cleanReport("2021", { year: 2022, otherApplicant: true });
    Object.assign(r.requests.carriedOver, { otherApplicant: 3 });
    expect(of(validate(r, { previous }), "X-CARRY")).toEqual([]);
    const previousWithOther = cleanReport("2021", { year: 2021, otherApplicant: true });
    const found = of(validate(r, { previous: previousWithOther }), "X-CARRY");
    expect(found.map((f) => f.id)).toEqual(["X-CARRY:requests.carriedOver.otherApplicant"]);
    expect(found[0].message).toMatch(/为 3，但上一年度报告「四、结转下年度继续办理」的「.+」为 0。$/);
  });
});

describe("canSubmit", () => {
  it("an error blocks even when an acknowledgement is attached to it: errors can only be fixed", () => {
    const error: Finding = { id: "CELL-BLANK:requests.granted.total", rule: "CELL-BLANK", severity: "error", cells: ["requests.granted.total"], message: "未填写" };
    const acknowledged = { ...error, acknowledgement: { by: "张三", reason: "如实填写" } };
    expect(canSubmit([acknowledged])).toBe(false);
    expect(canSubmit([{ ...acknowledged, rule: "X-CARRY", severity: "warning" }])).toBe(true);
  });
});

describe("validate with only some rules", () => {
  it("runs only those, finding what they find when every rule runs", () => {
    const report = cleanReport("2021");
    report.requests.granted.naturalPerson = 5;
    delete (report as { website?: unknown }).website;
    report.title = "";
    const all = validate(report);
    const only = new Set<RuleId>(["R3-BALANCE", "R3-ROW-TOTAL"]);
    const some = validate(report, { only });
    expect(some.length).toBeGreaterThan(0);
    expect(some).toEqual(all.filter((finding) => only.has(finding.rule)));
    expect(all.length).toBeGreaterThan(some.length);
  });
});
