/**
 * Deadlines of a year's report (条例第四十九条): year Y's report is due in Y+1 — departments by 1月31日,
 * a people's government's own report by 3月31日, or earlier when the office above it sets a date; townships
 * and streets by the date their county office sets.
 */
import type { AgencyLevel } from "@/lib/report/model";

export type Deadline = { date: string; label: string };

const MONTH_DAY = /^(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether text is a month and day (MM-DD) that exists in some year (02-29 included). */
export function isMonthDay(text: string): boolean {
  const match = MONTH_DAY.exec(text);
  if (!match) return false;
  const month = Number(match[1]);
  const day = Number(match[2]);
  return month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1];
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** `1月31日` for `01-31`. */
export function monthDayLabel(monthDay: string): string {
  const [month, day] = monthDay.split("-").map(Number);
  return `${month}月${day}日`;
}

/** The month and day (MM-DD) of an agency's deadline, or null for a township whose county set none. */
function deadlineMonthDay(level: AgencyLevel, parentDeadline: string | null): string | null {
  const set = parentDeadline && isMonthDay(parentDeadline) ? parentDeadline : null;
  if (level === "department") return "01-31";
  if (level === "government") return set ?? "03-31";
  return set;
}

/**
 * The deadline of an agency's report of `year`, given the date its parent office sets for the agencies
 * directly under it (null when none); null for a township whose county set none. 02-29 falls on 02-28 in a
 * common year.
 */
export function reportDeadline(level: AgencyLevel, year: number, parentDeadline: string | null): Deadline | null {
  const monthDay = deadlineMonthDay(level, parentDeadline);
  if (!monthDay) return null;
  const dueYear = year + 1;
  const effective = monthDay === "02-29" && !isLeapYear(dueYear) ? "02-28" : monthDay;
  return { date: `${dueYear}-${effective}`, label: `${dueYear}年${monthDayLabel(effective)}` };
}

const beijingDate = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar date (YYYY-MM-DD) of a moment in Beijing. */
export function beijingDay(moment: Date): string {
  return beijingDate.format(moment);
}

/** Whole days from the Beijing date of `moment` to a date (negative once it has passed). */
export function daysUntil(date: string, moment: Date): number {
  const toUtc = (day: string) => {
    const [y, m, d] = day.split("-").map(Number);
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((toUtc(date) - toUtc(beijingDay(moment))) / 86_400_000);
}

/** The rule in words, for the admin's list of agencies: 次年1月31日, or 未设定 for townships without a date. */
export function deadlineRule(level: AgencyLevel, parentDeadline: string | null): string {
  const monthDay = deadlineMonthDay(level, parentDeadline);
  return monthDay ? `次年${monthDayLabel(monthDay)}` : "未设定";
}
