import { describe, expect, it } from 'vitest';
import { visitCoverage } from './visit-coverage.ts';

const zero = { enterprise: 0, village: 0, community: 0, school: 0, 'construction-site': 0, market: 0 };

describe('visit coverage per unit', () => {
  const people = [
    { personId: 'a', unitId: 'research' },
    { personId: 'b', unitId: 'research' },
    { personId: 'c', unitId: 'culture' },
    { personId: 'd', unitId: null },
  ];
  it('counts each kind for the visitor’s unit and how many of the six kinds were reached', () => {
    const visits = [
      { personId: 'a', kind: 'enterprise' as const },
      { personId: 'b', kind: 'enterprise' as const },
      { personId: 'b', kind: 'market' as const },
      { personId: 'c', kind: 'school' as const },
      { personId: 'stranger', kind: 'village' as const },
    ];
    expect(visitCoverage(visits, people, ['culture', 'research'])).toEqual([
      { unitId: 'culture', counts: { ...zero, school: 1 }, covered: 1 },
      { unitId: 'research', counts: { ...zero, enterprise: 2, market: 1 }, covered: 2 },
      { unitId: null, counts: zero, covered: 0 },
    ]);
  });
  it('lists a unit with people but no visits, and all six kinds covered', () => {
    const all = (['enterprise', 'village', 'community', 'school', 'construction-site', 'market'] as const).map((kind) => ({ personId: 'c', kind }));
    const rows = visitCoverage(all, people, ['research']);
    expect(rows.map((r) => [r.unitId, r.covered])).toEqual([['research', 0], ['culture', 6], [null, 0]]);
  });
  it('is empty without people', () => {
    expect(visitCoverage([{ personId: 'a', kind: 'market' }], [], [])).toEqual([]);
  });
});
