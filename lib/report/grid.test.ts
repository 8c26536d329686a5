import { describe, expect, it } from "vitest";
import { EDITION_IDS, getEdition } from "./editions";
import { layoutOf } from "./layout";
import { emptyReport } from "./model";
import { activeDisclosureGrid, planPaste, requestsGrid, reviewLitigationGrid } from "./grid";

const edition2021 = getEdition("2021");
const report = emptyReport("2021", 2025, { name: "某局" });

describe("grids", () => {
  it("mark the totals of tables 三 and 四 as computed", () => {
    const grid = requestsGrid(edition2021, report);
    const totalHandled = grid.rows.find((row) => row.key === "totalHandled")!;
    expect(totalHandled.cells.every((cell) => cell.computed)).toBe(true);
    expect(grid.rows[0].cells.at(-1)).toMatchObject({ path: "requests.newReceived.total", computed: true });
    expect(grid.rows[0].cells[0]).toMatchObject({ path: "requests.newReceived.naturalPerson", computed: false });
    const review = reviewLitigationGrid(edition2021).rows[0].cells;
    expect(review).toHaveLength(15);
    expect(review.filter((cell) => cell.computed).map((cell) => cell.path)).toEqual([
      "reviewLitigation.review.total",
      "reviewLitigation.litigationDirect.total",
      "reviewLitigation.litigationAfterReview.total",
    ]);
  });

  it("take the computed cells from the layout, which lists exactly those", () => {
    for (const id of EDITION_IDS) {
      const edition = getEdition(id);
      const withOther = emptyReport(id, 2025, { name: "某局" });
      withOther.requests.newReceived.otherApplicant = null;
      const cells = [requestsGrid(edition, withOther), reviewLitigationGrid(edition)].flatMap((grid) => grid.rows.flatMap((row) => row.cells));
      const computed = cells.filter((cell) => cell.computed).map((cell) => cell.path);
      expect(new Set(computed)).toEqual(layoutOf(id).computedPaths);
      expect(activeDisclosureGrid(edition).rows.flatMap((row) => row.cells).some((cell) => cell.computed)).toBe(false);
    }
    // 2021: 24 rows a person fills × 6 applicant columns in table 三, 3 groups × 4 cells in table 四.
    const fillable = [requestsGrid(edition2021, report), reviewLitigationGrid(edition2021)].map(
      (grid) => grid.rows.flatMap((row) => row.cells).filter((cell) => !cell.computed).length,
    );
    expect(fillable).toEqual([144, 12]);
  });

  it("includes the optional 其他 applicant column only when the report has it", () => {
    const seedLike = emptyReport("2019", 2020, { name: "某街道" });
    seedLike.requests.newReceived.otherApplicant = 0;
    expect(requestsGrid(getEdition("2019"), seedLike).rows[0].cells).toHaveLength(8);
    expect(requestsGrid(getEdition("2019"), emptyReport("2019", 2020, { name: "某街道" })).rows[0].cells).toHaveLength(7);
  });
});

describe("planPaste", () => {
  const grid = requestsGrid(edition2021, report);

  it("maps a block from the focused cell and skips computed cells", () => {
    const plan = planPaste(edition2021, grid, { row: 0, column: 5 }, [["1", "2"]]);
    expect(plan).toEqual({ ok: true, writes: [{ path: "requests.newReceived.otherOrg", value: 1 }] });
  });

  it("refuses the whole block when one value is not a number, naming the cell", () => {
    const plan = planPaste(edition2021, grid, { row: 0, column: 0 }, [["1", "2"], ["3", "x"]]);
    expect(plan.ok).toBe(false);
    if (!plan.ok) {
      expect(plan.message).toContain("「二、上年结转政府信息公开申请数量」的「商业企业」");
      expect(plan.message).toContain("只能填写不小于 0 的整数");
    }
  });

  it("refuses a block larger than the table", () => {
    expect(planPaste(edition2021, grid, { row: 0, column: 6 }, [["1", "2", "3"]]).ok).toBe(false);
    const review = reviewLitigationGrid(edition2021);
    expect(planPaste(edition2021, review, { row: 0, column: 0 }, [["1"], ["2"]]).ok).toBe(false);
  });

  it("skips table 二 rows that do not apply", () => {
    const ad = activeDisclosureGrid(edition2021);
    const plan = planPaste(edition2021, ad, { row: 0, column: 0 }, [["1"], ["2"]], (key) => key === "normativeDocuments");
    expect(plan).toEqual({
      ok: true,
      writes: [
        { path: "activeDisclosure.regulations.made", value: 1 },
        { path: "activeDisclosure.licensing.decisions", value: 2 },
      ],
    });
  });
});
