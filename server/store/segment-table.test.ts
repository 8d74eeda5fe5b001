import { describe, expect, it } from 'vitest';
import { SEGMENT_MODES } from '../../shared/schemas/domain.ts';
import { pagePool, SegmentTable, type SegmentRow } from './segment-table.ts';

const row = (id: string, startMs: number, endMs: number, extra: Partial<SegmentRow> = {}): SegmentRow => ({
  id,
  device: 0,
  page: 0,
  startMs,
  endMs,
  mode: 'reading',
  policyVersion: 1,
  receivedMs: endMs + 5,
  ...extra,
});

const rows = (t: SegmentTable) => Array.from({ length: t.length }, (_, i) => t.row(i));

describe('SegmentTable', () => {
  it('puts rows in order of start whatever order they came in, equal starts in arrival order, growing as needed', () => {
    const t = new SegmentTable();
    // A seeded shuffle of 100 starts, some equal: more rows than the first capacity, inserts in the middle.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const added: SegmentRow[] = [];
    for (let i = 0; i < 100; i++) {
      const start = (next() % 40) * 1000;
      const r = row(`s${i}`, start, start + 500 + i, { device: i % 3, page: i % 5, mode: i % 2 === 0 ? 'reading' : 'media', policyVersion: i });
      added.push(r);
      t.add(r);
    }
    expect(rows(t)).toEqual(added);
    const expected = added.map((r, i) => ({ r, i })).sort((a, b) => a.r.startMs - b.r.startMs || a.i - b.i).map(({ r }) => r);
    t.sortByStart();
    expect(rows(t)).toEqual(expected);
    expect(t.maxDurationMs).toBe(599);
    expect(t.indexOf('s42')).toBe(expected.findIndex((r) => r.id === 's42'));
    expect(t.indexOf('nope')).toBe(-1);
  });

  it('sorts in rounds as rows keep coming (only the new ones sorted, then merged), the same as one sort of all', () => {
    const t = new SegmentTable();
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const added: { r: SegmentRow; i: number }[] = [];
    let arrived = 0;
    for (let round = 0; round < 6; round++) {
      for (let k = 0; k < 15 + round * 7; k++) {
        const start = (next() % 30) * 1000;
        const r = row(`r${round}-${k}`, start, start + 100 + (next() % 3000));
        added.push({ r, i: arrived++ });
        t.add(r);
      }
      if (round === 3) {
        // Folding keeps the order of what is left, sorted or not.
        t.removeEndedBefore(5000);
        added.splice(0, added.length, ...added.filter(({ r }) => r.endMs >= 5000));
      }
      t.sortByStart();
      const expected = [...added].sort((a, b) => a.r.startMs - b.r.startMs || a.i - b.i).map(({ r }) => r);
      expect(rows(t)).toEqual(expected);
    }
  });

  it('finds the first row starting at or after an instant, sorting first when rows came out of order', () => {
    const t = new SegmentTable();
    for (const start of [20, 10, 30, 20]) t.add(row(`at${start}-${t.length}`, start, start + 1));
    expect([0, 10, 11, 20, 21, 30, 31].map((ms) => t.firstStartingAtOrAfter(ms))).toEqual([0, 0, 1, 1, 3, 3, 4]);
    expect(rows(t).map((r) => r.id)).toEqual(['at10-1', 'at20-0', 'at20-3', 'at30-2']);
  });

  it('drops the rows that ended before an instant and keeps the rest in order', () => {
    const t = new SegmentTable();
    for (let i = 0; i < 20; i++) t.add(row(`s${i}`, i * 100, i * 100 + (i % 2 === 0 ? 50 : 500)));
    t.removeEndedBefore(1000);
    expect(rows(t).map((r) => r.id)).toEqual(['s5', 's7', 's9', 's10', 's11', 's12', 's13', 's14', 's15', 's16', 's17', 's18', 's19']);
    expect(t.earliestEndMs()).toBe(1000);
    t.add(row('late', 150, 2000));
    expect(t.firstStartingAtOrAfter(0)).toBe(0);
    expect(t.row(0).id).toBe('late');
  });

  it('finds a row by its whole id only (not one running across two ids), through sorting, folding and odd ids', () => {
    const t = new SegmentTable();
    t.add(row('ab', 30, 40));
    t.add(row('cd', 10, 20));
    expect(t.indexOf('bc')).toBe(-1);
    expect(t.indexOf('b')).toBe(-1);
    t.joinIds();
    t.add(row('bc', 20, 25));
    t.add(row('学 "x"', 5, 6));
    expect([t.indexOf('ab'), t.indexOf('cd'), t.indexOf('bc'), t.indexOf('学 "x"')]).toEqual([0, 1, 2, 3]);
    t.sortByStart();
    expect(rows(t).map((r) => r.id)).toEqual(['学 "x"', 'cd', 'bc', 'ab']);
    expect([t.indexOf('ab'), t.indexOf('cd'), t.indexOf('bc'), t.indexOf('学 "x"')]).toEqual([3, 1, 2, 0]);
    t.removeEndedBefore(21);
    expect(rows(t).map((r) => r.id)).toEqual(['bc', 'ab']);
    expect([t.indexOf('ab'), t.indexOf('bc'), t.indexOf('cd')]).toEqual([1, 0, -1]);
  });

  it('takes rows pushed after room was made for them, and grows past it', () => {
    const t = new SegmentTable();
    t.reserve(20);
    for (let i = 0; i < 30; i++) t.push(`s${i}`, 0, 1, i, i + 1, 1, 2, i + 5);
    t.add(row('late', 100, 101));
    expect(t.length).toBe(31);
    expect(t.row(29)).toEqual({ id: 's29', device: 0, page: 1, startMs: 29, endMs: 30, mode: SEGMENT_MODES[1], policyVersion: 2, receivedMs: 34 });
    expect(rows(t).at(-1)!.id).toBe('late');
    expect(new SegmentTable().earliestEndMs()).toBe(Infinity);
  });
});

describe('Pool', () => {
  it('hands out one number per distinct item', () => {
    const pool = pagePool();
    const a = pool.intern({ resourceId: 'r', url: 'https://x/a', title: 'A' });
    const b = pool.intern({ resourceId: 'r', url: 'https://x/b', title: 'A' });
    expect(pool.intern({ resourceId: 'r', url: 'https://x/a', title: 'A' })).toBe(a);
    expect(b).not.toBe(a);
    expect(pool.items[b]!.url).toBe('https://x/b');
  });

  it('tells apart pages at one URL by title and resource, however many there are', () => {
    const pool = pagePool();
    const pages = [
      { resourceId: 'r', url: 'https://x/a', title: 'A' },
      { resourceId: 'r', url: 'https://x/a', title: 'A (2nd edition)' },
      { resourceId: 's', url: 'https://x/a', title: 'A' },
      { resourceId: 's', url: 'https://x/a', title: '' },
    ];
    const numbers = pages.map((p) => pool.intern(p));
    expect(new Set(numbers).size).toBe(4);
    expect(pages.map((p) => pool.intern({ ...p }))).toEqual(numbers);
    expect(pool.items).toEqual(pages);
  });
});
