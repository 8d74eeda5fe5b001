// Paging and selection on the notes review screen: which page the URL asks for, the offset it becomes,
// what the pager shows, and which notes a bulk 已阅 names. Pure, so the page component only renders.
//
// The list is filtered by review state (未阅 by default), so reviewing notes takes them out of it and
// every later note moves up: left on screen, page 2's offset would skip as many notes as were reviewed.
// As a mail inbox does when messages are archived, the screen instead fetches the same page again
// (the next unreviewed notes move into it) and a page past the end becomes the last one.
import type { ReviewState } from './review-filter-form.ts';
export const NOTES_PAGE_SIZE = 20;

/** The 1-based page in the URL; anything else (missing, 0, "abc", 2.5) is page 1. */
export function pageFromQuery(query: URLSearchParams): number {
  const raw = query.get('page') ?? '';
  return /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : 1;
}

export function pageOffset(page: number, size = NOTES_PAGE_SIZE): number {
  return (page - 1) * size;
}

/** The page to show for `page` of `total` notes: itself, or the last page when it is past the end. */
export function pageWithin(total: number, page: number, size = NOTES_PAGE_SIZE): number {
  return Math.min(page, Math.max(1, Math.ceil(total / size)));
}

/** How many of the notes just reviewed (or un-reviewed) no longer belong to a list filtered by `state`. */
export function leftList(state: ReviewState, changed: readonly { reviewed: boolean }[]): number {
  if (state === 'all') return 0;
  return changed.filter((n) => n.reviewed === (state === 'unreviewed')).length;
}

export interface PagerView {
  /** 1-based numbers of the first and last note shown; 0 and 0 when none. */
  first: number;
  last: number;
  total: number;
  page: number;
  pages: number;
  hasPrevious: boolean;
  hasNext: boolean;
}

export function pagerView(total: number, page: number, shown: number, size = NOTES_PAGE_SIZE): PagerView {
  const pages = Math.max(1, Math.ceil(total / size));
  const first = shown === 0 ? 0 : pageOffset(page, size) + 1;
  return { first, last: shown === 0 ? 0 : first + shown - 1, total, page, pages, hasPrevious: page > 1, hasNext: page < pages };
}

/** The notes a bulk 已阅 of "the selected" or "this page" names: only those not yet reviewed, in page order. */
export function bulkTargets(page: readonly { id: string; reviewed: boolean }[], selected: ReadonlySet<string> | 'page'): string[] {
  return page.filter((n) => !n.reviewed && (selected === 'page' || selected.has(n.id))).map((n) => n.id);
}

export function toggled(selected: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(selected);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}
