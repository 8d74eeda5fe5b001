// Calendar days in the organisation's time zone: which day an instant belongs to, and how an interval
// splits across midnights. Built on Intl, so it follows the platform's tz database (DST included).

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when the runtime knows the IANA zone name. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(epochMs: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(epochMs)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** `YYYY-MM-DD` of the instant in the zone. */
export function dateInZone(epochMs: number, timeZone: string): string {
  const w = wallClock(epochMs, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** Offset of the zone from UTC at the instant, in milliseconds (east positive). */
function offsetMs(epochMs: number, timeZone: string): number {
  const w = wallClock(epochMs, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - (epochMs - (epochMs % 1000 + 1000) % 1000);
}

/** The first instant of the given local date in the zone (handles zones whose midnight is skipped). */
export function startOfDate(date: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d);
  // Two passes settle the offset even when the guess lands on the other side of a DST change.
  let guess = wall - offsetMs(wall, timeZone);
  guess = wall - offsetMs(guess, timeZone);
  // If local midnight does not exist (DST at 00:00), the day starts at the first instant on that date.
  if (dateInZone(guess, timeZone) !== date) {
    while (dateInZone(guess, timeZone) < date) guess += 60_000;
  }
  return guess;
}

/** The date after the given one (pure calendar arithmetic). */
export function nextDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + 1));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/**
 * Every date from `from` to `to`, inclusive. The day after 9999-12-31 is 10000-01-01, which sorts
 * before it as text: a date longer than YYYY-MM-DD ends the walk.
 */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d.length === 10 && d <= to; d = nextDate(d)) out.push(d);
  return out;
}

/**
 * Splits [startMs, endMs) at the zone's midnights: one piece per local date, in order.
 *
 *   23:00 ─────────┼──────── 01:30      →  { date: D, 3600 s }, { date: D+1, 5400 s }
 *               midnight
 */
export function splitByDay(
  startMs: number,
  endMs: number,
  timeZone: string,
): { date: string; startMs: number; endMs: number }[] {
  const out: { date: string; startMs: number; endMs: number }[] = [];
  let cursor = startMs;
  while (cursor < endMs) {
    const date = dateInZone(cursor, timeZone);
    const boundary = startOfDate(nextDate(date), timeZone);
    const pieceEnd = Math.min(endMs, boundary);
    out.push({ date, startMs: cursor, endMs: pieceEnd });
    cursor = pieceEnd;
  }
  return out;
}

/** The instant as ISO 8601 local time in the zone with its offset, e.g. 2026-03-06T09:00:00.250+08:00. */
export function instantInZone(epochMs: number, timeZone: string): string {
  const w = wallClock(epochMs, timeZone);
  const ms = ((epochMs % 1000) + 1000) % 1000;
  const offsetMinutes = Math.round(offsetMs(epochMs, timeZone) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return (
    `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}` +
    `${ms === 0 ? '' : `.${pad(ms, 3)}`}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}
