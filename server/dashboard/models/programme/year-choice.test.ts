import { describe, expect, it } from 'vitest';
import { stageFromQuery, yearFromQuery, yearOptions } from './year-choice.ts';

describe('year choice', () => {
  it('reads a plausible year from the query, else this year', () => {
    expect(yearFromQuery(new URLSearchParams('year=2025'), '2026-11-27')).toBe(2025);
    expect(yearFromQuery(new URLSearchParams('year=abc'), '2026-11-27')).toBe(2026);
    expect(yearFromQuery(new URLSearchParams('year=1900'), '2026-11-27')).toBe(2026);
  });

  it('reads the stage, defaulting to the whole year', () => {
    expect(stageFromQuery(new URLSearchParams('stage=q3'))).toBe('q3');
    expect(stageFromQuery(new URLSearchParams('stage=q5'))).toBe('year');
  });

  it('offers recent years and keeps the chosen one', () => {
    expect(yearOptions(2026, '2026-11-27')).toEqual([2024, 2025, 2026, 2027]);
    expect(yearOptions(2020, '2026-11-27')).toEqual([2020, 2024, 2025, 2026, 2027]);
  });
});
