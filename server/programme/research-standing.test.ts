import { describe, expect, it } from 'vitest';
import { researchStanding } from './research-standing.ts';

const target = { min: 2, max: 3 };
const reports = [
  { personId: 'p', status: 'adopted' as const, date: '2026-05-01' },
  { personId: 'p', status: 'draft' as const, date: '2026-06-01' },
  { personId: 'p', status: 'submitted' as const, date: '2025-12-31' },
  { personId: 'q', status: 'submitted' as const, date: '2026-03-01' },
  { personId: 'q', status: 'submitted' as const, date: '2026-04-01' },
  { personId: 'q', status: 'adopted' as const, date: '2026-09-01' },
];
const visits = [
  { personId: 'p', date: '2026-04-10' },
  { personId: 'p', date: '2025-04-10' },
];

describe('researchStanding', () => {
  it('counts submitted and adopted reports of the year, not drafts or other years', () => {
    expect(researchStanding('p', 2026, reports, visits, target)).toEqual({ personId: 'p', reportsCounted: 1, drafts: 1, visits: 1, missing: 1 });
  });

  it('is not missing anything at or above the minimum', () => {
    expect(researchStanding('q', 2026, reports, visits, target)).toEqual({ personId: 'q', reportsCounted: 3, drafts: 0, visits: 0, missing: 0 });
  });

  it('misses the whole minimum with nothing written', () => {
    expect(researchStanding('r', 2026, reports, visits, target).missing).toBe(2);
    expect(researchStanding('r', 2026, reports, visits, { min: 0, max: 3 }).missing).toBe(0);
  });
});
