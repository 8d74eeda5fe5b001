// Date and time inputs in the organisation's time zone (not the browser's): what an organiser types
// becomes an instant with the zone's offset, and an instant shows as the zone's wall time.
import { instantInZone, startOfDate } from '../../../../shared/time/zoned-days.ts';

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** `date` + `HH:MM` in the zone as ISO 8601 with offset; null when the time is malformed. */
export function wallTimeToInstant(date: string, time: string, timeZone: string): string | null {
  const m = TIME.exec(time);
  if (m === null || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const ms = startOfDate(date, timeZone) + (Number(m[1]) * 60 + Number(m[2])) * 60_000;
  return instantInZone(ms, timeZone);
}

/** `HH:MM` of an instant in the zone. */
export function wallTime(instant: string, timeZone: string): string {
  return instantInZone(Date.parse(instant), timeZone).slice(11, 16);
}
