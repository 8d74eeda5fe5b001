// Notices that the machine slept (or the clock was set forward) between two ticks of a visible page:
// the wall clock moved much further than the page's own monotonic clock, or than the tick interval.

export interface Tick {
  /** Date.now() */
  readonly wallMs: number;
  /** performance.now(), which stops while the machine sleeps on most systems. */
  readonly monoMs: number;
}

/** More than this unexplained is a jump; less is timer jitter or a busy page. */
export const JUMP_TOLERANCE_MS = 3_000;
/** A visible page's timer late by more than this means the whole machine stood still. */
export const LATE_TICK_TOLERANCE_MS = 10_000;

/** The interval that did not really pass, or null. Conservative: from the last good tick to now. */
export function detectJump(previous: Tick, current: Tick, tickMs: number): { from: number; to: number } | null {
  const wall = current.wallMs - previous.wallMs;
  const mono = current.monoMs - previous.monoMs;
  const unexplained = wall - mono > JUMP_TOLERANCE_MS;
  const late = wall > tickMs + LATE_TICK_TOLERANCE_MS;
  return unexplained || late ? { from: previous.wallMs, to: current.wallMs } : null;
}
