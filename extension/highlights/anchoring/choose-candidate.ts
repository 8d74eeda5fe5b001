// The one decision every step of the anchoring chain ends in: of the places where a quote (or something
// like it) occurs, which one is the passage, if any. A place must agree with the stored context on both
// sides (or strongly on one side, near the recorded position), and must be clearly better than every
// other place; two about equally good places leave the note unanchored rather than guessed.
import { prefixScore, suffixScore, type SideScore } from './context-score.ts';
import { editDistanceWithin, occurrences } from './lookalikes.ts';
import type { TextSpan } from './types.ts';

export interface QuoteContext {
  readonly prefix: string;
  readonly suffix: string;
  /** Where the quote started when it was described (same coordinates as the text), if known. */
  readonly hint: number | null;
  /** The look-alikes recorded with the note (lookalikes.ts); undefined when none were looked for. */
  readonly lookalikes?: Lookalikes;
}

/**
 * The look-alikes recorded with a note (lookalikes.ts): for each, what its prefix, quote and suffix read
 * where it stood when the note was made, all it read (`text`), and how many places read that then.
 * `[]`: the note had none.
 */
export type Lookalikes = readonly {
  readonly prefix: string;
  /** Null when the look-alike's quote reads as the note's: it differs in context only. */
  readonly exact: string | null;
  readonly suffix: string;
  readonly text: string;
  readonly copies: number;
}[];

/** A place the quote may be, and how many of the quote's characters differ there (0: exactly). */
export interface Candidate extends TextSpan {
  readonly quoteErrors: number;
}

/** A side of context agrees when at least this similar (a word or two edited in 32 characters). */
export const SIDE_AGREES = 0.75;
/** A side of context is intact, but for a character or so, when at least this similar. */
export const SIDE_STRONG = 0.9;
/** Context shorter than this (a passage at the edge of the page) must agree in full. */
const SHORT_SIDE_CHARS = 8;
/**
 * "Near the recorded position": within this share of the page's length, and never less than
 * NEAR_MIN_CHARS. Passages in the survival benches move by up to about 7% of the page as the text
 * above them is edited (measured: 14,600 characters on a 200,000-character page).
 */
const NEAR_SHARE = 0.25;
const NEAR_MIN_CHARS = 2048;
/** Two places whose differences from the stored quote and context are fewer than this apart are alike. */
export const ALIKE_MARGIN_CHARS = 2;
/**
 * A place farther from the expected position than a plausible rival must differ from the stored quote and
 * context by at least this many characters fewer (half a side of context). Measured on the near-duplicate
 * corpus: surviving passages attached wrong 0.65% -> 0.39% (8: 0.50%, 1000: 0.35% but fewer found right).
 */
const NEARER_RIVAL_MARGIN_CHARS = 16;
/**
 * A quote at least this long, with one side of its context edited away, needs the other side only to
 * agree (SIDE_AGREES), not to be intact: the quote is evidence enough that the side's edit is a word
 * changed beside the passage, not a look-alike's other slot word. Measured (npm run bench -- highlights):
 * found right on random-word pages 99.42% -> 99.47% (en), 99.63% (zh, unchanged), dense edits 94.16% ->
 * 94.56% / 95.25% -> 95.38%, 修订对照 en 91.57% -> 91.79% (wrong 1.93% -> 1.86%), no family worse and
 * no more deleted passages attached; 32 attached one more deleted passage, 128 found less.
 */
const LONG_QUOTE_CHARS = 64;
/**
 * A quote shorter than this, with one side of context edited away, needs the other all but intact
 * (SHORT_SIDE_STRONG): a few characters after a side three characters off are as often a look-alike's
 * (an article number after "原条文" where "修订后" was recorded). Measured on the near-duplicate corpus:
 * deleted passages attached elsewhere 6 -> 5, no family's found right changed; random-word pages
 * unchanged, dense random edits zh 95.57% -> 95.45% found right. Word for word (1) instead: the same 5,
 * but 修订对照 en 95.29% and dense edits 94.69% (en) / 95.25% (zh).
 */
const SHORT_QUOTE_CHARS = 16;
const SHORT_SIDE_STRONG = 0.93;
/** Of two alike places, the nearer wins only when at least this many times nearer. */
const NEARER_FACTOR = 4;

export interface Judged extends TextSpan {
  /** Characters differing from the stored quote and context together. */
  readonly errors: number;
  readonly before: SideScore;
  readonly after: SideScore;
  readonly distance: number;
  readonly acceptable: boolean;
  /** Its context agrees as an acceptable place's would, wherever it is: a rival to the best place. */
  readonly plausible: boolean;
  /** It reads closer to one of the note's look-alikes than to the note (isLookalike): never the passage. */
  readonly lookalike: boolean;
}

function sideAgrees(side: SideScore, threshold: number): boolean {
  if (side.length === 0) return true;
  return side.length < SHORT_SIDE_CHARS ? side.similarity === 1 : side.similarity >= threshold;
}

export function nearDistance(textLength: number): number {
  return Math.max(NEAR_MIN_CHARS, NEAR_SHARE * textLength);
}

/**
 * `anywhere`: nearness is not asked for (a part of a quote, whose own context is checked again once the
 * whole passage is put together).
 */
export function judge(text: string, c: Candidate, ctx: QuoteContext, quoteLength: number, anywhere = false): Judged {
  const before = prefixScore(ctx.prefix, text, c.start);
  const after = suffixScore(ctx.suffix, text, c.end);
  const distance = ctx.hint === null ? 0 : Math.abs(c.start - ctx.hint);
  const errors = c.quoteErrors + (1 - before.similarity) * before.length + (1 - after.similarity) * after.length;
  const both = sideAgrees(before, SIDE_AGREES) && sideAgrees(after, SIDE_AGREES);
  const noContext = before.length === 0 && after.length === 0;
  // One side edited: the other must be intact (or, for a long quote, agree), and the place near where the
  // passage was recorded.
  const strong = anywhere || quoteLength >= LONG_QUOTE_CHARS ? SIDE_AGREES : quoteLength < SHORT_QUOTE_CHARS ? SHORT_SIDE_STRONG : SIDE_STRONG;
  const oneSide = (before.length > 0 && sideAgrees(before, strong)) || (after.length > 0 && sideAgrees(after, strong));
  const near = anywhere || (ctx.hint !== null && distance <= nearDistance(text.length));
  const bothStrong = sideAgrees(before, SIDE_STRONG) && sideAgrees(after, SIDE_STRONG);
  // The exact quote with both sides intact but for a character or so: the passage wherever it moved.
  const intact = c.quoteErrors === 0 && bothStrong;
  // Without context (an imported selector) only the exact quote can be checked; a short quote found
  // approximately needs both sides of its context.
  const canTake = noContext ? c.quoteErrors === 0 : (both && (intact || near)) || (oneSide && near && (c.quoteErrors === 0 || quoteLength >= 16));
  const couldRival = noContext ? c.quoteErrors === 0 : both || oneSide;
  // A place whose text (quote and context) reads closer to one of the note's look-alikes than to what
  // was recorded is that look-alike (or a copy of it), not the passage: the page once held both, and they
  // differed. Unless every place that read the look-alike then still reads it elsewhere: then this is
  // the passage, a word of it changed in place to the look-alike's (were it the look-alike moved into the
  // passage's place, as when a 修订对照 page loses its original article, one copy would be missing).
  // Asked last, of places that would count otherwise: the comparison costs edit distances.
  const lookalike = (canTake || couldRival) && errors > 0 && ctx.lookalikes !== undefined && isLookalike(text, c, ctx, before, after, ctx.lookalikes);
  const acceptable = canTake && !lookalike;
  const plausible = couldRival && !lookalike;
  return { start: c.start, end: c.end, errors, before, after, distance, acceptable, plausible, lookalike };
}

/**
 * Does the place `c` read closer to one of the note's look-alikes than to the note, with fewer places
 * now reading that look-alike elsewhere than read it when the note was made? A look-alike whose quote
 * differs from the note's is told apart by the quote alone (the highlighted words; their context may have
 * been edited whichever they are), one differing in context only by both sides of context together.
 * `before`/`after`: how the place's context agrees with the note's.
 */
export function isLookalike(text: string, c: Candidate, ctx: QuoteContext, before: SideScore, after: SideScore, lookalikes: Lookalikes): boolean {
  const toNote = (1 - before.similarity) * before.length + (1 - after.similarity) * after.length;
  for (const alike of lookalikes) {
    if (alike.exact !== null) {
      if (c.quoteErrors === 0 || editDistanceWithin(text.slice(c.start, c.end), alike.exact, c.quoteErrors - 1) >= c.quoteErrors) continue;
    } else {
      const b = prefixScore(alike.prefix, text, c.start);
      const a = suffixScore(alike.suffix, text, c.end);
      if ((1 - b.similarity) * b.length + (1 - a.similarity) * a.length >= toNote) continue;
    }
    const from = Math.max(0, c.start - ctx.prefix.length);
    const to = c.end + ctx.suffix.length;
    let elsewhere = 0;
    for (const at of occurrences(text, alike.text)) if (at >= to || at + alike.text.length <= from) elsewhere++;
    if (elsewhere < alike.copies) return true;
  }
  return false;
}

export type Choice =
  | { readonly kind: 'found'; readonly span: TextSpan; readonly judged: Judged }
  | { readonly kind: 'ambiguous' }
  | { readonly kind: 'none' };

const overlaps = (a: TextSpan, b: TextSpan) => a.start < b.end && b.start < a.end;

/**
 * Of the acceptable places, those about as good as the best (fewer than ALIKE_MARGIN_CHARS more
 * differences) are alike: the nearest of them to the recorded position wins when it is many times nearer
 * than every other alike place, acceptable or merely plausible (it would be, were it nearer); otherwise
 * the note is ambiguous and stays unanchored.
 */
export function choose(judged: readonly Judged[], ctx: QuoteContext): Choice {
  let fewest = Infinity;
  for (const j of judged) if (j.acceptable && j.errors < fewest) fewest = j.errors;
  if (fewest === Infinity) return { kind: 'none' };
  const alike = judged.filter((j) => j.plausible && j.errors < fewest + ALIKE_MARGIN_CHARS);
  let best: Judged | null = null;
  for (const j of alike) {
    if (j.acceptable && (best === null || j.distance < best.distance || (j.distance === best.distance && j.errors < best.errors))) best = j;
  }
  for (const j of alike) {
    if (j === best || overlaps(j, best!)) continue;
    const clearlyNearer = ctx.hint !== null && best!.distance * NEARER_FACTOR <= j.distance;
    if (!clearlyNearer) return { kind: 'ambiguous' };
  }
  // Nor is a place taken over a nearer plausible one unless it is far better (a look-alike whose context
  // happens to read better than the passage's edited context).
  for (const j of judged) {
    if (j === best || !j.plausible || overlaps(j, best!)) continue;
    if (j.distance < best!.distance && j.errors < best!.errors + NEARER_RIVAL_MARGIN_CHARS) return { kind: 'ambiguous' };
  }
  return { kind: 'found', span: { start: best!.start, end: best!.end }, judged: best! };
}
