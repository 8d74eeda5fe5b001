// Compaction merges only what continues exactly and was never offered; the budget holds a dense week.
import { describe, expect, it } from 'vitest';
import type { Segment } from '../../shared/schemas/sync.ts';
import { OUTBOX_BUDGET_BYTES, compact, segmentBytes, withinBudget } from './compaction.ts';

const T0 = Date.UTC(2026, 0, 5, 1, 0, 0);
let n = 0;
function seg(startS: number, endS: number, over: Partial<Segment> = {}): Segment {
  n++;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    resourceId: 'res-a',
    url: 'https://learn.example.org/a/1',
    title: 'Lesson',
    startedAt: new Date(T0 + startS * 1000).toISOString(),
    endedAt: new Date(T0 + endS * 1000).toISOString(),
    mode: 'reading',
    ...over,
  };
}

describe('compact', () => {
  it('merges a segment that continues the one before it, keeping the first id and the latest title', () => {
    const a = seg(0, 600);
    const b = seg(600, 700, { title: 'Lesson (2)' });
    const c = seg(700, 760, { title: '' });
    expect(compact([a, b, c], new Set())).toEqual([{ ...a, endedAt: c.endedAt, title: 'Lesson (2)' }]);
  });

  it('keeps apart what has a gap, another page, resource or mode', () => {
    const list = [
      seg(0, 10),
      seg(11, 20),
      seg(20, 30, { url: 'https://learn.example.org/a/2' }),
      seg(30, 40, { url: 'https://learn.example.org/a/2', mode: 'media' }),
      seg(40, 50, { url: 'https://learn.example.org/a/2', mode: 'media', resourceId: 'res-b' }),
    ];
    expect(compact(list, new Set())).toEqual(list);
  });

  it('never changes a segment that has been offered to the server', () => {
    const a = seg(0, 10);
    const b = seg(10, 20);
    const c = seg(20, 30);
    expect(compact([a, b, c], new Set([a.id]))).toEqual([a, { ...b, endedAt: c.endedAt }]);
    expect(compact([a, b, c], new Set([c.id]))).toEqual([{ ...a, endedAt: b.endedAt }, c]);
  });

  it('keeps the total time unchanged', () => {
    const list = Array.from({ length: 50 }, (_, i) => seg(i * 10, i * 10 + (i % 3 === 0 ? 9 : 10)));
    const seconds = (xs: Segment[]) => xs.reduce((s, x) => s + (Date.parse(x.endedAt) - Date.parse(x.startedAt)) / 1000, 0);
    const compacted = compact(list, new Set());
    expect(compacted.length).toBeLessThan(list.length);
    expect(seconds(compacted)).toBe(seconds(list));
  });
});

describe('the outbox budget', () => {
  it('holds a dense week offline: 7 days × 8 h, a new page every 20 s, long URLs and titles', () => {
    const week: Segment[] = [];
    for (let day = 0; day < 7; day++) {
      for (let i = 0; i < (8 * 3600) / 20; i++) {
        const start = day * 86_400 + i * 20;
        week.push(
          seg(start, start + 19, {
            url: `https://learn.example.org/library/reading/chapter-${i % 50}?book=theory-of-the-cppcc-${day}&page=${i}`,
            title: `新时代人民政协理论学习专栏 第${i}讲：加强学习型机关建设的重要途径`,
          }),
        );
      }
    }
    const bytes = week.reduce((s, x) => s + segmentBytes(x), 0);
    expect(bytes).toBeLessThan(OUTBOX_BUDGET_BYTES / 2);
    expect(withinBudget(week)).toEqual({ kept: week, dropped: 0 });
    // The estimate is not below the real JSON size.
    expect(bytes).toBeGreaterThanOrEqual(new TextEncoder().encode(JSON.stringify(week)).length);
  });

  it('gives up the oldest segments first when over the budget', () => {
    const list = [seg(0, 1), seg(1, 2), seg(2, 3)];
    const oneLess = segmentBytes(list[1]!) + segmentBytes(list[2]!);
    expect(withinBudget(list, oneLess)).toEqual({ kept: list.slice(1), dropped: 1 });
    expect(withinBudget(list, 0)).toEqual({ kept: [], dropped: 3 });
  });
});
