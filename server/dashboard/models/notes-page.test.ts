import { describe, expect, it } from 'vitest';
import { bulkTargets, leftList, NOTES_PAGE_SIZE, pageFromQuery, pageOffset, pagerView, pageWithin, toggled } from './notes-page.ts';

describe('notes review paging', () => {
  it('reads the page from the URL and falls back to the first for anything else', () => {
    expect(pageFromQuery(new URLSearchParams('page=3'))).toBe(3);
    for (const bad of ['', 'page=0', 'page=-2', 'page=abc', 'page=2.5', 'page=1e3', 'page=01', 'page=9999999']) {
      expect(pageFromQuery(new URLSearchParams(bad))).toBe(1);
    }
  });

  it('turns pages into offsets', () => {
    expect(pageOffset(1)).toBe(0);
    expect(pageOffset(3)).toBe(2 * NOTES_PAGE_SIZE);
    expect(pageOffset(2, 5)).toBe(5);
  });

  it('shows which notes of the true total are on the page', () => {
    expect(pagerView(45, 1, 20, 20)).toEqual({ first: 1, last: 20, total: 45, page: 1, pages: 3, hasPrevious: false, hasNext: true });
    expect(pagerView(45, 3, 5, 20)).toEqual({ first: 41, last: 45, total: 45, page: 3, pages: 3, hasPrevious: true, hasNext: false });
    expect(pagerView(0, 1, 0, 20)).toEqual({ first: 0, last: 0, total: 0, page: 1, pages: 1, hasPrevious: false, hasNext: false });
    // A page past the end (the notes were reviewed meanwhile) still offers the way back.
    expect(pagerView(20, 2, 0, 20)).toMatchObject({ first: 0, last: 0, pages: 1, hasPrevious: true, hasNext: false });
  });
});

describe('paging through a list that review shrinks', () => {
  it('keeps a page that exists and turns one past the end into the last', () => {
    expect(pageWithin(45, 3, 20)).toBe(3);
    expect(pageWithin(45, 2, 20)).toBe(2);
    expect(pageWithin(40, 3, 20)).toBe(2);
    expect(pageWithin(20, 2, 20)).toBe(1);
    expect(pageWithin(21, 2, 20)).toBe(2);
    expect(pageWithin(0, 4, 20)).toBe(1);
    expect(pageWithin(0, 1, 20)).toBe(1);
  });

  it('counts the notes a review takes out of the list it was made in', () => {
    const marked = [{ reviewed: true }, { reviewed: true }];
    expect(leftList('unreviewed', marked)).toBe(2);
    expect(leftList('reviewed', marked)).toBe(0);
    expect(leftList('all', marked)).toBe(0);
    expect(leftList('reviewed', [{ reviewed: false }])).toBe(1);
    expect(leftList('unreviewed', [{ reviewed: false }, { reviewed: true }])).toBe(1);
    expect(leftList('unreviewed', [])).toBe(0);
  });

  it('reaches every note: re-reading the same page after each review, then the next, skips none', () => {
    // 24 unreviewed notes, 20 a page: mark 2 on page 1, go on to page 2, mark all there, come back.
    let unreviewed = Array.from({ length: 24 }, (_, i) => i + 1);
    const seen = new Set<number>();
    const show = (page: number) => {
      const at = pageWithin(unreviewed.length, page, 20);
      const notes = unreviewed.slice(pageOffset(at, 20), pageOffset(at, 20) + 20);
      notes.forEach((n) => seen.add(n));
      return { at, notes };
    };
    const review = (ids: number[]) => {
      expect(leftList('unreviewed', ids.map(() => ({ reviewed: true })))).toBe(ids.length);
      unreviewed = unreviewed.filter((n) => !ids.includes(n));
    };
    let view = show(1);
    review(view.notes.slice(0, 2));
    view = show(1); // the same page again: notes 3–22
    expect(view.notes[0]).toBe(3);
    expect(pagerView(unreviewed.length, view.at, view.notes.length, 20).hasNext).toBe(true);
    view = show(2);
    expect(view.notes).toEqual([23, 24]);
    review(view.notes);
    view = show(2); // page 2 is gone: the last page is shown instead
    expect(view.at).toBe(1);
    review(view.notes);
    expect(unreviewed).toEqual([]);
    expect(seen.size).toBe(24);
  });
});

describe('bulk 已阅 targets', () => {
  const page = [
    { id: 'a', reviewed: false },
    { id: 'b', reviewed: true },
    { id: 'c', reviewed: false },
  ];
  it('names the selected notes not yet reviewed, in page order', () => {
    expect(bulkTargets(page, new Set(['c', 'b', 'a']))).toEqual(['a', 'c']);
    expect(bulkTargets(page, new Set(['b']))).toEqual([]);
    expect(bulkTargets(page, new Set(['z']))).toEqual([]);
  });
  it('names every unreviewed note on the page for "this page"', () => {
    expect(bulkTargets(page, 'page')).toEqual(['a', 'c']);
    expect(bulkTargets([], 'page')).toEqual([]);
  });
  it('toggles one note in a selection without changing the old one', () => {
    const before = new Set(['a']);
    expect([...toggled(before, 'b')].sort()).toEqual(['a', 'b']);
    expect([...toggled(before, 'a')]).toEqual([]);
    expect([...before]).toEqual(['a']);
  });
});
