import { describe, expect, it } from 'vitest';
import { JournalPageError, JournalPages } from './journal-pages.ts';
import type { CompactSyncOp, SegmentTuple, SyncOp } from './ops.ts';

const op = (segments: SegmentTuple[]): SyncOp => ({ type: 'sync', personId: 'p1', deviceId: 'd1', receivedMs: 5000, segments, refused: [], notes: [] });
const line = (pages: CompactSyncOp['pages'], rows: CompactSyncOp['rows']): CompactSyncOp => ({ type: 'sync', personId: 'p1', deviceId: 'd1', receivedMs: 5000, pages, rows, refused: [], notes: [] });
const a: SegmentTuple = ['AAAAAAAAAAAAAAAAAAAAAA', 'res1', 'https://x.org/a', '第一课', 1000, 1600, 'reading', 2];
const b: SegmentTuple = ['QQQQQQQQQQQQQQQQQQQQQQ', 'res1', 'https://x.org/b', 'B', 2000, 2100, 'media', 2];
const a2: SegmentTuple = ['gggggggggggggggggggggg', 'res1', 'https://x.org/a', '第一课', 3000, 3300, 'reading', 3];

// Lines as a journal written before issue 19 holds them: pages named once per file, rows by number.
const first = line(
  [
    [0, 'res1', 'https://x.org/a', '第一课'],
    [1, 'res1', 'https://x.org/b', 'B'],
  ],
  [
    ['AAAAAAAAAAAAAAAAAAAAAA', 0, 1000, 600, 0, 2],
    ['QQQQQQQQQQQQQQQQQQQQQQ', 1, 2000, 100, 1, 2],
  ],
);
const second = line(
  [],
  [
    ['gggggggggggggggggggggg', 0, 3000, 300, 0, 3],
    ['QQQQQQQQQQQQQQQQQQQQQQ', 1, 2000, 100, 1, 2],
  ],
);

describe('journal pages (lines written before issue 19)', () => {
  it('reads rows by the page numbers earlier lines of the file named', () => {
    const reader = new JournalPages();
    expect([first, second].map((l) => reader.decode(l))).toEqual([op([a, b]), op([a2, b])]);
  });

  it('tells apart pages at one URL with other titles or resources', () => {
    const pages: CompactSyncOp['pages'] = [
      [0, 'res1', 'https://x.org/a', 'A'],
      [1, 'res2', 'https://x.org/a', 'A'],
      [2, 'res1', 'https://x.org/a', 'other'],
    ];
    const decoded = new JournalPages().decode(line(pages, [0, 1, 2].map((page) => ['AAAAAAAAAAAAAAAAAAAAAA', page, 1, 1, 0, 1])));
    expect(decoded.segments.map((s) => [s[1], s[3]])).toEqual([
      ['res1', 'A'],
      ['res2', 'A'],
      ['res1', 'other'],
    ]);
  });

  it('refuses a line using a page no earlier line names, or naming pages out of turn, or naming one twice', () => {
    expect(() => new JournalPages().decode(second)).toThrow(JournalPageError);
    expect(() => new JournalPages().decode({ ...first, pages: [first.pages[1]!, first.pages[0]!] })).toThrow(/page 1 named where page 0 was due/);
    const reader = new JournalPages();
    reader.decode(first);
    expect(() => reader.decode({ ...first, pages: [[2, 'res1', 'https://x.org/a', '第一课']] })).toThrow(/names a page named before/);
  });
});
