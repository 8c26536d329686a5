const dateTimeFormat = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

/** A moment as clerks read it, in Beijing time: 2026-11-25 14:32. */
export function formatDateTime(value: Date): string {
  const parts = Object.fromEntries(dateTimeFormat.formatToParts(value).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

const clockFormat = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

/** The time of day in Beijing time, 14:32, the same on the server and in any browser. */
export function formatClock(value: Date): string {
  return clockFormat.format(value);
}
