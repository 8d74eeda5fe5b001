// Calendar dates as day numbers (days since 1970-01-01): compact keys for daily totals, and cheap to
// compare and step. A date's day number does not depend on any time zone.

const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' → day number. */
export function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

/** Day number → 'YYYY-MM-DD'. */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
