import { describe, expect, it } from 'vitest';
import { confirmationMatches, ERASE_START, erasedCounts, submitReason } from './erase-person.ts';

describe('erasing a person: the reason step', () => {
  it('starts by asking for the reason', () => {
    expect(ERASE_START).toEqual({ step: 'reason' });
  });

  it('moves on to confirmation with the trimmed reason', () => {
    expect(submitReason('  离职 left on 2026-03-31 ')).toEqual({ ok: true, next: { step: 'confirm', reason: '离职 left on 2026-03-31' } });
  });

  it('refuses an empty or blank reason', () => {
    expect(submitReason('')).toEqual({ ok: false, problem: 'erase.reasonRequired' });
    expect(submitReason(' \n\t ')).toEqual({ ok: false, problem: 'erase.reasonRequired' });
  });

  it('refuses a reason longer than the server accepts (500 characters)', () => {
    expect(submitReason('x'.repeat(500)).ok).toBe(true);
    expect(submitReason('x'.repeat(501))).toEqual({ ok: false, problem: 'erase.reasonTooLong' });
  });
});

describe('erasing a person: the confirmation step', () => {
  it('holds only for the exact username', () => {
    expect(confirmationMatches('staff.research', 'staff.research')).toBe(true);
    expect(confirmationMatches('staff.research', ' staff.research ')).toBe(true);
    expect(confirmationMatches('staff.research', 'Staff.Research')).toBe(false);
    expect(confirmationMatches('staff.research', 'staff.researc')).toBe(false);
    expect(confirmationMatches('staff.research', '')).toBe(false);
  });
});

describe('erasedCounts', () => {
  it('gives the removed segments, notes and sign-ins as message parameters', () => {
    const result = { personId: 'p1', removed: { segments: 4, refused: 1, tokens: 2, dayTotals: 3, notes: 5 }, auditId: 'a1' };
    expect(erasedCounts(result)).toEqual({ segments: '4', notes: '5', tokens: '2' });
  });
});
