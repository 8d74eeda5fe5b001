// Hover intent for the clip toolbar: the corridor's geometry and the grace period, on the paths a hand
// really takes from the end of a selection to the toolbar below it.
import { describe, expect, it } from 'vitest';
import { convexHull, corridor, GRACE_MS, insideConvex, nextIntent, ON_THE_WAY, type IntentState, type Point } from './hover-intent.ts';

// A two-line selection in a 700 px column and the toolbar placed 8 px under its left edge (page-ui.tsx).
const selection = { left: 120, top: 200, right: 820, bottom: 248 };
const toolbar = { left: 120, top: 256, right: 330, bottom: 292 };
const hull = corridor(selection, toolbar);

/** Runs a path sampled every `stepMs`, returning each sample's decision. */
function walk(path: readonly Point[], stepMs = 16, start = 1000): boolean[] {
  let state: IntentState = ON_THE_WAY;
  return path.map((p, i) => {
    const d = nextIntent(state, p, start + i * stepMs, hull);
    state = d.state;
    return d.onTheWay;
  });
}

function line(from: Point, to: Point, steps: number, bow = 0): Point[] {
  return Array.from({ length: steps + 1 }, (_, i) => {
    const f = i / steps;
    // A hand's path bows sideways in the middle (a sine arc of `bow` pixels).
    return { x: from.x + (to.x - from.x) * f, y: from.y + (to.y - from.y) * f + Math.sin(Math.PI * f) * bow };
  });
}

describe('the corridor', () => {
  it('is the hull of both boxes, padded', () => {
    expect(insideConvex(hull, { x: 820 + 16, y: 200 - 16 })).toBe(true);
    expect(insideConvex(hull, { x: 120 - 16, y: 292 + 16 })).toBe(true);
    // Between the selection's right end and the toolbar's right edge: the diagonal a hand takes.
    expect(insideConvex(hull, { x: 575, y: 270 })).toBe(true);
    // Right of the toolbar, well below the selection: outside the hull.
    expect(insideConvex(hull, { x: 800, y: 300 })).toBe(false);
    expect(insideConvex(hull, { x: 50, y: 230 })).toBe(false);
  });

  it('keeps only the outer corners, counter-clockwise', () => {
    const square = convexHull([{ x: 0, y: 0 }, { x: 2, y: 0 }, { x: 1, y: 1 }, { x: 2, y: 2 }, { x: 0, y: 2 }, { x: 1, y: 0 }]);
    expect(square).toEqual([{ x: 0, y: 0 }, { x: 2, y: 0 }, { x: 2, y: 2 }, { x: 0, y: 2 }]);
    expect(insideConvex(square, { x: 1, y: 1 })).toBe(true);
    expect(insideConvex(square, { x: 2, y: 1 })).toBe(true);
    expect(insideConvex(square, { x: 3, y: 1 })).toBe(false);
  });

  it('is empty for fewer than three points', () => {
    expect(insideConvex(convexHull([{ x: 0, y: 0 }, { x: 1, y: 1 }]), { x: 0, y: 0 })).toBe(false);
  });
});

describe('hover intent', () => {
  it('keeps the toolbar on a straight path from the end of the selection to its first button', () => {
    expect(walk(line({ x: 810, y: 240 }, { x: 150, y: 274 }, 40)).every(Boolean)).toBe(true);
  });

  it('keeps it on a path that bows out of the corridor for less than the grace period', () => {
    // A 60 px bow below the corridor: part of the path is outside, for less than GRACE_MS at 16 ms a sample.
    const path = line({ x: 810, y: 240 }, { x: 150, y: 274 }, 40, 60);
    const outside = path.filter((p) => !insideConvex(hull, p)).length;
    expect(outside).toBeGreaterThan(0);
    expect(outside * 16).toBeLessThan(GRACE_MS);
    expect(walk(path).every(Boolean)).toBe(true);
  });

  it('keeps it for an overshoot past the toolbar that comes back', () => {
    const path = [...line({ x: 810, y: 240 }, { x: 150, y: 360 }, 20), ...line({ x: 150, y: 360 }, { x: 150, y: 274 }, 10)];
    expect(walk(path).every(Boolean)).toBe(true);
  });

  it('gives way once the pointer stays out longer than the grace period, and says when to look again', () => {
    const out = { x: 800, y: 500 };
    const first = nextIntent(ON_THE_WAY, out, 1000, hull);
    expect(first).toEqual({ state: { outsideSince: 1000 }, onTheWay: true, recheckAt: 1000 + GRACE_MS });
    expect(nextIntent(first.state, out, 1000 + GRACE_MS - 1, hull).onTheWay).toBe(true);
    expect(nextIntent(first.state, out, 1000 + GRACE_MS, hull)).toEqual({ state: { outsideSince: 1000 }, onTheWay: false, recheckAt: null });
  });

  it('gives way on a path that leaves for good', () => {
    const decisions = walk(line({ x: 810, y: 240 }, { x: 1200, y: 700 }, 60));
    expect(decisions[0]).toBe(true);
    expect(decisions.at(-1)).toBe(false);
  });

  it('gives each excursion its own grace period once the pointer is back inside', () => {
    const out = { x: 800, y: 500 };
    const inside = { x: 200, y: 274 };
    let d = nextIntent(ON_THE_WAY, out, 0, hull);
    d = nextIntent(d.state, inside, GRACE_MS - 10, hull);
    expect(d.state).toEqual(ON_THE_WAY);
    d = nextIntent(d.state, out, GRACE_MS, hull);
    expect(d.onTheWay).toBe(true);
    expect(nextIntent(d.state, out, 2 * GRACE_MS - 1, hull).onTheWay).toBe(true);
  });
});
