import { describe, expect, it } from 'vitest';
import { EMPTY_REVIEW_FILTER_FORM, reviewFormFromUrl, reviewFormToUrl, reviewApiQuery } from './review-filter-form.ts';

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
});
