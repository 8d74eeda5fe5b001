import { describe, expect, it } from 'vitest';
import { makeUpDateProblem, markTimeProblem, pastDateProblem, SESSION_HORIZON_DAYS, sessionDateProblem } from './plausible-dates.ts';

const TODAY = '2026-12-07';

describe('sessionDateProblem', () => {
  it('accepts sessions within a year either side of today', () => {
    expect(sessionDateProblem(TODAY, TODAY)).toBeNull();
    expect(sessionDateProblem('2025-12-06', TODAY)).toBeNull();
    expect(sessionDateProblem('2027-12-08', TODAY)).toBeNull();
  });

  it('refuses sessions in 1999, in 2099 and just past the horizon', () => {
    expect(sessionDateProblem('1999-05-07', TODAY)).toBe('too_far');
    expect(sessionDateProblem('2099-01-02', TODAY)).toBe('too_far');
    expect(SESSION_HORIZON_DAYS).toBe(366);
    expect(sessionDateProblem('2025-12-05', TODAY)).toBe('too_far');
    expect(sessionDateProblem('2027-12-09', TODAY)).toBe('too_far');
  });
});

describe('pastDateProblem', () => {
  it('accepts today and the past, refuses tomorrow and 2030', () => {
    expect(pastDateProblem(TODAY, TODAY)).toBeNull();
    expect(pastDateProblem('2020-01-01', TODAY)).toBeNull();
    expect(pastDateProblem('2026-12-08', TODAY)).toBe('in_future');
    expect(pastDateProblem('2030-06-01', TODAY)).toBe('in_future');
  });
});

describe('makeUpDateProblem', () => {
  it('accepts a make-up on the day of the session or later, up to today', () => {
    expect(makeUpDateProblem('2026-11-06', '2026-11-06', TODAY)).toBeNull();
    expect(makeUpDateProblem(TODAY, '2026-11-06', TODAY)).toBeNull();
  });

  it('refuses a make-up before the absence, and one in the future', () => {
    expect(makeUpDateProblem('2023-01-01', '2026-11-06', TODAY)).toBe('before_session');
    expect(makeUpDateProblem('2026-11-05', '2026-11-06', TODAY)).toBe('before_session');
    expect(makeUpDateProblem('2026-12-08', '2026-11-06', TODAY)).toBe('in_future');
  });
});

describe('markTimeProblem', () => {
  const start = Date.parse('2026-12-11T06:30:00Z');
  it('refuses absent and late before the start', () => {
    expect(markTimeProblem('absent', start, start - 1)).toBe('not_started');
    expect(markTimeProblem('late', start, start - 60_000)).toBe('not_started');
  });

  it('accepts leave and present ahead, and anything once started', () => {
    expect(markTimeProblem('leave', start, start - 86_400_000)).toBeNull();
    expect(markTimeProblem('present', start, start - 60_000)).toBeNull();
    expect(markTimeProblem('absent', start, start)).toBeNull();
    expect(markTimeProblem('late', start, start + 1)).toBeNull();
  });
});
