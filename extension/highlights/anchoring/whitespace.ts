// A view of the page text with every run of white space collapsed to one space, and the way back to
// the original offsets: quotes recorded by other tools (or after a re-layout) differ mostly in white space.

export interface CollapsedText {
  readonly text: string;
  /** Original offset of each collapsed offset, plus one entry for the end of the text. */
  readonly toSource: Int32Array;
}

const SPACE = /\s/;

export function collapseWhitespace(source: string): CollapsedText {
  const out: string[] = [];
  const toSource = new Int32Array(source.length + 1);
  let n = 0;
  let inSpace = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (SPACE.test(c)) {
      if (inSpace) continue;
      inSpace = true;
      out.push(' ');
    } else {
      inSpace = false;
      out.push(c);
    }
    toSource[n++] = i;
  }
  toSource[n] = source.length;
  return { text: out.join(''), toSource: toSource.subarray(0, n + 1) };
}

/** The same collapse for a quote or its context (no mapping needed). */
export function collapseString(s: string): string {
  return s.replace(/\s+/g, ' ');
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
