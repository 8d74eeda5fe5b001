// Finding where a quote may be in page text: every exact occurrence, the approximate ones, its two ends
// found apart, or what lies between its two contexts. These only propose places; choose-candidate.ts
// decides which, if any, is the passage.
import search from 'approx-string-match';
import { sharedAtBoundary } from './context-score.ts';
import { choose, judge, type Candidate, type QuoteContext } from './choose-candidate.ts';
import type { TextSpan } from './types.ts';

/** A quote shorter than this is searched approximately only between its intact contexts (matchBetweenContexts). */
export const MIN_FUZZY_QUOTE_CHARS = 16;
/** Share of the quote's characters that may differ in an approximate match. */
export const MAX_FUZZY_ERROR_RATE = 0.25;
/** Occurrences scored in full; more (a very common short quote) are first ranked by cheap checks. */
const MAX_SCORED_CANDIDATES = 48;
/** The approximate search looks near the recorded position first, this far either side. */
export const NEAR_HINT_CHARS = 4096;

/** Every exact occurrence of `quote` (the most promising MAX_SCORED_CANDIDATES when there are more). */
export function exactCandidates(
  text: string,
  quote: string,
  ctx: QuoteContext,
  allowed: (span: TextSpan) => boolean = () => true,
): Candidate[] {
  if (quote.length === 0) return [];
  let candidates: Candidate[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    const span = { start: at, end: at + quote.length, quoteErrors: 0 };
    if (allowed(span)) candidates.push(span);
  }
  if (candidates.length > MAX_SCORED_CANDIDATES) {
    const cheap = (c: Candidate) =>
      sharedAtBoundary(ctx.prefix, ctx.suffix, text, c.start, c.end) * text.length -
      (ctx.hint === null ? 0 : Math.abs(c.start - ctx.hint));
    candidates = candidates
      .map((c) => ({ c, key: cheap(c) }))
      .sort((a, b) => b.key - a.key)
      .slice(0, MAX_SCORED_CANDIDATES)
      .map((x) => x.c);
  }
  return candidates;
}

/** Approximate occurrences of `quote` in text[from, to), at most MAX_FUZZY_ERROR_RATE different. */
export function fuzzyCandidates(
  text: string,
  quote: string,
  from: number,
  to: number,
  allowed: (span: TextSpan) => boolean = () => true,
): Candidate[] {
  const maxErrors = Math.floor(quote.length * MAX_FUZZY_ERROR_RATE);
  return search(text.slice(from, to), quote, maxErrors)
    .map((m) => ({ start: from + m.start, end: from + m.end, quoteErrors: m.errors }))
    .filter((c) => c.end > c.start && allowed(c));
}

/** The approximate search's window near the recorded position, or null to search the whole text. */
export function nearWindow(text: string, quote: string, hint: number | null): { from: number; to: number } | null {
  if (hint === null) return null;
  const from = Math.max(0, hint - NEAR_HINT_CHARS - quote.length);
  const to = Math.min(text.length, hint + NEAR_HINT_CHARS + 2 * quote.length);
  return from === 0 && to === text.length ? null : { from, to };
}

/** The passage found at a place, with its ends moved to where the quote's first and last characters are. */
export function refined(text: string, quote: string, span: TextSpan, allowed: (span: TextSpan) => boolean): TextSpan {
  const maxErrors = Math.floor(quote.length * MAX_FUZZY_ERROR_RATE);
  const r = refineEnds(text, quote, span, 2 * maxErrors);
  return allowed(r) ? r : span;
}

/**
 * The cheapest alignment of an approximate match may cut the passage short (text inserted near its
 * end costs less as substitutions than as insertions): move each end to the nearest place, within the
 * error budget, where the quote's first or last few characters occur exactly.
 */
function refineEnds(text: string, quote: string, span: TextSpan, slack: number): TextSpan {
  const k = Math.min(6, Math.floor(quote.length / 4));
  if (k < 2) return span;
  const nearest = (key: string, from: number, to: number, target: number, keyEnd: boolean): number | null => {
    let best: number | null = null;
    const window = text.slice(Math.max(0, from), Math.min(text.length, to));
    for (let at = window.indexOf(key); at !== -1; at = window.indexOf(key, at + 1)) {
      const pos = Math.max(0, from) + at + (keyEnd ? key.length : 0);
      if (best === null || Math.abs(pos - target) < Math.abs(best - target)) best = pos;
    }
    return best;
  };
  const start = nearest(quote.slice(0, k), span.start - slack, span.start + k + slack, span.start, false) ?? span.start;
  const end = nearest(quote.slice(-k), span.end - k - slack, span.end + slack, span.end, true) ?? span.end;
  return end > start ? { start, end } : span;
}

/** Characters at each end of a long quote searched on their own by matchEnds (fewer for shorter quotes). */
export const END_CHARS = 32;
/** The passage found by its ends may have shrunk or grown by this factor at most. */
const MAX_LENGTH_CHANGE = 2;

/**
 * For a quote of at least two fuzzy-searchable ends: its head (with the stored prefix and the words after
 * it as context) and its tail (with the words before it and the stored suffix), found separately and in
 * order. This keeps a passage anchored when text was inserted into or removed from its middle, which an
 * approximate match of the whole quote allows only up to a quarter of its length.
 */
export function matchEnds(
  text: string,
  quote: string,
  ctx: QuoteContext,
  allowed: (span: TextSpan) => boolean = () => true,
): Candidate | null {
  const n = Math.min(END_CHARS, Math.floor(quote.length / 2));
  if (n < MIN_FUZZY_QUOTE_CHARS) return null;
  const find = (part: string, partCtx: QuoteContext): TextSpan | null => {
    const pick = (candidates: Candidate[]) => {
      const choice = choose(candidates.map((c) => judge(text, c, partCtx, part.length, true)), partCtx);
      return choice.kind === 'found' ? choice.span : null;
    };
    const exact = pick(exactCandidates(text, part, partCtx, allowed));
    if (exact !== null) return exact;
    const window = nearWindow(text, part, partCtx.hint);
    return (window && pick(fuzzyCandidates(text, part, window.from, window.to, allowed))) ?? pick(fuzzyCandidates(text, part, 0, text.length, allowed));
  };
  const head = find(quote.slice(0, n), { prefix: ctx.prefix, suffix: quote.slice(n, 2 * n), hint: ctx.hint });
  if (head === null) return null;
  const tail = find(quote.slice(-n), {
    prefix: quote.slice(-2 * n, -n),
    suffix: ctx.suffix,
    // Where the tail should be if the passage kept its length.
    hint: head.start + quote.length - n,
  });
  if (tail === null || tail.start < head.end) return null;
  const length = tail.end - head.start;
  if (length * MAX_LENGTH_CHANGE < quote.length || length > quote.length * MAX_LENGTH_CHANGE) return null;
  const span = { start: head.start, end: tail.end };
  return allowed(span) ? { ...span, quoteErrors: quoteErrors(text.slice(span.start, span.end), quote) } : null;
}

/** Characters of `quote` that differ in `found` (edit distance; a whole insertion counts in full). */
function quoteErrors(found: string, quote: string): number {
  if (found === quote) return 0;
  const [best] = search(found, quote, quote.length);
  // The best alignment may leave part of `found` unused: what it leaves out was inserted into the quote.
  return best === undefined ? quote.length : best.errors + (found.length - (best.end - best.start));
}

/** Each side of context must be at least this long to bracket a passage on its own. */
const MIN_BRACKET_CONTEXT_CHARS = 16;
/** Bracketing compares the text between the contexts with the quote: only for quotes this short. */
const MAX_BRACKETED_QUOTE_CHARS = 256;
/** Share of the quote that must still be found between its contexts. */
const MIN_BRACKETED_SIMILARITY = 0.5;
const MAX_BRACKET_CANDIDATES = 16;

/**
 * The passage between its two stored contexts, both found nearly intact at a plausible distance apart,
 * when what lies between still resembles the quote: for a short quote edited too much for an approximate
 * match (a word inserted into four). A deleted passage leaves its contexts adjacent, so never matches.
 */
export function matchBetweenContexts(
  text: string,
  quote: string,
  ctx: QuoteContext,
  allowed: (span: TextSpan) => boolean = () => true,
): Candidate | null {
  if (ctx.prefix.length < MIN_BRACKET_CONTEXT_CHARS || ctx.suffix.length < MIN_BRACKET_CONTEXT_CHARS) return null;
  if (quote.length > MAX_BRACKETED_QUOTE_CHARS) return null;
  const minLength = Math.ceil(quote.length / MAX_LENGTH_CHANGE);
  const maxLength = quote.length * MAX_LENGTH_CHANGE;
  const near = (from: number, to: number, pattern: string) =>
    search(text.slice(from, to), pattern, Math.floor(pattern.length * MAX_FUZZY_ERROR_RATE)).map((m) => ({
      start: from + m.start,
      end: from + m.end,
    }));
  let prefixEnds = near(0, text.length, ctx.prefix).map((m) => m.end);
  if (ctx.hint !== null) prefixEnds.sort((a, b) => Math.abs(a - ctx.hint!) - Math.abs(b - ctx.hint!));
  prefixEnds = prefixEnds.slice(0, MAX_BRACKET_CANDIDATES);
  for (const start of prefixEnds) {
    const window = near(start + minLength, Math.min(text.length, start + maxLength + ctx.suffix.length), ctx.suffix);
    for (const suffix of window) {
      const span = { start, end: suffix.start };
      if (span.end - span.start < minLength || span.end - span.start > maxLength || !allowed(span)) continue;
      const between = text.slice(span.start, span.end);
      // The quote's best alignment inside what lies between, words inserted around it not counted.
      const [best] = search(between, quote, quote.length);
      if (best !== undefined && 1 - best.errors / quote.length >= MIN_BRACKETED_SIMILARITY) {
        return { ...span, quoteErrors: quoteErrors(between, quote) };
      }
    }
  }
  return null;
}
