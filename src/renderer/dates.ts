// Calendar days and months as the contract takes them (YYYY-MM-DD, YYYY-MM), in the user's local time.
function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function dayString(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function monthString(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}`;
}

export function daysAgo(days: number, from: Date = new Date()): Date {
  const d = new Date(from);
  d.setDate(d.getDate() - days);
  return d;
}

/** This month and the `count - 1` before it, newest first, as YYYY-MM. */
export function recentMonths(from: Date, count: number): string[] {
  return Array.from({ length: count }, (_, i) =>
    monthString(new Date(from.getFullYear(), from.getMonth() - i, 1)),
  );
}
