import { describe, expect, it } from 'vitest';
import { bulkTargets, NOTES_PAGE_SIZE, pageFromQuery, pageOffset, pagerView, toggled } from './notes-page.ts';

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
