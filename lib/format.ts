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

/** From one moment to another, in Beijing time: 2026-11-25 14:32–15:10, or both in full across days. */
export function formatTimeSpan(from: Date, to: Date): string {
  const start = formatDateTime(from);
  const end = formatDateTime(to);
  if (start === end) return start;
  return start.slice(0, 10) === end.slice(0, 10) ? `${start}–${end.slice(11)}` : `${start} – ${end}`;
}
