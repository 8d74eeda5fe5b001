import { describe, expect, it } from 'vitest';
import { JournalPageError, JournalPages } from './journal-pages.ts';
import type { SegmentTuple, SyncOp } from './ops.ts';

const op = (segments: SegmentTuple[]): SyncOp => ({ type: 'sync', personId: 'p1', deviceId: 'd1', receivedMs: 5000, segments, refused: [], notes: [] });
const a: SegmentTuple = ['AAAAAAAAAAAAAAAAAAAAAA', 'res1', 'https://x.org/a', '第一课', 1000, 1600, 'reading', 2];
const b: SegmentTuple = ['QQQQQQQQQQQQQQQQQQQQQQ', 'res1', 'https://x.org/b', 'B', 2000, 2100, 'media', 2];
const a2: SegmentTuple = ['gggggggggggggggggggggg', 'res1', 'https://x.org/a', '第一课', 3000, 3300, 'reading', 3];

describe('journal pages', () => {
  it('names each page once per file and rows refer to it by number; reading the file back gives the same ops', () => {
    const writer = new JournalPages();
    const first = writer.encode(op([a, b]));
    const second = writer.encode(op([a2, b]));
    expect(first.pages).toEqual([
      [0, 'res1', 'https://x.org/a', '第一课'],
      [1, 'res1', 'https://x.org/b', 'B'],
    ]);
    expect(first.rows).toEqual([
      ['AAAAAAAAAAAAAAAAAAAAAA', 0, 1000, 600, 0, 2],
      ['QQQQQQQQQQQQQQQQQQQQQQ', 1, 2000, 100, 1, 2],
    ]);
    expect(second.pages).toEqual([]);
    expect(second.rows.map((r) => r[1])).toEqual([0, 1]);
    const reader = new JournalPages();
    expect([first, second].map((line) => reader.decode(line))).toEqual([op([a, b]), op([a2, b])]);
    // The reader goes on where the file ends: a line appended after a restart reads the same.
    expect(reader.encode(op([b])).pages).toEqual([]);
  });

  it('tells apart pages at one URL with other titles or resources', () => {
    const writer = new JournalPages();
    const line = writer.encode(op([a, [a[0], 'res2', a[2], a[3], 1, 2, 'reading', 1], [a[0], 'res1', a[2], 'other', 1, 2, 'reading', 1]]));
    expect(line.rows.map((r) => r[1])).toEqual([0, 1, 2]);
  });

  it('refuses a line using a page no earlier line names, or naming pages out of turn', () => {
    const line = new JournalPages().encode(op([a, b]));
    expect(() => new JournalPages().decode({ ...line, pages: [] })).toThrow(JournalPageError);
    expect(() => new JournalPages().decode({ ...line, pages: [line.pages[1]!, line.pages[0]!] })).toThrow(/page 1 named where page 0 was due/);
    const reader = new JournalPages();
    reader.decode(line);
    expect(() => reader.decode({ ...line, pages: [[2, 'res1', 'https://x.org/a', '第一课']] })).toThrow(/names a page named before/);
  });
});
