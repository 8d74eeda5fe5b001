// Numbers, hours and dates as the reader's locale writes them. Study hours (学时) always carry one
// decimal, so 0.0 h reads as "nothing yet" rather than as a missing value.
import { dateInZone } from '../../../shared/time/zoned-days.ts';

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** Seconds as hours with one decimal, rounded half up at the tenth. */
export function hoursValue(seconds: number): number {
  return Math.round(seconds / 360) / 10;
}

export function formatHours(seconds: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(hoursValue(seconds));
}

type StudyUnit = 'hour' | 'minute' | 'second';

/**
 * The unit an amount of study reads best in: hours from an hour on; minutes below, where hours to one
 * decimal would read 7.5 minutes as "0.1"; seconds below a minute, where minutes to a tenth would read
 * a few seconds as "0". Nothing is zero hours, "nothing yet" as in every total.
 */
function studyUnit(seconds: number): StudyUnit {
  if (seconds <= 0 || seconds >= 3600) return 'hour';
  return seconds < 60 ? 'second' : 'minute';
}

/** The amount in its unit with the unit's name, as the locale writes it ("7.5 min", "7.5分钟"). */
function formatInUnit(seconds: number, unit: StudyUnit, locale: Locale): string {
  const amount = unit === 'hour' ? hoursValue(seconds) : unit === 'minute' ? Math.round(seconds / 6) / 10 : Math.round(seconds * 10) / 10;
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    minimumFractionDigits: unit === 'hour' ? 1 : 0,
    maximumFractionDigits: 1,
  }).format(amount);
}

/**
 * A headline amount of study: minutes or seconds, with the unit, below an hour; study hours (学时) from
 * an hour on, bare, as everywhere else, the figure's label naming them.
 */
export function formatStudyTime(seconds: number, locale: Locale): string {
  const unit = studyUnit(seconds);
  return unit === 'hour' ? formatHours(seconds, locale) : formatInUnit(seconds, unit, locale);
}

/**
 * An amount of study that always names its unit, for table cells and lines where no label says hours:
 * "7.5 min" below an hour, "1.2 hr" from an hour on, so no amount in a list reads "0.1" for minutes.
 */
export function formatStudyTimeWithUnit(seconds: number, locale: Locale): string {
  return formatInUnit(seconds, studyUnit(seconds), locale);
}

export function formatInteger(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/** A share from 0 to 1 as a whole percentage. */
export function formatPercent(share: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** A calendar date (YYYY-MM-DD) in long form; read as UTC so no time zone moves it a day. */
export function formatDate(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

export function formatShortDate(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

export function formatMonth(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** The organisation's calendar date of an instant, in long form (an ISO string cut at 10 is UTC's date). */
export function formatInstantDate(instant: string, locale: Locale, timeZone: string): string {
  return formatDate(dateInZone(Date.parse(instant), timeZone), locale);
}

export function formatDateRange(from: string, to: string, locale: Locale): string {
  return from === to ? formatDate(from, locale) : `${formatDate(from, locale)} – ${formatDate(to, locale)}`;
}

/**
 * An instant with its time in the organisation's zone (AppContext.timeZone). The zone is required: left
 * out, Intl would use the browser's, and a reader travelling or on a mis-set laptop would see another day.
 */
export function formatInstant(instant: string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(instant));
}
