import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../shared/time/day-numbers.ts';
import { studyHoursInRange, type OnlineDay } from './study-hours.ts';

const year = { from: '2026-01-01', to: '2026-12-31' };
const noCap = { hoursPerHour: 1, yearlyCapHours: null };
const on = (date: string, hours: number): OnlineDay => ({ day: dayNumber(date), seconds: hours * 3600 });

describe('studyHoursInRange', () => {
  it('credits online study hour for hour with no cap by default, plus sessions', () => {
    expect(studyHoursInRange({ range: year, onlineDays: [on('2026-03-06', 4), on('2026-05-08', 6)], sessionHours: 12, online: noCap })).toEqual({
      onlineSeconds: 36_000,
      onlineCreditedHours: 10,
      sessionHours: 12,
      totalSeconds: 22 * 3600,
      totalHours: 22,
      adjustments: [],
    });
  });

  it('counts only the days of the range', () => {
    const c = studyHoursInRange({ range: { from: '2026-03-01', to: '2026-03-31' }, onlineDays: [on('2026-02-28', 5), on('2026-03-06', 2), on('2026-04-01', 7)], sessionHours: 0, online: noCap });
    expect(c.onlineSeconds).toBe(7200);
    expect(c.totalHours).toBe(2);
  });

  it('shows a conversion rate as an adjustment', () => {
    const c = studyHoursInRange({ range: year, onlineDays: [on('2026-03-06', 10)], sessionHours: 0, online: { hoursPerHour: 0.5, yearlyCapHours: null } });
    expect(c.onlineCreditedHours).toBe(5);
    expect(c.adjustments).toEqual([{ reason: 'online_conversion', hours: -5 }]);
  });

  it('caps online hours after conversion, saying by how much', () => {
    const c = studyHoursInRange({ range: year, onlineDays: [on('2026-03-06', 50)], sessionHours: 8, online: { hoursPerHour: 1, yearlyCapHours: 40 } });
    expect(c).toMatchObject({ onlineCreditedHours: 40, totalHours: 48, adjustments: [{ reason: 'online_cap', hours: -10 }] });
  });

  it('applies the yearly cap to the running total, so the months add up to the year', () => {
    const online = { hoursPerHour: 1, yearlyCapHours: 30 };
    const days = [on('2026-01-10', 20), on('2026-02-10', 20), on('2026-03-10', 20)];
    const month = (m: string, to: string) => studyHoursInRange({ range: { from: `2026-${m}-01`, to }, onlineDays: days, sessionHours: 0, online }).onlineCreditedHours;
    expect([month('01', '2026-01-31'), month('02', '2026-02-28'), month('03', '2026-03-31')]).toEqual([20, 10, 0]);
    expect(studyHoursInRange({ range: year, onlineDays: days, sessionHours: 0, online }).onlineCreditedHours).toBe(30);
  });

  it('starts the cap afresh in each year a range touches', () => {
    const c = studyHoursInRange({
      range: { from: '2026-12-28', to: '2027-01-03' },
      onlineDays: [on('2026-06-01', 30), on('2026-12-29', 5), on('2027-01-02', 5)],
      sessionHours: 0,
      online: { hoursPerHour: 1, yearlyCapHours: 30 },
    });
    expect(c.onlineSeconds).toBe(10 * 3600);
    expect(c.onlineCreditedHours).toBe(5);
  });

  it('rounds hours to the tenth and keeps the total in whole seconds', () => {
    const c = studyHoursInRange({ range: year, onlineDays: [{ day: dayNumber('2026-03-06'), seconds: 1000 }], sessionHours: 1.5, online: noCap });
    expect(c).toMatchObject({ onlineCreditedHours: 0.3, sessionHours: 1.5, totalSeconds: 1000 + 5400, totalHours: 1.8 });
  });
});
