import { describe, expect, it } from 'vitest';
import type { DecisionFigures, GradeDecision } from '../../shared/schemas/programme-record.ts';
import { decisionFigures, staleFigures } from './grade-staleness.ts';

const record = (over: { totalHours?: number; targetHours?: number; rate?: number | null; reports?: number; notes?: number; suggested?: DecisionFigures['suggested'] } = {}) => ({
  hours: { totalHours: over.totalHours ?? 52.04, targetHours: over.targetHours ?? 50 } as never,
  attendance: { rate: over.rate === undefined ? 0.9123 : over.rate } as never,
  research: { reportsCounted: over.reports ?? 2 } as never,
  notes: { count: over.notes ?? 14 } as never,
  grade: { suggested: over.suggested ?? 'competent' },
});

const decided = (figures: DecisionFigures | null): GradeDecision => ({ grade: 'competent', reason: '', decidedBy: 'l', decidedByName: '王主任', decidedAt: '2027-01-05T00:00:00.000Z', figures });

describe('decisionFigures', () => {
  it('keeps the figures as shown: hours to the tenth, the rate to the thousandth', () => {
    expect(decisionFigures(record())).toEqual({ suggested: 'competent', totalHours: 52, targetHours: 50, attendanceRate: 0.912, reportsCounted: 2, notesCount: 14 });
    expect(decisionFigures(record({ rate: null })).attendanceRate).toBeNull();
  });
});

describe('staleFigures', () => {
  const then = decisionFigures(record());

  it('is empty without a decision, for a decision without figures, and while nothing changed', () => {
    expect(staleFigures(null, then)).toEqual([]);
    expect(staleFigures(decided(null), decisionFigures(record({ totalHours: 10 })))).toEqual([]);
    expect(staleFigures(decided(then), decisionFigures(record({ totalHours: 52.01 })))).toEqual([]);
  });

  it('names every figure that changed since the decision', () => {
    expect(staleFigures(decided(then), decisionFigures(record({ targetHours: 30, suggested: 'excellent' })))).toEqual(['suggested', 'targetHours']);
    expect(staleFigures(decided(then), decisionFigures(record({ rate: 0.5, reports: 3, notes: 15, totalHours: 60 })))).toEqual([
      'totalHours',
      'attendanceRate',
      'reportsCounted',
      'notesCount',
    ]);
  });
});
