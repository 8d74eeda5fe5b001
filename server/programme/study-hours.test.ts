import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../shared/time/day-numbers.ts';
import type { CreditRule, OnlineCredit } from '../../shared/schemas/programme-settings.ts';
import { dateOfDay, monthEndOf } from '../../shared/time/day-numbers.ts';
import { studyHoursInRange, summableMonths, type OnlineDay } from './study-hours.ts';

const year = { from: '2026-01-01', to: '2026-12-31' };
const noCap = { hoursPerHour: 1, yearlyCapHours: null };
const tariff = { halfDayHours: 4, dayHours: 8 };
/** One version of the rules for every day. */
const only = (online: OnlineCredit): CreditRule[] => [{ version: 1, from: null, savedAt: null, tariff, online }];
const on = (date: string, hours: number): OnlineDay => ({ day: dayNumber(date), creditedSeconds: hours * 3600 });

describe('studyHoursInRange', () => {
  it('credits online study hour for hour with no cap by default, plus sessions', () => {
    expect(studyHoursInRange({ range: year, onlineDays: [on('2026-03-06', 4), on('2026-05-08', 6)], sessionHours: 12, rules: only(noCap) })).toEqual({
      onlineSeconds: 36_000,
      onlineCreditedHours: 10,
      sessionHours: 12,
      totalSeconds: 22 * 3600,
      totalHours: 22,
      adjustments: [],
      creditRules: [{ version: 1, from: null }],
    });
  });

  it('counts only the days of the range', () => {
    const c = studyHoursInRange({ range: { from: '2026-03-01', to: '2026-03-31' }, onlineDays: [on('2026-02-28', 5), on('2026-03-06', 2), on('2026-04-01', 7)], sessionHours: 0, rules: only(noCap) });
    expect(c.onlineSeconds).toBe(7200);
    expect(c.totalHours).toBe(2);
  });

  it('shows a conversion rate as an adjustment', () => {
    const c = studyHoursInRange({ range: year, onlineDays: [on('2026-03-06', 10)], sessionHours: 0, rules: only({ hoursPerHour: 0.5, yearlyCapHours: null }) });
    expect(c.onlineCreditedHours).toBe(5);
    expect(c.adjustments).toEqual([{ reason: 'online_conversion', hours: -5 }]);
  });

  it('caps online hours after conversion, saying by how much', () => {
    const c = studyHoursInRange({ range: year, onlineDays: [on('2026-03-06', 50)], sessionHours: 8, rules: only({ hoursPerHour: 1, yearlyCapHours: 40 }) });
    expect(c).toMatchObject({ onlineCreditedHours: 40, totalHours: 48, adjustments: [{ reason: 'online_cap', hours: -10 }] });
  });

  it('applies the yearly cap to the running total, so the months add up to the year', () => {
    const online = { hoursPerHour: 1, yearlyCapHours: 30 };
    const days = [on('2026-01-10', 20), on('2026-02-10', 20), on('2026-03-10', 20)];
    const month = (m: string, to: string) => studyHoursInRange({ range: { from: `2026-${m}-01`, to }, onlineDays: days, sessionHours: 0, rules: only(online) }).onlineCreditedHours;
    expect([month('01', '2026-01-31'), month('02', '2026-02-28'), month('03', '2026-03-31')]).toEqual([20, 10, 0]);
    expect(studyHoursInRange({ range: year, onlineDays: days, sessionHours: 0, rules: only(online) }).onlineCreditedHours).toBe(30);
  });

  it('starts the cap afresh in each year a range touches', () => {
    const c = studyHoursInRange({
      range: { from: '2026-12-28', to: '2027-01-03' },
      onlineDays: [on('2026-06-01', 30), on('2026-12-29', 5), on('2027-01-02', 5)],
      sessionHours: 0,
      rules: only({ hoursPerHour: 1, yearlyCapHours: 30 }),
    });
    expect(c.onlineSeconds).toBe(10 * 3600);
    expect(c.onlineCreditedHours).toBe(5);
  });

  it('rounds hours to the tenth and keeps the total in whole seconds', () => {
    const c = studyHoursInRange({ range: year, onlineDays: [{ day: dayNumber('2026-03-06'), creditedSeconds: 1000 }], sessionHours: 1.5, rules: only(noCap) });
    expect(c).toMatchObject({ onlineCreditedHours: 0.3, sessionHours: 1.5, totalSeconds: 1000 + 5400, totalHours: 1.8 });
  });

  describe('under versions of the rules', () => {
    const v = (version: number, from: string | null, online: OnlineCredit): CreditRule => ({ version, from, savedAt: null, tariff, online });
    const halved = [v(1, null, noCap), v(2, '2026-03-09', { hoursPerHour: 0.5, yearlyCapHours: null })];

    it('converts each day at the rate in force on it, and names the versions the range spans', () => {
      const c = studyHoursInRange({ range: { from: '2026-03-01', to: '2026-03-31' }, onlineDays: [on('2026-03-08', 4), on('2026-03-09', 4)], sessionHours: 0, rules: halved });
      expect(c).toMatchObject({ onlineSeconds: 8 * 3600, onlineCreditedHours: 6, adjustments: [{ reason: 'online_conversion', hours: -2 }] });
      expect(c.creditRules).toEqual([
        { version: 1, from: null },
        { version: 2, from: '2026-03-09' },
      ]);
    });

    it('leaves a range before a change as it was: the same hours and version 1 only', () => {
      const feb = { from: '2026-02-01', to: '2026-02-28' };
      const days = [on('2026-02-10', 3), on('2026-03-10', 3)];
      const before = studyHoursInRange({ range: feb, onlineDays: days, sessionHours: 0, rules: only(noCap) });
      expect(studyHoursInRange({ range: feb, onlineDays: days, sessionHours: 0, rules: halved })).toEqual(before);
      expect(before.creditRules).toEqual([{ version: 1, from: null }]);
    });

    it('applies a lowered cap only from its day: nothing credited before is taken back', () => {
      const rules = [v(1, null, { hoursPerHour: 1, yearlyCapHours: 100 }), v(2, '2026-06-01', { hoursPerHour: 1, yearlyCapHours: 30 })];
      const days = [on('2026-02-10', 40), on('2026-06-10', 10)];
      const month = (from: string, to: string) => studyHoursInRange({ range: { from, to }, onlineDays: days, sessionHours: 0, rules }).onlineCreditedHours;
      expect([month('2026-02-01', '2026-02-28'), month('2026-06-01', '2026-06-30'), month('2026-01-01', '2026-12-31')]).toEqual([40, 0, 40]);
    });

    it('credits more from the day a cap is raised, and the months still add up to the year', () => {
      const rules = [v(1, null, { hoursPerHour: 1, yearlyCapHours: 30 }), v(2, '2026-06-01', { hoursPerHour: 1, yearlyCapHours: 50 })];
      const days = [on('2026-02-10', 40), on('2026-06-10', 40)];
      const range = (from: string, to: string) => studyHoursInRange({ range: { from, to }, onlineDays: days, sessionHours: 0, rules });
      expect(range('2026-02-01', '2026-02-28')).toMatchObject({ onlineCreditedHours: 30, adjustments: [{ reason: 'online_cap', hours: -10 }] });
      expect(range('2026-06-01', '2026-06-30').onlineCreditedHours).toBe(20);
      expect(range('2026-01-01', '2026-12-31').onlineCreditedHours).toBe(50);
    });

    it('uses the later of two versions saved on one day', () => {
      const rules = [v(1, null, noCap), v(2, '2026-03-09', { hoursPerHour: 2, yearlyCapHours: null }), v(3, '2026-03-09', { hoursPerHour: 0.5, yearlyCapHours: null })];
      const c = studyHoursInRange({ range: { from: '2026-03-09', to: '2026-03-09' }, onlineDays: [on('2026-03-09', 4)], sessionHours: 0, rules });
      expect(c.onlineCreditedHours).toBe(2);
      expect(c.creditRules).toEqual([{ version: 3, from: '2026-03-09' }]);
    });

    it('counts days given out of order as in order (the cap takes the year in day order)', () => {
      const online = { hoursPerHour: 1, yearlyCapHours: 10 };
      const rules = [v(1, null, online), v(2, '2026-06-01', { hoursPerHour: 2, yearlyCapHours: 10 })];
      const days = [on('2026-03-06', 6), on('2026-05-08', 3), on('2026-06-05', 2), on('2026-07-01', 4), on('2025-12-31', 9)];
      const range = { from: '2026-05-01', to: '2026-06-30' };
      const sorted = studyHoursInRange({ range, onlineDays: days.slice().sort((a, b) => a.day - b.day), sessionHours: 0, rules });
      const shuffled = [days[3]!, days[1]!, days[4]!, days[0]!, days[2]!];
      expect(studyHoursInRange({ range, onlineDays: shuffled, sessionHours: 0, rules })).toEqual(sorted);
      // May's 3 h fill the cap to 9 after March's 6; June's 2 h at 2 per hour are 4, of which 1 is left.
      expect(sorted.onlineCreditedHours).toBe(4);
      expect(shuffled.map((d) => d.day)).toEqual([days[3]!, days[1]!, days[4]!, days[0]!, days[2]!].map((d) => d.day));
    });

    it('gives the single-version answer for any split of a year under one version (the running total is the old min(year so far, cap))', () => {
      const online = { hoursPerHour: 0.7, yearlyCapHours: 33 };
      const days = Array.from({ length: 60 }, (_, i) => ({ day: dayNumber('2026-01-01') + i * 6, creditedSeconds: 1000 + ((i * 7919) % 20_000) }));
      const whole = studyHoursInRange({ range: year, onlineDays: days, sessionHours: 0, rules: only(online) });
      let sumSeconds = 0;
      for (let m = 1; m <= 12; m++) {
        const from = `2026-${String(m).padStart(2, '0')}-01`;
        const to = new Date(Date.UTC(2026, m, 0)).toISOString().slice(0, 10);
        sumSeconds += studyHoursInRange({ range: { from, to }, onlineDays: days, sessionHours: 0, rules: only(online) }).totalSeconds;
      }
      expect(whole.onlineCreditedHours).toBe(33);
      expect(Math.abs(sumSeconds - whole.totalSeconds)).toBeLessThanOrEqual(12);
    });
  });

  describe('from whole months summed (what a report reads from the monthly sums)', () => {
    const D = (date: string) => dayNumber(date);
    const rules = (...versions: [string | null, OnlineCredit][]): CreditRule[] => versions.map(([from, online], i) => ({ version: i + 1, from, savedAt: null, tariff, online }));

    it('sums the whole months inside what is read, not those the range cuts or the rules change in', () => {
      const r = rules([null, noCap], ['2026-05-01', { hoursPerHour: 0.5, yearlyCapHours: 40 }], ['2026-08-15', noCap]);
      // Read from 1 January (a cap is set) to 20 October; the range starts on 10 March.
      const months = summableMonths(D('2026-01-01'), { from: '2026-03-10', to: '2026-10-20' }, r).map(dateOfDay);
      // March is cut by the range's first day, August by a change on the 15th, October by the range's end;
      // May starts with its change, so it is whole under one version.
      expect(months).toEqual(['2026-01-01', '2026-02-01', '2026-04-01', '2026-05-01', '2026-06-01', '2026-07-01', '2026-09-01']);
      expect(summableMonths(D('2026-03-10'), { from: '2026-03-10', to: '2026-04-05' }, r)).toEqual([]);
    });

    /** Deterministic pseudo-random numbers (a test never depends on chance). */
    function random(seed: number) {
      let x = seed;
      return () => {
        x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
        return x / 2_147_483_648;
      };
    }

    it('gives the same figures, to the last bit, as the days one by one: any days, rules, caps and ranges', () => {
      const rand = random(19);
      const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
      const start = D('2025-01-01');
      for (let trial = 0; trial < 300; trial++) {
        // Days over three years, with odd seconds so that a half-rate conversion lands on half seconds.
        const days: OnlineDay[] = [];
        for (let day = start; day < start + 3 * 365; day++) if (rand() < 0.4) days.push({ day, creditedSeconds: 1 + Math.floor(rand() * 20_000) });
        const online = (): OnlineCredit => ({ hoursPerHour: pick([1, 0.5, 0.7, 1.5, 1 / 3]), yearlyCapHours: pick([null, 5, 40, 120, 333.3]) });
        const versions: [string | null, OnlineCredit][] = [[null, online()]];
        const changes = Math.floor(rand() * 4);
        let from = start;
        for (let i = 0; i < changes; i++) {
          // Changes on the first of a month as often as inside one.
          from += 1 + Math.floor(rand() * 300);
          versions.push([dateOfDay(rand() < 0.5 ? from - (new Date(from * 86_400_000).getUTCDate() - 1) : from), online()]);
        }
        const r = rules(...versions).sort((a, b) => (a.from ?? '') < (b.from ?? '') ? -1 : 1);
        const first = start + Math.floor(rand() * 700);
        const range = { from: dateOfDay(first), to: dateOfDay(first + Math.floor(rand() * 400)) };
        const capped = r.some((rule) => rule.online.yearlyCapHours !== null);
        const readFrom = capped ? D(`${range.from.slice(0, 4)}-01-01`) : first;
        const months = summableMonths(readFrom, range, r);
        // The days as a store with monthly sums answers: a summed month as one entry on its first day.
        const summed: OnlineDay[] = [];
        const monthOf = new Map(months.map((m) => [m, monthEndOf(m)]));
        const inRead = days.filter((d) => d.day >= readFrom && d.day <= D(range.to));
        for (let i = 0; i < inRead.length; ) {
          const d = inRead[i]!;
          const m = months.find((s) => s <= d.day && d.day <= monthOf.get(s)!);
          if (m === undefined) {
            summed.push(d);
            i++;
            continue;
          }
          let seconds = 0;
          while (i < inRead.length && inRead[i]!.day <= monthOf.get(m)!) seconds += inRead[i++]!.creditedSeconds;
          summed.push({ day: m, creditedSeconds: seconds });
        }
        const input = { range, sessionHours: 1.5, rules: r };
        expect(studyHoursInRange({ ...input, onlineDays: summed }), `trial ${trial}`).toEqual(studyHoursInRange({ ...input, onlineDays: days }));
      }
    });
  });
});
