import { describe, expect, it } from 'vitest';
import { addDays, rangeFromQuery, rangeToQuery, resolveRange, shiftRange, switchPeriod } from './range.ts';

const q = (s: string) => new URLSearchParams(s);

describe('rangeFromQuery', () => {
  it('defaults to this month around today', () => {
    expect(rangeFromQuery(q(''), '2026-03-18')).toEqual({ kind: 'period', period: 'month', date: '2026-03-18' });
  });
  it('reads a period and its date, or a custom range', () => {
    expect(rangeFromQuery(q('period=quarter&date=2026-05-02'), '2026-03-18')).toEqual({ kind: 'period', period: 'quarter', date: '2026-05-02' });
    expect(rangeFromQuery(q('from=2026-01-05&to=2026-02-01'), '2026-03-18')).toEqual({ kind: 'custom', from: '2026-01-05', to: '2026-02-01' });
  });
  it('falls back on anything malformed instead of sending it to the server', () => {
    expect(rangeFromQuery(q('period=decade&date=2026-02-30x'), '2026-03-18')).toEqual({ kind: 'period', period: 'month', date: '2026-03-18' });
    expect(rangeFromQuery(q('from=2026-03-05&to=2026-03-01'), '2026-03-18').kind).toBe('period');
  });
});

describe('shiftRange and resolveRange', () => {
  it('steps a month back across a year boundary', () => {
    const prev = shiftRange({ kind: 'period', period: 'month', date: '2026-01-20' }, -1);
    expect(resolveRange(prev)).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });
  it('steps a week forward to the next Monday-to-Sunday week', () => {
    expect(resolveRange(shiftRange({ kind: 'period', period: 'week', date: '2026-03-04' }, 1))).toEqual({ from: '2026-03-09', to: '2026-03-15' });
  });
  it('moves a custom range by its own length', () => {
    expect(shiftRange({ kind: 'custom', from: '2026-03-01', to: '2026-03-10' }, 1)).toEqual({ kind: 'custom', from: '2026-03-11', to: '2026-03-20' });
  });
  it('writes the same query the API takes', () => {
    expect(rangeToQuery({ kind: 'period', period: 'year', date: '2026-03-01' })).toEqual({ period: 'year', date: '2026-03-01' });
    expect(rangeToQuery({ kind: 'custom', from: '2026-03-01', to: '2026-03-02' })).toEqual({ from: '2026-03-01', to: '2026-03-02' });
  });
  it('adds days across month ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });
});

describe('switchPeriod', () => {
  it('keeps the date a period stands on: 本年度 → 本周 on 7 December is the week of 7 December', () => {
    const year = { kind: 'period' as const, period: 'year' as const, date: '2026-12-07' };
    const week = switchPeriod(year, 'week', '2026-12-07');
    expect(week).toEqual({ kind: 'period', period: 'week', date: '2026-12-07' });
    expect(resolveRange(week)).toEqual({ from: '2026-12-07', to: '2026-12-13' });
    expect(switchPeriod(week, 'month', '2026-12-07')).toEqual({ kind: 'period', period: 'month', date: '2026-12-07' });
  });
  it('turns a period into the same days as a custom range, and a custom range into the period around its end or today', () => {
    expect(switchPeriod({ kind: 'period', period: 'month', date: '2026-12-07' }, 'custom', '2026-12-07')).toEqual({ kind: 'custom', from: '2026-12-01', to: '2026-12-31' });
    expect(switchPeriod({ kind: 'custom', from: '2026-03-01', to: '2026-03-20' }, 'week', '2026-12-07')).toEqual({ kind: 'period', period: 'week', date: '2026-03-20' });
    expect(switchPeriod({ kind: 'custom', from: '2026-12-01', to: '2026-12-31' }, 'week', '2026-12-07')).toEqual({ kind: 'period', period: 'week', date: '2026-12-07' });
  });
});
