import { describe, expect, it } from 'vitest';
import type { AnnualRecord, Grade } from '../../shared/schemas/programme-record.ts';
import { emptyCounts } from './attendance-counts.ts';
import { organisationSummary } from './organisation-summary.ts';

function rec(id: string, totalHours: number, suggested: Grade, decided: Grade | null, reportsCounted: number, unitId = 'u'): AnnualRecord {
  return {
    personId: id,
    name: id,
    unitId,
    year: 2026,
    hours: { targetHours: 50, targetBasis: { source: 'organisation', setHours: 50, dueFrom: '2026-01-01', dueTo: '2026-12-31' }, onlineSeconds: 0, onlineCreditedHours: totalHours, sessionHours: 0, totalHours, share: totalHours / 50, adjustments: [], byCategory: [] },
    reading: { total: 0, done: 0 },
    attendance: { ...emptyCounts(), expected: 4, present: 3, absent: 1, attended: 3, counted: 4, rate: 0.75 },
    notes: { count: 5, characters: 100, reviewed: 1, reviewedShare: 0.2 },
    research: { target: { min: 2, max: 3 }, reports: [], reportsCounted, visits: [] },
    remarks: '',
    grade: {
      suggested,
      basis: [],
      decision: decided === null ? null : { grade: decided, reason: 'x', decidedBy: 'l', decidedByName: 'L', decidedAt: '2027-01-05T00:00:00.000Z', figures: null },
      staleFigures: [],
    },
  };
}

describe('organisationSummary', () => {
  it('adds up hours, targets, attendance, notes and reports, and counts grades', () => {
    const s = organisationSummary(2026, [rec('a', 55.5, 'excellent', 'excellent', 3), rec('b', 30, 'basically-competent', 'competent', 1), rec('c', 50, 'competent', null, 0)]);
    expect(s).toMatchObject({ year: 2026, people: 3, totalHours: 135.5, targetHours: 150, onTarget: 2, notesCount: 15, reportsCounted: 4, missingReports: 2, undecided: 1 });
    expect(s.attendance).toMatchObject({ expected: 12, attended: 9, rate: 0.75 });
    expect(s.suggested).toEqual({ excellent: 1, competent: 1, 'basically-competent': 1, 'not-competent': 0 });
    expect(s.final).toEqual({ excellent: 1, competent: 1, 'basically-competent': 0, 'not-competent': 0 });
  });

  it('counts someone 0.04 h short as on target (their gap reads 0.0), and 0.05 h short as not', () => {
    expect(organisationSummary(2026, [rec('a', 49.96, 'competent', null, 2)]).onTarget).toBe(1);
    expect(organisationSummary(2026, [rec('a', 49.9, 'competent', null, 2)]).onTarget).toBe(0);
  });

  it('gives each committee its own figures, side by side, in the order given', () => {
    const parents: Record<string, string> = { 'research-sub': 'research' };
    const s = organisationSummary(
      2026,
      [rec('a', 55.5, 'excellent', 'excellent', 3, 'research'), rec('b', 30, 'basically-competent', null, 1, 'research-sub'), rec('c', 50, 'competent', null, 0, 'culture')],
      [{ unitId: 'research', name: '研究室' }, { unitId: 'culture', name: '文化室' }, { unitId: 'empty', name: '空室' }],
      (u) => (u === null ? null : (parents[u] ?? u)),
    );
    expect(s.units.map((u) => [u.name, u.people, u.totalHours, u.onTarget, u.undecided])).toEqual([
      ['研究室', 2, 85.5, 1, 1],
      ['文化室', 1, 50, 1, 1],
      ['空室', 0, 0, 0, 0],
    ]);
    expect(s.people).toBe(3);
  });

  it('is all zeros for nobody', () => {
    const s = organisationSummary(2026, []);
    expect(s).toMatchObject({ people: 0, totalHours: 0, onTarget: 0, undecided: 0, records: [] });
    expect(s.attendance.rate).toBeNull();
  });
});
