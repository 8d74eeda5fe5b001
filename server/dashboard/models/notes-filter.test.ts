import { describe, expect, it } from 'vitest';
import { EMPTY_NOTES_FILTER, filterFromQuery, filterToQuery, notesQuery } from './notes-filter.ts';

describe('notes filter', () => {
  it('asks for unreviewed notes by default and leaves empty fields out', () => {
    expect(notesQuery(EMPTY_NOTES_FILTER)).toEqual({ reviewed: 'false' });
    expect(notesQuery({ ...EMPTY_NOTES_FILTER, reviewed: 'all' })).toEqual({});
  });

  it('sends every filled field, trimmed', () => {
    const filter = { personId: 'p-1', unitId: 'u-1', resourceId: 'r-1', tag: ' 理论 ', from: '2026-03-01', to: '2026-03-31', reviewed: 'reviewed' as const, q: ' 坚持 ' };
    expect(notesQuery(filter)).toEqual({ personId: 'p-1', unitId: 'u-1', resourceId: 'r-1', tag: '理论', from: '2026-03-01', to: '2026-03-31', reviewed: 'true', q: '坚持' });
  });

  it('round-trips through the page URL, "all" included', () => {
    for (const reviewed of ['all', 'reviewed', 'unreviewed'] as const) {
      const filter = { ...EMPTY_NOTES_FILTER, personId: 'p-1', reviewed };
      expect(filterFromQuery(new URLSearchParams(filterToQuery(filter)))).toEqual(filter);
    }
  });
});
