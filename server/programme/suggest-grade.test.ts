import { describe, expect, it } from 'vitest';
import { suggestGrade } from './suggest-grade.ts';

const good = { hoursShare: 1.1, attendanceRate: 1, reportsCounted: 2, reportMin: 2, notesCount: 20 };

describe('suggestGrade', () => {
  it('suggests excellent when every criterion is met in full', () => {
    expect(suggestGrade(good)).toEqual({
      suggested: 'excellent',
      basis: [
        { criterion: 'hours', met: 'excellent' },
        { criterion: 'attendance', met: 'excellent' },
        { criterion: 'reports', met: 'excellent' },
        { criterion: 'notes', met: 'excellent' },
      ],
    });
  });

  it('takes the lowest criterion', () => {
    expect(suggestGrade({ ...good, hoursShare: 0.85 }).suggested).toBe('competent');
    expect(suggestGrade({ ...good, attendanceRate: 0.75 }).suggested).toBe('basically-competent');
    expect(suggestGrade({ ...good, hoursShare: 0.59 }).suggested).toBe('not-competent');
    expect(suggestGrade({ ...good, attendanceRate: 0.69 }).suggested).toBe('not-competent');
  });

  it('applies the thresholds at their exact values', () => {
    expect(suggestGrade({ ...good, hoursShare: 1, attendanceRate: 0.95 }).suggested).toBe('excellent');
    expect(suggestGrade({ ...good, hoursShare: 0.8 }).suggested).toBe('competent');
    expect(suggestGrade({ ...good, hoursShare: 0.6 }).suggested).toBe('basically-competent');
    expect(suggestGrade({ ...good, notesCount: 12 }).suggested).toBe('excellent');
    expect(suggestGrade({ ...good, notesCount: 11 }).suggested).toBe('competent');
    expect(suggestGrade({ ...good, notesCount: 5 }).suggested).toBe('basically-competent');
  });

  it('never lets reports or notes alone make someone not competent', () => {
    expect(suggestGrade({ ...good, reportsCounted: 0, notesCount: 0 }).suggested).toBe('basically-competent');
    expect(suggestGrade({ ...good, reportsCounted: 1 }).suggested).toBe('competent');
  });

  it('counts a criterion with nothing to measure as met', () => {
    expect(suggestGrade({ ...good, hoursShare: null, attendanceRate: null }).suggested).toBe('excellent');
  });
});
