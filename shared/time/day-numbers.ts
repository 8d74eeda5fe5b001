// Calendar dates as day numbers (days since 1970-01-01): compact keys for daily totals, and cheap to
// compare and step. A date's day number does not depend on any time zone.

const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' → day number. */
export function dayNumber(date: string): number {
  // Called several times per person in a year summary of a thousand: read without building arrays.
  const a = date.indexOf('-');
  const b = date.indexOf('-', a + 1);
  return Math.round(Date.UTC(Number(date.slice(0, a)), Number(date.slice(a + 1, b)) - 1, Number(date.slice(b + 1))) / DAY_MS);
}

/** Day number → 'YYYY-MM-DD'. */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The first day of `day`'s calendar month. */
export function monthStartOf(day: number): number {
  return dayNumber(`${dateOfDay(day).slice(0, 8)}01`);
}

/** The last day of `day`'s calendar month. */
export function monthEndOf(day: number): number {
  const date = dateOfDay(day);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return dayNumber(month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`) - 1;
}
