// The notes review page's filter form: what it holds, how it is kept in the page's own URL (so a reload
// or a shared link shows the same filter), and the `GET /api/notes` query it becomes. Empty fields are
// left out so the server applies no filter for them.
import type { FormFields } from './form-fields.ts';
/** In the order the review filter offers them. */
export const REVIEW_STATES = ['unreviewed', 'reviewed', 'all'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export interface ReviewFilterForm {
  personId: string;
  unitId: string;
  resourceId: string;
  tag: string;
  from: string;
  to: string;
  reviewed: ReviewState;
  q: string;
}

export const EMPTY_REVIEW_FILTER_FORM: ReviewFilterForm = {
  personId: '',
  unitId: '',
  resourceId: '',
  tag: '',
  from: '',
  to: '',
  reviewed: 'unreviewed',
  q: '',
};

/** The filter as submitted; a review state the form does not offer falls back to unreviewed. */
export function reviewFilterFromForm(form: FormFields): ReviewFilterForm {
  const reviewed = form.text('reviewed');
  return {
    personId: form.text('personId'),
    unitId: form.text('unitId'),
    resourceId: form.text('resourceId'),
    tag: form.text('tag'),
    from: form.text('from'),
    to: form.text('to'),
    q: form.text('q'),
    reviewed: (REVIEW_STATES as readonly string[]).includes(reviewed) ? (reviewed as ReviewState) : 'unreviewed',
  };
}

export function reviewApiQuery(filter: ReviewFilterForm): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of ['personId', 'unitId', 'resourceId', 'from', 'to'] as const) {
    if (filter[key] !== '') query[key] = filter[key];
  }
  if (filter.tag.trim() !== '') query.tag = filter.tag.trim();
  if (filter.q.trim() !== '') query.q = filter.q.trim();
  if (filter.reviewed !== 'all') query.reviewed = filter.reviewed === 'reviewed' ? 'true' : 'false';
  return query;
}

export function reviewFormFromUrl(query: URLSearchParams): ReviewFilterForm {
  const text = (key: string) => query.get(key) ?? '';
  const reviewed = query.get('reviewed');
  return {
    personId: text('personId'),
    unitId: text('unitId'),
    resourceId: text('resourceId'),
    tag: text('tag'),
    from: text('from'),
    to: text('to'),
    q: text('q'),
    reviewed: reviewed === 'true' ? 'reviewed' : reviewed === 'all' ? 'all' : 'unreviewed',
  };
}

/** The filter as the page's own URL query (reviewed spelled so "all" survives a reload). */
export function reviewFormToUrl(filter: ReviewFilterForm): Record<string, string> {
  const query = reviewApiQuery(filter);
  query.reviewed = filter.reviewed === 'reviewed' ? 'true' : filter.reviewed === 'all' ? 'all' : 'false';
  return query;
}
