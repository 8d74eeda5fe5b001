// What the anchoring survival harness (anchoring-survival.ts) and the near-duplicate corpus
// (fixtures/anchoring/near-duplicate-pages.ts) both speak: the page's language, clipped notes and edited
// pages. Apart from both, so neither imports the other back.
import type { TextSpan } from '../../extension/highlights/anchoring/types.ts';
import type { Selector } from '../../shared/schemas/notes.ts';

export type Language = 'en' | 'zh';

/** Extends a span to whole words (English readers select words, not letters). */
export function toWordBoundaries(text: string, span: TextSpan): TextSpan {
  let { start, end } = span;
  while (start > 0 && /\w/.test(text[start - 1]!)) start--;
  while (end < text.length && /\w/.test(text[end]!)) end++;
  return { start, end };
}

export interface ClippedNote {
  readonly original: TextSpan;
  readonly selectors: Selector[];
}

/** The text and, for every character, the original offset it came from (-1 when inserted later). */
export interface EditedPage {
  readonly text: string;
  readonly origin: Int32Array;
}
