import { describe, expect, it } from 'vitest';
import { fields } from './recording-api.test-support.ts';
import { EMPTY_REVIEW_FILTER_FORM, reviewFilterFromForm, reviewFormFromUrl, reviewFormToUrl, reviewApiQuery } from './review-filter-form.ts';

describe('review filter form', () => {
  it('asks for unreviewed notes by default and leaves empty fields out', () => {
    expect(reviewApiQuery(EMPTY_REVIEW_FILTER_FORM)).toEqual({ reviewed: 'false' });
    expect(reviewApiQuery({ ...EMPTY_REVIEW_FILTER_FORM, reviewed: 'all' })).toEqual({});
  });

  it('sends every filled field, trimmed', () => {
    const filter = { personId: 'p-1', unitId: 'u-1', resourceId: 'r-1', tag: ' 理论 ', from: '2026-03-01', to: '2026-03-31', reviewed: 'reviewed' as const, q: ' 坚持 ' };
    expect(reviewApiQuery(filter)).toEqual({ personId: 'p-1', unitId: 'u-1', resourceId: 'r-1', tag: '理论', from: '2026-03-01', to: '2026-03-31', reviewed: 'true', q: '坚持' });
  });

  it('round-trips through the page URL, "all" included', () => {
    for (const reviewed of ['all', 'reviewed', 'unreviewed'] as const) {
      const filter = { ...EMPTY_REVIEW_FILTER_FORM, personId: 'p-1', reviewed };
      expect(reviewFormFromUrl(new URLSearchParams(reviewFormToUrl(filter)))).toEqual(filter);
    }
  });

  it('reads the submitted filter field by field, an unknown review state as unreviewed', () => {
    const submitted = [['personId', 'p1'], ['unitId', ''], ['resourceId', 'r1'], ['tag', 'x'], ['from', '2026-01-01'], ['to', '2026-01-31'], ['q', 'word']] as const;
    expect(reviewFilterFromForm(fields([...submitted, ['reviewed', 'all']]))).toEqual({ personId: 'p1', unitId: '', resourceId: 'r1', tag: 'x', from: '2026-01-01', to: '2026-01-31', q: 'word', reviewed: 'all' });
    expect(reviewFilterFromForm(fields([...submitted, ['reviewed', 'bogus']])).reviewed).toBe('unreviewed');
    expect(reviewFilterFromForm(fields([])).reviewed).toBe('unreviewed');
  });
});
