// Today's counted seconds: closed segments add up per local day, the open one counts as it runs.
import { describe, expect, it } from 'vitest';
import { addClosed, localDay, secondsCountedToday } from './daily-total.ts';
import type { ClosedSegment, OpenSegment } from './types.ts';

const at = (h: number, m = 0, day = 6) => new Date(2026, 2, day, h, m).getTime();
const closed = (startedAt: number, endedAt: number): ClosedSegment => ({
  id: 'x', resourceId: 'res-a', url: 'https://learn.example.org/a/1', title: '', startedAt, endedAt, mode: 'reading',
});

describe('daily total', () => {
  it('adds closed segments of today', () => {
    const total = addClosed(null, [closed(at(9), at(9, 10)), closed(at(10), at(10, 5))], at(11));
    expect(total).toEqual({ day: localDay(at(11)), seconds: 15 * 60 });
    expect(addClosed(total, [closed(at(11), at(11, 1))], at(12)).seconds).toBe(16 * 60);
  });

  it('starts over on a new day and counts only the part of a segment after midnight', () => {
    const yesterday = addClosed(null, [closed(at(20), at(21))], at(21));
    const today = addClosed(yesterday, [closed(at(23, 50, 6), at(0, 10, 7))], at(0, 10, 7));
    expect(today).toEqual({ day: localDay(at(0, 10, 7)), seconds: 10 * 60 });
  });

  it('adds the running part of the open segment, and ignores a stale total', () => {
    const open: OpenSegment = { id: 'o', resourceId: 'res-a', url: 'https://learn.example.org/a/1', title: '', startedAt: at(14), lastSeenAt: at(14) };
    expect(secondsCountedToday({ day: localDay(at(14)), seconds: 60 }, open, at(14, 2))).toBe(180);
    expect(secondsCountedToday({ day: '2000-01-01', seconds: 999 }, null, at(14))).toBe(0);
  });
});
