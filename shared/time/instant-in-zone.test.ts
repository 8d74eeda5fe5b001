// Instants written in the organisation's local time with their offset, as xAPI statements carry them.
import { describe, expect, it } from 'vitest';
import { instantInZone } from './zoned-days.ts';

describe('instantInZone', () => {
  it.each([
    ['2026-03-06T01:00:00Z', 'Asia/Shanghai', '2026-03-06T09:00:00+08:00'],
    ['2026-03-05T16:30:00.250Z', 'Asia/Shanghai', '2026-03-06T00:30:00.250+08:00'],
    ['2026-07-01T12:00:00Z', 'Europe/Berlin', '2026-07-01T14:00:00+02:00'],
    ['2026-01-01T12:00:00Z', 'Europe/Berlin', '2026-01-01T13:00:00+01:00'],
    ['2026-01-01T12:00:00Z', 'America/St_Johns', '2026-01-01T08:30:00-03:30'],
    ['2026-01-01T12:00:00Z', 'UTC', '2026-01-01T12:00:00+00:00'],
  ])('writes %s in %s as %s, the same instant', (instant, zone, expected) => {
    expect(instantInZone(Date.parse(instant), zone)).toBe(expected);
    expect(Date.parse(expected)).toBe(Date.parse(instant));
  });
});
