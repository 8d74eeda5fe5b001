// A view of the page text with every run of white space collapsed to one space, and the way back to
// the original offsets: quotes recorded by other tools (or after a re-layout) differ mostly in white space.

export interface CollapsedText {
  readonly text: string;
  /** Original offset of each collapsed offset, plus one entry for the end of the text. */
  readonly toSource: Int32Array;
}

/** The characters `\s` matches, by code: a regular expression per character was most of a re-show. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
}

export function collapseWhitespace(source: string): CollapsedText {
  const toSource = new Int32Array(source.length + 1);
  let n = 0;
  let inSpace = false;
  for (let i = 0; i < source.length; i++) {
    const space = isSpace(source.charCodeAt(i));
    if (space && inSpace) continue;
    inSpace = space;
    toSource[n++] = i;
  }
  toSource[n] = source.length;
  return { text: collapseString(source), toSource: toSource.subarray(0, n + 1) };
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
