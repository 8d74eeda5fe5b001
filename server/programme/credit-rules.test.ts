import { describe, expect, it } from 'vitest';
import { DEFAULT_PROGRAMME_SETTINGS, type CreditRule, type ProgrammeSettings } from '../../shared/schemas/programme-settings.ts';
import { changeSettings, changesCreditRules, ruleOn, rulesInRange, sessionCredit, withCreditRules } from './credit-rules.ts';

const tariff = { halfDayHours: 4, dayHours: 8 };
const online = { hoursPerHour: 1, yearlyCapHours: null };
const rule = (version: number, from: string | null, over: Partial<CreditRule> = {}): CreditRule => ({ version, from, savedAt: null, tariff, online, ...over });
const AT = '2026-03-09T10:00:00.000Z';
const HOUR = 3_600_000;

function session(date: string, kind: 'half-day' | 'day' | 'actual', hours: number, creditedHours: number) {
  const startsAt = `${date}T01:00:00.000Z`;
  return { id: date + kind, date, tariff: kind, startsAt, endsAt: new Date(Date.parse(startsAt) + hours * HOUR).toISOString(), creditedHours, creditRule: null, updatedAt: '2026-01-01T00:00:00.000Z' };
}

describe('withCreditRules', () => {
  it('makes the current tariff and online credit version 1, from the beginning, when a store kept no versions', () => {
    expect(withCreditRules(DEFAULT_PROGRAMME_SETTINGS).creditRules).toEqual([{ version: 1, from: null, savedAt: null, tariff, online }]);
    expect(withCreditRules({ ...DEFAULT_PROGRAMME_SETTINGS, creditRules: [] }).creditRules).toHaveLength(1);
  });

  it('keeps the versions a store kept', () => {
    const rules = [rule(1, null), rule(2, '2026-03-09')];
    expect(withCreditRules({ ...DEFAULT_PROGRAMME_SETTINGS, creditRules: rules }).creditRules).toEqual(rules);
  });
});

describe('ruleOn', () => {
  const rules = [rule(1, null), rule(2, '2026-03-09'), rule(3, '2026-09-01'), rule(4, '2026-09-01')];

  it('finds the newest version whose first day is on or before the date', () => {
    expect(ruleOn(rules, '1999-01-01').version).toBe(1);
    expect(ruleOn(rules, '2026-03-08').version).toBe(1);
    expect(ruleOn(rules, '2026-03-09').version).toBe(2);
    expect(ruleOn(rules, '2026-08-31').version).toBe(2);
    expect(ruleOn(rules, '2026-09-01').version).toBe(4);
    expect(ruleOn(rules, '2099-12-31').version).toBe(4);
  });

  it('refuses an empty list (withCreditRules always gives one)', () => {
    expect(() => ruleOn([], '2026-01-01')).toThrow(/no credit rules/);
  });
});

describe('rulesInRange', () => {
  const rules = [rule(1, null), rule(2, '2026-03-09'), rule(3, '2026-09-01'), rule(4, '2026-09-01')];

  it('lists the versions in force on some day of the range, skipping one overtaken on its own first day', () => {
    expect(rulesInRange(rules, '2026-01-01', '2026-12-31')).toEqual([
      { version: 1, from: null },
      { version: 2, from: '2026-03-09' },
      { version: 4, from: '2026-09-01' },
    ]);
    expect(rulesInRange(rules, '2026-03-09', '2026-03-31')).toEqual([{ version: 2, from: '2026-03-09' }]);
    expect(rulesInRange(rules, '2026-02-01', '2026-03-08')).toEqual([{ version: 1, from: null }]);
  });
});

describe('sessionCredit', () => {
  const rules = [rule(1, null), rule(2, '2026-03-09', { tariff: { halfDayHours: 3, dayHours: 6 } })];

  it('credits a session by the tariff of the version in force on its date, and says which', () => {
    expect(sessionCredit('day', 8 * HOUR, '2026-03-08', rules)).toEqual({ creditedHours: 8, creditRule: { version: 1, from: null } });
    expect(sessionCredit('day', 8 * HOUR, '2026-03-09', rules)).toEqual({ creditedHours: 6, creditRule: { version: 2, from: '2026-03-09' } });
    expect(sessionCredit('actual', 2.75 * HOUR, '2026-04-01', rules)).toEqual({ creditedHours: 2.5, creditRule: { version: 2, from: '2026-03-09' } });
  });
});

describe('changesCreditRules', () => {
  const rules = [rule(1, null), rule(2, '2026-03-09', { online: { hoursPerHour: 0.5, yearlyCapHours: null } })];

  it('compares the tariff and online credit with the version in force on the date, nothing else', () => {
    expect(changesCreditRules(rules, { ...DEFAULT_PROGRAMME_SETTINGS, online: { hoursPerHour: 0.5, yearlyCapHours: null } }, '2026-03-09')).toBe(false);
    expect(changesCreditRules(rules, DEFAULT_PROGRAMME_SETTINGS, '2026-03-09')).toBe(true);
    expect(changesCreditRules(rules, DEFAULT_PROGRAMME_SETTINGS, '2026-03-08')).toBe(false);
    expect(changesCreditRules(rules, { ...DEFAULT_PROGRAMME_SETTINGS, reportTarget: { min: 1, max: 9 } }, '2026-03-08')).toBe(false);
    expect(changesCreditRules(rules, { ...DEFAULT_PROGRAMME_SETTINGS, tariff: { halfDayHours: 4, dayHours: 7 } }, '2026-03-08')).toBe(true);
  });
});

describe('changeSettings', () => {
  const current: ProgrammeSettings = DEFAULT_PROGRAMME_SETTINGS;
  const sessions = [session('2026-03-08', 'day', 8, 8), session('2026-03-09', 'half-day', 4, 4), session('2026-04-01', 'actual', 3, 3)];

  it('makes no version when neither the tariff nor the online credit changes', () => {
    const next = { ...current, checkIn: { opensMinutesBefore: 30, lateAfterMinutes: 5 } };
    const change = changeSettings(current, next, sessions, '2026-03-09', AT);
    expect(change).toEqual({ settings: { ...next, creditRules: [rule(1, null)] }, added: null, recredited: [] });
  });

  it('adds a version from today when the ratio changes; sessions from today keep their hours but take the version', () => {
    const next = { ...current, online: { hoursPerHour: 0.5, yearlyCapHours: null } };
    const change = changeSettings(current, next, sessions, '2026-03-09', AT);
    const v2 = { version: 2, from: '2026-03-09', savedAt: AT, tariff, online: next.online };
    expect(change.added).toEqual(v2);
    expect(change.settings.creditRules).toEqual([rule(1, null), v2]);
    expect(change.recredited.map((s) => [s.date, s.creditedHours, s.creditRule, s.updatedAt])).toEqual([
      ['2026-03-09', 4, { version: 2, from: '2026-03-09' }, AT],
      ['2026-04-01', 3, { version: 2, from: '2026-03-09' }, AT],
    ]);
  });

  it('credits the sessions from today under a new tariff and leaves earlier ones as they were', () => {
    const next = { ...current, tariff: { halfDayHours: 3, dayHours: 6 } };
    const change = changeSettings(current, next, sessions, '2026-03-09', AT);
    expect(change.recredited.map((s) => [s.date, s.creditedHours])).toEqual([
      ['2026-03-09', 3],
      ['2026-04-01', 3],
    ]);
  });

  it('numbers a second change on the same day as a new version from that day', () => {
    const first = changeSettings(current, { ...current, online: { hoursPerHour: 2, yearlyCapHours: null } }, [], '2026-03-09', AT).settings;
    const second = changeSettings(first, { ...current, online: { hoursPerHour: 0.5, yearlyCapHours: 20 } }, [], '2026-03-09', AT);
    expect(second.settings.creditRules.map((r) => [r.version, r.from, r.online.hoursPerHour])).toEqual([
      [1, null, 1],
      [2, '2026-03-09', 2],
      [3, '2026-03-09', 0.5],
    ]);
    expect(ruleOn(second.settings.creditRules, '2026-03-09').version).toBe(3);
  });

  it('counts a change back to earlier rules as a change (the new version says what applies from today)', () => {
    const first = changeSettings(current, { ...current, online: { hoursPerHour: 2, yearlyCapHours: null } }, [], '2026-03-09', AT).settings;
    expect(changeSettings(first, current, [], '2026-03-10', AT).added).toMatchObject({ version: 3, from: '2026-03-10', online });
  });

  it('never starts a version before the last one, even with a clock set back', () => {
    const first = changeSettings(current, { ...current, online: { hoursPerHour: 2, yearlyCapHours: null } }, [], '2026-03-09', AT).settings;
    expect(changeSettings(first, current, [], '2026-03-01', AT).added?.from).toBe('2026-03-09');
  });
});
