import { describe, expect, it } from 'vitest';
import { effectiveTarget, targetGapSeconds } from './effective-target.ts';

const year = { from: '2026-01-01', to: '2026-12-31' };
const base = { personal: null, unit: null, organisationAnnualHours: 50, range: year, today: '2027-02-01', firstDay: '2020-01-01' };
const hours = (seconds: number) => seconds / 3600;

describe('effectiveTarget', () => {
  it('takes the person’s plan, else the nearest unit’s defaults, else the organisation’s target', () => {
    expect(effectiveTarget({ ...base, personal: { totalHours: 80, period: null }, unit: { totalHours: 60, period: null } })).toMatchObject({ source: 'plan', totalHours: 80, targetSeconds: 80 * 3600 });
    expect(effectiveTarget({ ...base, unit: { totalHours: 60, period: null } })).toMatchObject({ source: 'unit', targetSeconds: 60 * 3600 });
    expect(effectiveTarget(base)).toMatchObject({ source: 'organisation', totalHours: 50, targetSeconds: 50 * 3600 });
  });

  it('falls through a plan that sets no total: no plan is never a target of 0', () => {
    expect(effectiveTarget({ ...base, personal: { totalHours: null, period: null }, unit: { totalHours: null, period: null } })).toMatchObject({ source: 'organisation', targetSeconds: 50 * 3600 });
    // A plan that says 0 means 0.
    expect(effectiveTarget({ ...base, personal: { totalHours: 0, period: null } })).toMatchObject({ source: 'plan', targetSeconds: 0 });
  });

  it('pro-rates to the days that have happened: on 7 December the month is measured over 1–7 December', () => {
    const t = effectiveTarget({ ...base, organisationAnnualHours: 365, range: { from: '2026-12-01', to: '2026-12-31' }, today: '2026-12-07' });
    expect(t.dueRange).toEqual({ from: '2026-12-01', to: '2026-12-07' });
    expect(hours(t.targetSeconds)).toBe(7);
  });

  it('counts nothing due for a range entirely in the future, or before the person joined', () => {
    expect(effectiveTarget({ ...base, range: { from: '2027-03-01', to: '2027-03-31' } })).toMatchObject({ dueRange: null, targetSeconds: 0 });
    const hired = effectiveTarget({ ...base, organisationAnnualHours: 365, firstDay: '2026-12-01', today: '2026-12-31' });
    expect(hired.dueRange).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(hours(hired.targetSeconds)).toBe(31);
    const left = effectiveTarget({ ...base, organisationAnnualHours: 365, lastDay: '2026-01-10', today: '2026-12-31' });
    expect(left.dueRange).toEqual({ from: '2026-01-01', to: '2026-01-10' });
    expect(hours(left.targetSeconds)).toBe(10);
  });

  it('pro-rates a stage target over its own days, and rounds to the tenth of an hour', () => {
    const q4 = { from: '2026-10-01', to: '2026-12-31' };
    const t = effectiveTarget({ ...base, personal: { totalHours: 92, period: q4 }, range: q4, today: '2026-10-10' });
    expect(hours(t.targetSeconds)).toBe(10);
    expect(hours(effectiveTarget({ ...base, range: { from: '2026-01-01', to: '2026-01-01' } }).targetSeconds)).toBe(0.1);
  });
});

describe('targetGapSeconds', () => {
  it('is the shortfall in tenths of an hour, 0 when a shown gap would read 0.0', () => {
    expect(targetGapSeconds(36_000, 30_000)).toBe(17 * 360);
    expect(targetGapSeconds(36_000, 36_000 - 100)).toBe(0);
    expect(targetGapSeconds(36_000, 36_000 - 200)).toBe(360);
    expect(targetGapSeconds(36_000, 40_000)).toBe(0);
  });
});
