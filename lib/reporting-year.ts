export const FIRST_REPORT_YEAR = 2019;

/**
 * The year being reported, which year pickers open on: the year before the current one. A year's report
 * covers 1 January to 31 December and is written and published in the following year (by 31 January,
 * 《政府信息公开条例》第五十条), so in November 2026 the report at hand is still that of 2025.
 */
export function defaultReportYear(today: Date = new Date()): number {
  return today.getFullYear() - 1;
}

export function selectableReportYears(today: Date = new Date()): number[] {
  const years: number[] = [];
  for (let year = today.getFullYear(); year >= FIRST_REPORT_YEAR; year--) years.push(year);
  return years;
}
