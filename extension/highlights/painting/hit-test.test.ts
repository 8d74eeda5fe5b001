// Hit testing highlights by their rectangles.
import { describe, expect, it } from 'vitest';
import { hitTest } from './hit-test.ts';

const rect = (left: number, top: number, right: number, bottom: number) => ({ left, top, right, bottom });

describe('hitTest', () => {
  const rects = new Map([
    ['a', [rect(0, 0, 300, 20), rect(0, 20, 120, 40)]],
    ['b', [rect(50, 0, 80, 20)]],
  ]);

  it('finds the highlight under the point, across its line boxes', () => {
    expect(hitTest(rects, 100, 30)).toBe('a');
    expect(hitTest(rects, 200, 10)).toBe('a');
  });

  it('prefers the smaller of overlapping highlights', () => {
    expect(hitTest(rects, 60, 10)).toBe('b');
  });

  it('finds nothing outside every rectangle', () => {
    expect(hitTest(rects, 200, 30)).toBeNull();
  });
});
