import { describe, expect, it } from 'vitest';
import { quarterOf, stageRange } from './stage-range.ts';

describe('stageRange', () => {
  it('covers the year or one quarter', () => {
    expect(stageRange(2026, 'year')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(stageRange(2026, 'q1')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(stageRange(2024, 'q1').to).toBe('2024-03-31');
    expect(stageRange(2026, 'q4')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
  });

  it('finds the quarter of a date', () => {
    expect(['2026-01-01', '2026-03-31', '2026-04-01', '2026-09-30', '2026-12-31'].map(quarterOf)).toEqual(['q1', 'q1', 'q2', 'q3', 'q4']);
  });
});
