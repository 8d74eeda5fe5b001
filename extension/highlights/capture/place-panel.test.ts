// Placing the in-page panels: below, above, or clamped, never out of the 1280 × 800 viewport.
import { describe, expect, it } from 'vitest';
import { MARGIN_PX, placePanel } from './place-panel.ts';

const viewport = { width: 1280, height: 800 };
const editor = { width: 340, height: 420 };

function inside(pos: { left: number; top: number }, size = editor) {
  return pos.left >= MARGIN_PX && pos.top >= MARGIN_PX && pos.left + size.width <= viewport.width - MARGIN_PX && pos.top + size.height <= viewport.height - MARGIN_PX;
}

describe('placing the note editor', () => {
  it('goes under the passage when there is room', () => {
    expect(placePanel({ left: 200, top: 100, bottom: 124 }, editor, viewport)).toEqual({ left: 200, top: 132 });
  });

  it('goes above a passage near the bottom of the viewport', () => {
    const pos = placePanel({ left: 200, top: 700, bottom: 724 }, editor, viewport);
    expect(pos).toEqual({ left: 200, top: 700 - 8 - 420 });
  });

  it('stays inside when it fits on neither side (covering the passage)', () => {
    const pos = placePanel({ left: 200, top: 380, bottom: 404 }, editor, viewport);
    expect(inside(pos)).toBe(true);
  });

  it('moves left of a passage at the right edge', () => {
    expect(placePanel({ left: 1200, top: 100, bottom: 124 }, editor, viewport).left).toBe(1280 - 340 - 8);
  });

  it('stays inside for passages scrolled out of view above or below', () => {
    expect(inside(placePanel({ left: 200, top: -900, bottom: -876 }, editor, viewport))).toBe(true);
    expect(inside(placePanel({ left: 200, top: 1900, bottom: 1924 }, editor, viewport))).toBe(true);
  });

  it('keeps every passage position in a sweep of the page inside the viewport', () => {
    for (let top = -1000; top <= 2000; top += 7) {
      for (const left of [-50, 0, 300, 1000, 1279]) {
        const pos = placePanel({ left, top, bottom: top + 24 }, editor, viewport);
        expect(inside(pos), `passage at ${left},${top}`).toBe(true);
      }
    }
  });
});
