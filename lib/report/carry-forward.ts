/**
 * Starting a year's report from last year's: what carries over (contract: issue #5) and nothing else.
 */
import { editionForYear } from "./editions";
import { emptyReport, type Agency, type Cell, type Report } from "./model";

function addCells(a: Cell | undefined, b: Cell | undefined): Cell {
  return typeof a === "number" && typeof b === "number" ? a + b : null;
}

/**
 * The report of `year` prefilled from the previous year's:
 * - table 三 二、上年结转 ← last year's 四、结转下年度继续办理, per column;
 * - 2019 edition 上一年项目数量 ← last year's 上一年项目数量 + 本年增/减;
 * - table 二 rows last year marked not applicable stay absent;
 * - website, contact, and the sub-headings of 一 and 六 (their texts start empty).
 */
export function startFromPrevious(previous: Report, year: number, agency: Agency): Report {
  const report = emptyReport(editionForYear(year), year, agency);

  for (const [columnKey, value] of Object.entries(previous.requests.carriedForward ?? {})) {
    if (columnKey in report.requests.carriedOver) report.requests.carriedOver[columnKey] = value;
  }

  for (const rowKey of Object.keys(report.activeDisclosure)) {
    const lastYear = previous.activeDisclosure[rowKey];
    if (!lastYear) {
      delete report.activeDisclosure[rowKey];
      continue;
    }
    const row = report.activeDisclosure[rowKey];
    if ("lastYearItems" in row) row.lastYearItems = addCells(lastYear.lastYearItems, lastYear.change);
  }

  if (previous.website) report.website = { ...previous.website };
  if (previous.contact) report.contact = { ...previous.contact };
  if (previous.overview?.length) report.overview = previous.overview.map(({ heading }) => ({ heading, text: "" }));
  if (previous.otherMatters?.length) {
    report.otherMatters = previous.otherMatters.map(({ heading }) => ({ heading, text: "" }));
  }
  return report;
}
