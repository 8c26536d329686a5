/**
 * Test helpers (not part of the engine's runtime API; imported by tests and the bench only):
 * clean reports and fast-check generators of reports.
 */
import fc from "fast-check";
import { EDITION_IDS } from "./editions";
import type { EditionId } from "./editions";
import { layoutOf } from "./layout";
import { computeTotals, emptyReport, normalizeRequests } from "./model";
import type { AgencyLevel, Cell, NarrativeSection, Report, TableData } from "./model";

/** A report with every table cell 0, every text filled and no finding at all. */
export function cleanReport(edition: EditionId, options: { otherApplicant?: boolean; year?: number } = {}): Report {
  const year = options.year ?? (edition === "2019" ? 2020 : 2022);
  const r = emptyReport(edition, year, { name: "某市某区某局", level: "department" });
  fillZeros(r.activeDisclosure);
  if (options.otherApplicant) r.requests = withOtherApplicant(edition, r.requests);
  fillZeros(r.requests);
  fillZeros(r.reviewLitigation);
  r.date = `${year + 1}-01-20`;
  r.intro = "本报告依据《中华人民共和国政府信息公开条例》编制。";
  r.website = { name: "某区人民政府门户网站", url: "http://www.example.gov.cn" };
  r.contact = { address: "某区某路1号", phone: "0000-0000000", postcode: "000000" };
  r.overview = (r.overview ?? []).map((s) => ({ ...s, text: "工作扎实开展。" }));
  r.problems = "主动公开力度有待加强，部分栏目更新不够及时；下一步将建立栏目更新台账，按月检查。";
  r.otherMatters = [{ heading: "", text: "本年度未收取信息处理费。无其他需要报告的事项。" }];
  return r;
}

/** Table 三 with the otherApplicant column added (blank) in its place, before 总计. */
function withOtherApplicant(edition: EditionId, requests: TableData): TableData {
  return normalizeRequests(edition, { ...requests, newReceived: { ...requests.newReceived, otherApplicant: null } });
}

function fillZeros(table: TableData) {
  for (const row of Object.values(table)) for (const k in row) row[k] = 0;
}

const small = fc.nat({ max: 30 });

/** Params of a balanced report: every rule of table 三 and 四 holds. */
export function balancedReportArb(): fc.Arbitrary<Report> {
  return fc
    .record({
      edition: fc.constantFrom<EditionId>(...EDITION_IDS),
      otherApplicant: fc.boolean(),
      seed: fc.array(small, { minLength: 400, maxLength: 400 }),
      absent: fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
    })
    .map(({ edition, otherApplicant, seed, absent }) => {
      let i = 0;
      const next = () => seed[i++ % seed.length];
      const r = cleanReport(edition, { otherApplicant });
      const layout = layoutOf(edition);
      layout.adRows.forEach((row, index) => {
        if (absent[index]) {
          delete r.activeDisclosure[row.key];
          return;
        }
        const data = r.activeDisclosure[row.key];
        for (const c of row.columns) {
          data[c.key] = c.kind === "signed" ? next() - 15 : c.kind === "amount" ? next() * 1.25 : next();
        }
        if ("totalPublished" in data) data.totalPublished = (data.newlyPublished ?? 0) + next();
      });
      const columns = Object.keys(r.requests.newReceived).filter((c) => c !== "total");
      for (const col of columns) {
        let handled = 0;
        for (const row of layout.handlingRowKeys) {
          const v = next() % 4 === 0 ? next() : 0;
          r.requests[row][col] = v;
          handled += v;
        }
        const forward = next();
        const over = (next() * 7) % (handled + forward + 1);
        r.requests.carriedForward[col] = forward;
        r.requests.carriedOver[col] = over;
        r.requests.newReceived[col] = handled + forward - over;
      }
      for (const group of layout.reviewGroups) {
        for (const k of layout.reviewPartKeys) r.reviewLitigation[group.key][k] = next() % 3;
      }
      return computeTotals(r);
    });
}

const text = fc.oneof(fc.string({ unit: "grapheme", maxLength: 30 }), fc.constantFrom("", "无。", "一、总体情况\n\n二、“引号”"));
const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant(null),
  fc.nat({ max: 1000 }),
  fc.integer({ min: -1000, max: 1000 }),
  // JSON has no -0; a written -0 reads back as 0.
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((v) => (Object.is(v, -0) ? 0 : v)),
);
const sections: fc.Arbitrary<NarrativeSection[]> = fc.array(fc.record({ heading: text, text }), { maxLength: 4 });

/** Any normalized report (blanks, negatives and decimals included): for round-trip tests. */
export function anyReportArb(): fc.Arbitrary<Report> {
  return fc
    .record({
      edition: fc.constantFrom<EditionId>(...EDITION_IDS),
      year: fc.integer({ min: 2019, max: 2030 }),
      name: text,
      level: fc.option(fc.constantFrom<AgencyLevel>("department", "government", "township"), { nil: undefined }),
      otherApplicant: fc.boolean(),
      cells: fc.array(cell, { minLength: 300, maxLength: 300 }),
      absent: fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
      optional: fc.record(
        {
          title: text,
          date: fc.constantFrom("2021-01-21", "2023-02-20"),
          intro: text,
          website: fc.record({ name: text, url: text }, { requiredKeys: [] }),
          contact: fc.record({ address: text, phone: text, postcode: text }, { requiredKeys: [] }),
          overview: sections,
          problems: text,
          otherMatters: sections,
        },
        { requiredKeys: [] },
      ),
    })
    .map(({ edition, year, name, level, otherApplicant, cells, absent, optional }) => {
      let i = 0;
      const next = () => cells[i++ % cells.length];
      const base = emptyReport(edition, year, level === undefined ? { name } : { name, level });
      delete base.title;
      delete base.overview;
      const r: Report = { ...base, ...optional };
      layoutOf(edition).adRows.forEach((row, index) => {
        if (absent[index]) delete r.activeDisclosure[row.key];
        else for (const c of row.columns) r.activeDisclosure[row.key][c.key] = next();
      });
      if (otherApplicant) r.requests = withOtherApplicant(edition, r.requests);
      for (const row of Object.values(r.requests)) for (const k in row) row[k] = next();
      for (const row of Object.values(r.reviewLitigation)) for (const k in row) row[k] = next();
      return canonical(r);
    });
}

/** The report with keys in interchange order (so written files look alike). */
function canonical(r: Report): Report {
  const order: (keyof Report)[] = [
    "format", "formatVersion", "edition", "year", "agency", "title", "date", "intro", "website", "contact",
    "overview", "activeDisclosure", "requests", "reviewLitigation", "problems", "otherMatters",
  ];
  const out: Record<string, unknown> = {};
  for (const k of order) if (r[k] !== undefined) out[k] = r[k];
  return out as unknown as Report;
}
