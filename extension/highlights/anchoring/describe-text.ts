// describe, on text: a span of page text becomes the selectors stored with a note (a quote with a
// little context either side, and its position), following the W3C Web Annotation selectors, with the
// quote's closest look-alikes on the page (lookalikes.ts) recorded beside it, and which of several
// word-for-word copies of quote and context it is.
import { NOTE_LIMITS, type TextPositionSelector, type TextQuoteSelector } from '../../../shared/schemas/notes.ts';
import { findLookalikes, occurrences } from './lookalikes.ts';
import type { TextSpan } from './types.ts';

/** Context kept either side of the quote: enough to tell repeated phrases apart, small to store. */
export const CONTEXT_CHARS = 32;

/**
 * The span without the white space at its ends (selections often take a line break along), or null
 * when nothing but white space is selected.
 */
export function trimSpan(text: string, span: TextSpan): TextSpan | null {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}

/** `allowed`: where a look-alike may be (not in text the reader never sees). */
export function describeSpan(
  text: string,
  span: TextSpan,
  contextChars = CONTEXT_CHARS,
  allowed?: (span: TextSpan) => boolean,
): [TextQuoteSelector, TextPositionSelector] | null {
  const trimmed = trimSpan(text, span);
  if (trimmed === null) return null;
  const { start, end } = trimmed;
  const prefix = withoutSplitPairs(text.slice(Math.max(0, start - contextChars), start));
  const suffix = withoutSplitPairs(text.slice(end, end + contextChars));
  const window = { start: start - prefix.length, end: end + suffix.length };
  const lookalikes = findLookalikes(text, window, trimmed, allowed);
  const copies = occurrences(text, text.slice(window.start, window.end));
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix,
      suffix,
      ...(lookalikes === undefined ? {} : { lookalikes }),
      ...(copies.length > 1 && copies.length <= NOTE_LIMITS.lookalikeCopies ? { copies: { count: copies.length, rank: copies.indexOf(window.start) } } : {}),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}

/** A context cut through the middle of a surrogate pair would store half a character: drop the half. */
function withoutSplitPairs(context: string): string {
  let s = context;
  if (/^[\uDC00-\uDFFF]/.test(s)) s = s.slice(1);
  if (/[\uD800-\uDBFF]$/.test(s)) s = s.slice(0, -1);
  return s;
}
