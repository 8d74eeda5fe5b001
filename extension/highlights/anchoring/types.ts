// The vocabulary of anchoring: spans of page text, and what an anchoring attempt found.

/** Half-open range [start, end) of UTF-16 code units in a page's text. */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

/** Which step of the fallback chain found the passage, in the order they are tried. */
export type AnchorMethod = 'position' | 'quote' | 'normalised-quote' | 'ends' | 'fuzzy' | 'context';

export type AnchorResult =
  | { readonly status: 'anchored'; readonly span: TextSpan; readonly method: AnchorMethod }
  /** Not found safely: the note is listed as unanchored and retried later, never moved elsewhere. */
  | { readonly status: 'unanchored' };

export const UNANCHORED: AnchorResult = { status: 'unanchored' };
