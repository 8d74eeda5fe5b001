// A view of the page text with every run of white space collapsed to one space, and the way back to
// the original offsets: quotes recorded by other tools (or after a re-layout) differ mostly in white space.

export interface CollapsedText {
  readonly text: string;
  /** Original offset of each collapsed offset, plus one entry for the end of the text. */
  readonly toSource: Int32Array;
}

export function collapseWhitespace(source: string): CollapsedText {
  const toSource = new Int32Array(source.length + 1);
  let n = 0;
  let from = 0;
  // Only runs of two or more characters move offsets (a lone white-space character becomes one space):
  // the regular expression finds those few, with \s as collapseString reads it, and the stretches
  // between map one to one.
  const runs = /\s{2,}/g;
  for (let m = runs.exec(source); m !== null; m = runs.exec(source)) {
    // Everything up to the run and its first character, which becomes the one space.
    for (let i = from; i <= m.index; i++) toSource[n++] = i;
    from = m.index + m[0].length;
  }
  for (let i = from; i < source.length; i++) toSource[n++] = i;
  toSource[n] = source.length;
  return { text: collapseString(source), toSource: toSource.subarray(0, n + 1) };
}

/** The same collapse for a quote or its context (no mapping needed). */
export function collapseString(s: string): string {
  // The same as replacing every /\s+/ run, but a lone plain space (most of them) is left alone: on a
  // 200,000-character page (Node) 1 ms instead of 6, 11 before the code is optimised.
  return s.replace(/\s{2,}|[^\S ]/g, ' ');
}

/** The collapsed offset of an original offset: the first collapsed character at or after it. */
export function toCollapsed(view: CollapsedText, sourceOffset: number): number {
  let lo = 0;
  let hi = view.toSource.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (view.toSource[mid]! < sourceOffset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
