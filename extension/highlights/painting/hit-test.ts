// Which highlight is under the pointer: the API paints no elements that could receive events, so hover
// and click are matched against the client rectangles of the highlighted ranges.

export interface RectLike {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** The id whose rectangles contain the point; the smallest such rectangle wins (nested highlights). */
export function hitTest(rectsById: ReadonlyMap<string, readonly RectLike[]>, x: number, y: number): string | null {
  let best: { id: string; area: number } | null = null;
  for (const [id, rects] of rectsById) {
    for (const r of rects) {
      if (x < r.left || x > r.right || y < r.top || y > r.bottom) continue;
      const area = (r.right - r.left) * (r.bottom - r.top);
      if (best === null || area < best.area) best = { id, area };
    }
  }
  return best?.id ?? null;
}

/** The note under the point among painted ranges (client coordinates, as mouse events give). */
export function noteAtPoint(ranges: ReadonlyMap<string, Range>, x: number, y: number): string | null {
  const rects = new Map<string, DOMRect[]>();
  for (const [id, range] of ranges) rects.set(id, [...range.getClientRects()]);
  return hitTest(rects, x, y);
}
