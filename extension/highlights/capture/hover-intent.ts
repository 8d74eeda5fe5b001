// Hover intent for the clip toolbar: is a pointer that left the selection on its way to the toolbar?
// It is while it stays in the corridor (the convex hull of the selection's box and the toolbar's, padded),
// and for a short grace period after it strays out (people overshoot and come back). Pure: the geometry
// and the clock come in; the page adapter (page/highlighter.ts) feeds it pointer moves and timer ticks.
//
//   selection  ┌──────────────┐
//              │ selected text│\
//              └──────────────┘ \   corridor: hull of both boxes, padded by CORRIDOR_PADDING_PX
//                 ┌─────────┐    |  outside it for longer than GRACE_MS, the toolbar gives way
//   toolbar       │ 摘录 ... │   /   (to the note card of a highlight under the pointer, or nothing)
//                 └─────────┘  /

export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Slack around both boxes: a hand moving fast drifts a little off the straight line. */
export const CORRIDOR_PADDING_PX = 16;
/** How long the pointer may stray out of the corridor and still count as on its way (overshoot, a wobble). */
export const GRACE_MS = 400;

/** Andrew's monotone chain; counter-clockwise, without collinear points. */
export function convexHull(points: readonly Point[]): Point[] {
  const sorted = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  if (sorted.length < 3) return sorted;
  const cross = (o: Point, a: Point, b: Point) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
  const half = (list: Point[]) => {
    const out: Point[] = [];
    for (const p of list) {
      while (out.length >= 2 && cross(out[out.length - 2]!, out[out.length - 1]!, p) <= 0) out.pop();
      out.push(p);
    }
    out.pop();
    return out;
  };
  return [...half(sorted), ...half([...sorted].reverse())];
}

/** Inside or on the edge of a convex polygon given counter-clockwise (as convexHull returns it). */
export function insideConvex(hull: readonly Point[], p: Point): boolean {
  if (hull.length < 3) return false;
  for (let i = 0; i < hull.length; i++) {
    const a = hull[i]!;
    const b = hull[(i + 1) % hull.length]!;
    if ((b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x) < 0) return false;
  }
  return true;
}

function corners(box: Box, pad: number): Point[] {
  const l = box.left - pad;
  const r = box.right + pad;
  const t = box.top - pad;
  const b = box.bottom + pad;
  return [{ x: l, y: t }, { x: r, y: t }, { x: r, y: b }, { x: l, y: b }];
}

export function corridor(selection: Box, toolbar: Box, padding = CORRIDOR_PADDING_PX): Point[] {
  return convexHull([...corners(selection, padding), ...corners(toolbar, padding)]);
}

export interface IntentState {
  /** When the pointer was last seen leaving the corridor; null while it is inside. */
  readonly outsideSince: number | null;
}

export const ON_THE_WAY: IntentState = { outsideSince: null };

export interface IntentDecision {
  readonly state: IntentState;
  /** True: the toolbar keeps the pointer (no card, no hiding). */
  readonly onTheWay: boolean;
  /** Ask again at this time if the pointer does not move (the grace period ends); null: no need. */
  readonly recheckAt: number | null;
}

/** One observation of the pointer (a move, or a timer tick with the last known position) at `now`. */
export function nextIntent(state: IntentState, pointer: Point, now: number, hull: readonly Point[]): IntentDecision {
  if (insideConvex(hull, pointer)) return { state: ON_THE_WAY, onTheWay: true, recheckAt: null };
  const since = state.outsideSince ?? now;
  const deadline = since + GRACE_MS;
  if (now < deadline) return { state: { outsideSince: since }, onTheWay: true, recheckAt: deadline };
  return { state: { outsideSince: since }, onTheWay: false, recheckAt: null };
}
