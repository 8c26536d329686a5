export const FIRST_REPORT_YEAR = 2019;

/**
 * The year whose report an agency is most likely working on: from November a year's report is being
 * drafted; before that, last year's is still being finished and published.
 */
export function defaultReportYear(today: Date = new Date()): number {
  return today.getMonth() >= 10 ? today.getFullYear() : today.getFullYear() - 1;
}

export function selectableReportYears(today: Date = new Date()): number[] {
  const years: number[] = [];
  for (let year = today.getFullYear(); year >= FIRST_REPORT_YEAR; year--) years.push(year);
  return years;
}
