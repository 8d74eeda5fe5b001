import { describe, expect, it } from 'vitest';
import { checkSessionTimes } from './session-times.ts';

const TZ = 'Asia/Shanghai';

describe('checkSessionTimes', () => {
  it('accepts a Friday afternoon session and gives its local date', () => {
    expect(checkSessionTimes('2026-03-06T14:30:00+08:00', '2026-03-06T17:30:00+08:00', TZ)).toEqual({
      ok: true,
      date: '2026-03-06',
      startMs: Date.parse('2026-03-06T06:30:00Z'),
      endMs: Date.parse('2026-03-06T09:30:00Z'),
    });
  });

  it('uses the organisation zone for the date, not UTC', () => {
    const r = checkSessionTimes('2026-03-05T17:00:00Z', '2026-03-05T19:00:00Z', TZ);
    expect(r.ok && r.date).toBe('2026-03-06');
  });

  it('refuses an end before or at the start', () => {
    expect(checkSessionTimes('2026-03-06T10:00:00+08:00', '2026-03-06T09:00:00+08:00', TZ)).toEqual({ ok: false, problem: 'ends_before_start' });
    expect(checkSessionTimes('2026-03-06T10:00:00+08:00', '2026-03-06T10:00:00+08:00', TZ)).toEqual({ ok: false, problem: 'ends_before_start' });
  });

  it('refuses windows shorter than 15 minutes or longer than 12 hours', () => {
    expect(checkSessionTimes('2026-03-06T10:00:00+08:00', '2026-03-06T10:14:59+08:00', TZ)).toEqual({ ok: false, problem: 'too_short' });
    expect(checkSessionTimes('2026-03-06T10:00:00+08:00', '2026-03-06T10:15:00+08:00', TZ).ok).toBe(true);
    expect(checkSessionTimes('2026-03-06T08:00:00+08:00', '2026-03-06T20:00:00+08:00', TZ).ok).toBe(true);
    expect(checkSessionTimes('2026-03-06T08:00:00+08:00', '2026-03-06T20:00:01+08:00', TZ)).toEqual({ ok: false, problem: 'too_long' });
  });

  it('refuses a window across local midnight but allows one ending exactly at midnight', () => {
    expect(checkSessionTimes('2026-03-06T22:00:00+08:00', '2026-03-07T01:00:00+08:00', TZ)).toEqual({ ok: false, problem: 'spans_days' });
    expect(checkSessionTimes('2026-03-06T22:00:00+08:00', '2026-03-07T00:00:00+08:00', TZ).ok).toBe(true);
  });
});
