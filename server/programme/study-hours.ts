// 学时 for any date range, the one computation every screen and export uses: credited online study
// converted at the configured rate, with the yearly cap applied to the year's running total (so the
// months of a year add up to the year), plus the credited hours of sessions attended. What was counted
// and what is credited both stay visible; every difference carries its reason.
import type { OnlineCredit } from '../../shared/schemas/programme-settings.ts';
import { dayNumber } from '../../shared/time/day-numbers.ts';
import type { DateRange } from '../../shared/time/periods.ts';

export interface StudyHours {
  /** Credited online seconds counted in the range (the learning log's total), before conversion and cap. */
  onlineSeconds: number;
  onlineCreditedHours: number;
  sessionHours: number;
  /** Online credited plus sessions, in whole seconds: what targets and gaps are measured against. */
  totalSeconds: number;
  totalHours: number;
  adjustments: { reason: 'online_conversion' | 'online_cap'; hours: number }[];
}

export interface OnlineDay {
  /** Day number (shared/time/day-numbers.ts). */
  day: number;
  seconds: number;
}

const tenth = (h: number) => Math.round(h * 10) / 10;

/**
 * `onlineDays` must cover the range, and when a cap is set also every day from 1 January of the
 * range's first year: the cap counts what the year has credited already. Other days are ignored.
 */
export function studyHoursInRange(input: { range: DateRange; onlineDays: readonly OnlineDay[]; sessionHours: number; online: OnlineCredit }): StudyHours {
  const { hoursPerHour, yearlyCapHours } = input.online;
  const first = dayNumber(input.range.from);
  const last = dayNumber(input.range.to);
  const firstYear = Number(input.range.from.slice(0, 4));
  const lastYear = Number(input.range.to.slice(0, 4));
  let countedSeconds = 0;
  let convertedHours = 0;
  let onlineCredited = 0;
  for (let year = firstYear; year <= lastYear; year++) {
    const yearStart = dayNumber(`${year}-01-01`);
    const from = Math.max(first, yearStart);
    const to = Math.min(last, dayNumber(`${year}-12-31`));
    let before = 0;
    let within = 0;
    for (const d of input.onlineDays) {
      if (d.day >= yearStart && d.day < from) before += d.seconds;
      else if (d.day >= from && d.day <= to) within += d.seconds;
    }
    const convert = (seconds: number) => (seconds / 3600) * hoursPerHour;
    const capped = (hours: number) => (yearlyCapHours === null ? hours : Math.min(hours, yearlyCapHours));
    countedSeconds += within;
    convertedHours += convert(within);
    onlineCredited += capped(convert(before + within)) - capped(convert(before));
  }
  const counted = countedSeconds / 3600;
  const adjustments: StudyHours['adjustments'] = [];
  if (tenth(convertedHours) !== tenth(counted)) adjustments.push({ reason: 'online_conversion', hours: tenth(convertedHours - counted) });
  if (onlineCredited < convertedHours) adjustments.push({ reason: 'online_cap', hours: tenth(onlineCredited - convertedHours) });
  const totalSeconds = Math.round(onlineCredited * 3600) + Math.round(input.sessionHours * 3600);
  return {
    onlineSeconds: countedSeconds,
    onlineCreditedHours: tenth(onlineCredited),
    sessionHours: tenth(input.sessionHours),
    totalSeconds,
    totalHours: tenth(totalSeconds / 3600),
    adjustments,
  };
}
