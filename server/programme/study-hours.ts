// 学时 for any date range, the one computation every screen and export uses: credited online study
// converted at the rate in force on its day, with the yearly cap in force on the day applied to the
// year's running total (so the months of a year add up to the year), plus the credited hours of
// sessions attended. What was counted and what is credited both stay visible; every difference carries
// its reason, and the figure names the versions of the credit rules it was made under (credit-rules.ts).
import type { CreditRule, CreditRuleRef } from '../../shared/schemas/programme-settings.ts';
import { dateOfDay, dayNumber, monthEndOf, monthStartOf } from '../../shared/time/day-numbers.ts';
import type { DateRange } from '../../shared/time/periods.ts';
import { rulesInRange } from './credit-rules.ts';

export interface StudyHours {
  /** Credited online seconds counted in the range (the learning log's total), before conversion and cap. */
  onlineSeconds: number;
  onlineCreditedHours: number;
  sessionHours: number;
  /** Online credited plus sessions, in whole seconds: what targets and gaps are measured against. */
  totalSeconds: number;
  totalHours: number;
  adjustments: { reason: 'online_conversion' | 'online_cap'; hours: number }[];
  /** The versions of the credit rules in force on some day of the range, oldest first. */
  creditRules: CreditRuleRef[];
}

/**
 * A day of the learning log (a DayTotalRecord is one, so a report passes what it read without copying
 * it), or the sum of several days (a month's, Store.periodTotalsOf) counted as on its first day: every
 * day it sums must lie in one year, under one version of the rules, and on one side of the range's first
 * day, which is what lets a sum stand for its days (below).
 */
export interface OnlineDay {
  /** Day number (shared/time/day-numbers.ts); of a sum, its first day. */
  day: number;
  /** The log's credited online seconds that day (or those days), before conversion and cap. */
  creditedSeconds: number;
}

/** `days` in day order: as given when they already are (as the store returns them), else a sorted copy. */
function inDayOrder(days: readonly OnlineDay[]): readonly OnlineDay[] {
  for (let i = 1; i < days.length; i++) if (days[i]!.day < days[i - 1]!.day) return [...days].sort((a, b) => a.day - b.day);
  return days;
}

const tenth = (h: number) => Math.round(h * 10) / 10;

/**
 * `onlineDays` must cover the range, and when some version of the rules sets a cap also every day from
 * 1 January of the range's first year: the cap counts what the year has credited already. Other days
 * are ignored. A day converts at its own version's rate; its credit is what is left under its own
 * version's cap after the year's earlier days (a cap lowered mid-year takes back nothing credited
 * before, a cap raised credits more from then on). Under one version this is min(year so far, cap).
 */
export function studyHoursInRange(input: { range: DateRange; onlineDays: readonly OnlineDay[]; sessionHours: number; rules: readonly CreditRule[] }): StudyHours {
  const first = dayNumber(input.range.from);
  const last = dayNumber(input.range.to);
  const firstYearStart = dayNumber(`${input.range.from.slice(0, 4)}-01-01`);
  // Each version's first day as a day number, so a day finds its version without building dates.
  const starts = input.rules.map((rule) => (rule.from === null ? -Infinity : dayNumber(rule.from)));
  const versionOn = (day: number) => {
    let index = 0;
    for (let i = 0; i < starts.length; i++) if (starts[i]! <= day) index = i;
    return input.rules[index]!;
  };
  // Run for every person of a report (1,000 × a year and more of days): no copy of the days is made.
  const days = inDayOrder(input.onlineDays);
  let countedSeconds = 0;
  let convertedHours = 0;
  let onlineCredited = 0;
  let yearEnd = -Infinity;
  let creditedThisYear = 0;
  // Days are credited a run at a time: a run is consecutive days of one year, under one version, on one
  // side of the range's first day. Under one version, crediting each day what is left under the cap
  // credits the run min(its converted hours, what is left under the cap at its start), so the run's
  // whole seconds are converted once: the same figure to the last bit whether its days come one by one
  // or summed by month (a run is never split by a month sum), which adding up per-day fractions of an
  // hour would not give.
  let runRule: CreditRule | null = null;
  let runInRange = false;
  let runSeconds = 0;
  const endRun = () => {
    if (runRule === null) return;
    const { hoursPerHour, yearlyCapHours } = runRule.online;
    const converted = (runSeconds / 3600) * hoursPerHour;
    const credited = yearlyCapHours === null ? converted : Math.min(converted, Math.max(0, yearlyCapHours - creditedThisYear));
    creditedThisYear += credited;
    if (runInRange) {
      countedSeconds += runSeconds;
      convertedHours += converted;
      onlineCredited += credited;
    }
    runRule = null;
    runSeconds = 0;
  };
  for (const d of days) {
    if (d.day < firstYearStart) continue;
    if (d.day > last) break;
    const rule = versionOn(d.day);
    const inRange = d.day >= first;
    if (d.day > yearEnd) {
      endRun();
      yearEnd = dayNumber(`${dateOfDay(d.day).slice(0, 4)}-12-31`);
      creditedThisYear = 0;
    } else if (rule !== runRule || inRange !== runInRange) {
      endRun();
    }
    runRule = rule;
    runInRange = inRange;
    runSeconds += d.creditedSeconds;
  }
  endRun();
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
    creditRules: rulesInRange(input.rules, input.range.from, input.range.to),
  };
}

/**
 * The months (their first days) whose days studyHoursInRange may be given summed, when it reads the
 * days [readFromDay, range.to]: the whole months inside that span that the range's first day does not
 * cut and in which no version of the rules starts after their first day. The other days (the span's
 * partial first and last months, the month the range starts in, a month whose rules change in it) are
 * to be given one by one.
 */
export function summableMonths(readFromDay: number, range: DateRange, rules: readonly CreditRule[]): number[] {
  const first = dayNumber(range.from);
  const last = dayNumber(range.to);
  const starts = rules.flatMap((rule) => (rule.from === null ? [] : [dayNumber(rule.from)]));
  const months: number[] = [];
  for (let start = monthStartOf(readFromDay); start <= last; start = monthEndOf(start) + 1) {
    const end = monthEndOf(start);
    if (start < readFromDay || end > last) continue;
    if (start < first && end >= first) continue;
    if (starts.some((s) => s > start && s <= end)) continue;
    months.push(start);
  }
  return months;
}
