// anchor, on text: stored selectors become a span of the page's text, by an ordered chain of steps
//
//   1. position   the recorded offsets, if the text there is still the quote (and its context agrees)
//   2. quote      every exact occurrence, ranked by prefix, suffix and nearness to the recorded position
//   3. normalised the same with white space collapsed (quotes recorded by other tools, re-flowed text)
//   4. ends       for a long quote: its first and last words found apart (text inserted or removed inside)
//   5. fuzzy      approximate occurrences of a long enough quote (approx-string-match), above a score
//   6. context    a short quote edited too much: the text between its two contexts, if still like it
//
// Every step demands that the surrounding text agree with the stored context; when none succeeds the
// note is unanchored, never attached to other text. The page text is read once and shared by all notes.
import type { Selector } from '../../../shared/schemas/notes.ts';
import { contextVerdict, prefixScore, suffixScore } from './context-score.ts';
import { positionSelectorOf, quoteSelectorOf } from './describe-text.ts';
import { matchBetweenContexts, matchEnds, matchExact, matchFuzzy, type QuoteContext } from './match-quote.ts';
import { UNANCHORED, type AnchorResult, type TextSpan } from './types.ts';
import { collapseString, collapseWhitespace, toCollapsed, type CollapsedText } from './whitespace.ts';

/** A quote this long found exactly at its recorded offsets is no coincidence, whatever its context. */
const TRUSTED_POSITION_QUOTE_CHARS = 32;

/** One reading of a page's text, shared by every note anchored in the same pass. */
export interface TextIndex {
  readonly text: string;
  /** May a passage be anchored here? False for text the reader never sees (scripts, styles). */
  readonly allowed: (span: TextSpan) => boolean;
  /** The white-space-collapsed view, computed on first use. */
  readonly collapsed: () => CollapsedText;
}

/** `hidden`: spans of text never shown to the reader, sorted by start and not overlapping. */
export function createTextIndex(text: string, hidden: readonly TextSpan[] = []): TextIndex {
  let view: CollapsedText | null = null;
  return {
    text,
    allowed: (span) => !overlapsAny(hidden, span),
    collapsed: () => (view ??= collapseWhitespace(text)),
  };
}

function overlapsAny(sorted: readonly TextSpan[], span: TextSpan): boolean {
  let lo = 0;
  let hi = sorted.length;
  // First hidden span ending after the candidate's start.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.end <= span.start) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo]!.start < span.end;
}

export function anchorSelectors(index: TextIndex, selectors: readonly Selector[]): AnchorResult {
  const { text } = index;
  const quote = quoteSelectorOf(selectors);
  const position = positionSelectorOf(selectors);
  const positionSpan = position && position.end <= text.length ? { start: position.start, end: position.end } : null;

  if (quote === undefined) {
    // Nothing to check the offsets against: they are all there is.
    return positionSpan !== null && index.allowed(positionSpan) ? { status: 'anchored', span: positionSpan, method: 'position' } : UNANCHORED;
  }

  if (positionSpan !== null && index.allowed(positionSpan) && text.slice(positionSpan.start, positionSpan.end) === quote.exact) {
    const verdict = contextVerdict([
      prefixScore(quote.prefix, text, positionSpan.start),
      suffixScore(quote.suffix, text, positionSpan.end),
    ]);
    if (verdict !== 'disagrees' || quote.exact.length >= TRUSTED_POSITION_QUOTE_CHARS) {
      return { status: 'anchored', span: positionSpan, method: 'position' };
    }
  }

  const ctx: QuoteContext = { prefix: quote.prefix, suffix: quote.suffix, hint: position?.start ?? null };
  const exact = matchExact(text, quote.exact, ctx, index.allowed);
  if (exact !== null) return { status: 'anchored', span: exact, method: 'quote' };

  const view = index.collapsed();
  const collapsedQuote = collapseString(quote.exact);
  const collapsedCtx: QuoteContext = {
    prefix: collapseString(quote.prefix),
    suffix: collapseString(quote.suffix),
    hint: ctx.hint === null ? null : toCollapsed(view, ctx.hint),
  };
  const allowedInView = (span: TextSpan) => index.allowed(toSourceSpan(view, span));
  if (view.text !== text || collapsedQuote !== quote.exact) {
    const found = matchExact(view.text, collapsedQuote, collapsedCtx, allowedInView);
    if (found !== null) return { status: 'anchored', span: toSourceSpan(view, found), method: 'normalised-quote' };
  }
  const ends = matchEnds(view.text, collapsedQuote, collapsedCtx, allowedInView);
  if (ends !== null) return { status: 'anchored', span: toSourceSpan(view, ends), method: 'ends' };
  const fuzzy = matchFuzzy(view.text, collapsedQuote, collapsedCtx, allowedInView);
  if (fuzzy !== null) return { status: 'anchored', span: toSourceSpan(view, fuzzy), method: 'fuzzy' };
  const between = matchBetweenContexts(view.text, collapsedQuote, collapsedCtx, allowedInView);
  if (between !== null) return { status: 'anchored', span: toSourceSpan(view, between), method: 'context' };
  return UNANCHORED;
}

function toSourceSpan(view: CollapsedText, span: TextSpan): TextSpan {
  return { start: view.toSource[span.start]!, end: view.toSource[span.end - 1]! + 1 };
}
