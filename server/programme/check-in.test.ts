import { describe, expect, it } from 'vitest';
import type { AttendanceEntry } from '../../shared/schemas/programme-attendance.ts';
import { checkIn } from './check-in.ts';

const M = 60_000;
const START = Date.parse('2026-03-06T06:30:00Z');
const session = { startMs: START, endMs: START + 180 * M, code: 'AB3K7P' };
const window = { opensMinutesBefore: 15, lateAfterMinutes: 10 };

function at(minutesFromStart: number, overrides: Partial<Parameters<typeof checkIn>[0]> = {}) {
  return checkIn({ session, onRoster: true, existing: null, typedCode: 'ab3k7p', nowMs: START + minutesFromStart * M, window, ...overrides });
}

const entry = (over: Partial<AttendanceEntry>): AttendanceEntry => ({
  sessionId: 's',
  personId: 'p',
  status: 'present',
  reason: '',
  makeUp: null,
  checkedInAt: null,
  markedBy: 'p',
  updatedAt: '2026-03-06T06:30:00.000Z',
  ...over,
});

describe('checkIn', () => {
  it('opens 15 minutes before the start and records present until the grace ends', () => {
    expect(at(-15)).toEqual({ ok: true, status: 'present' });
    expect(at(0)).toEqual({ ok: true, status: 'present' });
    expect(at(10)).toEqual({ ok: true, status: 'present' });
  });

  it('records late after the grace and until the end', () => {
    expect(at(10.01)).toEqual({ ok: true, status: 'late' });
    expect(at(179.99)).toEqual({ ok: true, status: 'late' });
  });

  it('refuses outside the window', () => {
    expect(at(-15.01)).toEqual({ ok: false, problem: 'not_open_yet' });
    expect(at(180)).toEqual({ ok: false, problem: 'closed' });
  });

  it('refuses a wrong code, and judges the window first', () => {
    expect(at(0, { typedCode: 'AB3K7Q' })).toEqual({ ok: false, problem: 'wrong_code' });
    expect(at(-60, { typedCode: 'AB3K7Q' })).toEqual({ ok: false, problem: 'not_open_yet' });
  });

  it('refuses people who are not on the roster before anything else', () => {
    expect(at(0, { onRoster: false })).toEqual({ ok: false, problem: 'not_on_roster' });
  });

  it('refuses a second check-in but lets a leader-marked entry give way', () => {
    expect(at(5, { existing: entry({ checkedInAt: '2026-03-06T06:31:00.000Z' }) })).toEqual({ ok: false, problem: 'already_checked_in' });
    expect(at(5, { existing: entry({ status: 'leave', reason: '出差', markedBy: 'leader' }) })).toEqual({ ok: true, status: 'present' });
  });

  it('follows a configured window', () => {
    expect(at(-20, { window: { opensMinutesBefore: 30, lateAfterMinutes: 0 } })).toEqual({ ok: true, status: 'present' });
    expect(at(1, { window: { opensMinutesBefore: 30, lateAfterMinutes: 0 } })).toEqual({ ok: true, status: 'late' });
  });
});
