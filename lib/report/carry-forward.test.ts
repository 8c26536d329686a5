import { describe, expect, it } from "vitest";
import { startFromPrevious } from "./carry-forward";
import { emptyReport } from "./model";

const agency = { name: "某街道办事处", level: "township" as const };

describe("startFromPrevious", () => {
  it("carries 结转下年度 into 上年结转 per column, and nothing else of table 三", () => {
    const previous = emptyReport("2021", 2024, agency);
    previous.requests.carriedForward = { ...previous.requests.carriedForward, naturalPerson: 3, commercial: 1, total: 4 };
    previous.requests.newReceived.naturalPerson = 9;
    const next = startFromPrevious(previous, 2025, agency);
    expect(next.year).toBe(2025);
    expect(next.requests.carriedOver).toMatchObject({ naturalPerson: 3, commercial: 1, total: 4, research: null });
    expect(next.requests.newReceived.naturalPerson).toBeNull();
  });

  it("adds 本年增/减 to 上一年项目数量 in the 2019 edition and keeps absent rows absent", () => {
    const previous = emptyReport("2019", 2019, agency);
    previous.activeDisclosure.licensing = { lastYearItems: 20, change: -3, decisions: 5 };
    previous.activeDisclosure.fees = { lastYearItems: 4, change: null };
    delete previous.activeDisclosure.regulations;
    const next = startFromPrevious(previous, 2020, agency);
    expect(next.activeDisclosure.licensing).toEqual({ lastYearItems: 17, change: null, decisions: null });
    expect(next.activeDisclosure.fees.lastYearItems).toBeNull();
    expect(next.activeDisclosure.regulations).toBeUndefined();
  });

  it("moves to the 2021 edition from a 2020 report and copies website, contact and sub-headings", () => {
    const previous = emptyReport("2019", 2020, agency);
    previous.website = { name: "区政府门户网站", url: "http://example.gov.cn" };
    previous.contact = { address: "北关路171号", phone: "0535-5601507", postcode: "265600" };
    previous.overview = [{ heading: "主动公开情况", text: "去年的正文" }];
    previous.otherMatters = [{ heading: "", text: "去年的其他事项" }];
    const next = startFromPrevious(previous, 2021, agency);
    expect(next.edition).toBe("2021");
    expect(next.website).toEqual(previous.website);
    expect(next.contact).toEqual(previous.contact);
    expect(next.overview).toEqual([{ heading: "主动公开情况", text: "" }]);
    expect(next.otherMatters).toEqual([{ heading: "", text: "" }]);
    expect(next.activeDisclosure.otherServices).toBeUndefined();
  });

  it("copies no column the new report lacks: last year's 其他 applicant column stays behind", () => {
    const previous = emptyReport("2021", 2024, agency);
    previous.requests.carriedForward = { ...previous.requests.carriedForward, naturalPerson: 2, otherApplicant: 5, total: 7 };
    const next = startFromPrevious(previous, 2025, agency);
    expect(next.requests.carriedOver).not.toHaveProperty("otherApplicant");
    expect(Object.keys(next.requests.carriedOver)).toEqual(Object.keys(emptyReport("2021", 2025, agency).requests.carriedOver));
    expect(next.requests.carriedOver).toMatchObject({ naturalPerson: 2, total: 7 });
  });

  it("leaves 上一年项目数量 blank when last year's was blank, whatever the change", () => {
    const previous = emptyReport("2019", 2019, agency);
    previous.activeDisclosure.licensing = { lastYearItems: null, change: 3, decisions: 5 };
    const next = startFromPrevious(previous, 2020, agency);
    expect(next.activeDisclosure.licensing.lastYearItems).toBeNull();
  });

  it("gives the 2021 edition's table 二 rows no 上一年项目数量 cell", () => {
    const previous = emptyReport("2021", 2024, agency);
    const next = startFromPrevious(previous, 2025, agency);
    expect(next.activeDisclosure).toEqual(emptyReport("2021", 2025, agency).activeDisclosure);
    for (const row of Object.values(next.activeDisclosure)) expect(row).not.toHaveProperty("lastYearItems");
  });

  it("keeps the default overview headings when last year had none, and adds no website or contact", () => {
    const fresh = emptyReport("2021", 2025, agency);
    const withEmpty = emptyReport("2021", 2024, agency);
    withEmpty.overview = [];
    expect(startFromPrevious(withEmpty, 2025, agency).overview).toEqual(fresh.overview);
    const withoutOverview = emptyReport("2021", 2024, agency);
    delete withoutOverview.overview;
    const next = startFromPrevious(withoutOverview, 2025, agency);
    expect(next.overview).toEqual(fresh.overview);
    expect(next.overview?.length).toBeGreaterThan(0);
    expect(next.website).toBeUndefined();
    expect(next.contact).toBeUndefined();
    expect(next.otherMatters).toBeUndefined();
    expect("website" in next).toBe(false);
    expect("contact" in next).toBe(false);
  });
});
