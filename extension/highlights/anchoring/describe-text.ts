// describe, on text: a span of page text becomes the selectors stored with a note (a quote with a
// little context either side, and its position), following the W3C Web Annotation selectors.
import type { TextPositionSelector, TextQuoteSelector } from '../../../shared/schemas/notes.ts';
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

export function describeSpan(text: string, span: TextSpan, contextChars = CONTEXT_CHARS): [TextQuoteSelector, TextPositionSelector] | null {
  const trimmed = trimSpan(text, span);
  if (trimmed === null) return null;
  const { start, end } = trimmed;
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: withoutSplitPairs(text.slice(Math.max(0, start - contextChars), start)),
      suffix: withoutSplitPairs(text.slice(end, end + contextChars)),
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
