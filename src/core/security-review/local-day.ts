// Calendar days in the machine's own time zone: "today" is the person's today, not UTC's.
const pad = (n: number) => String(n).padStart(2, '0');

export function localDay(epochMs: number): string {
  const d = new Date(epochMs);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The ISO instants a local day starts (inclusive) and ends (exclusive), DST included. */
export function dayBounds(day: string): { from: string; to: string } {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return { from: new Date(y, m - 1, d).toISOString(), to: new Date(y, m - 1, d + 1).toISOString() };
}

/** The `count` local days ending with the one containing `now`, newest first. */
export function lastDays(now: number, count: number): string[] {
  const today = new Date(now);
  return Array.from({ length: count }, (_, i) =>
    localDay(new Date(today.getFullYear(), today.getMonth(), today.getDate() - i, 12).getTime()),
  );
}
