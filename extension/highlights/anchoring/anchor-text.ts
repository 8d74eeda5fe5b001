// anchor, on text: stored selectors become a span of the page's text, by an ordered chain of steps
//
//   1. position   the recorded offsets, if the text there is still the quote and its context agrees
//   2. quote      the copy of the recorded rank, while as many copies read; else every exact occurrence
//   3. normalised the same with white space collapsed (quotes recorded by other tools, re-flowed text)
//   4. fuzzy      approximate occurrences of a quote of 16+ characters (25% may differ), near the
//                 recorded position first, then anywhere
//   5. ends       a long quote's first and last 32 characters found apart (text inserted or removed inside;
//                 between landmarks, not when on the whole page they read best at a look-alike outside)
//   6. context    the text between the two stored contexts, if still like the quote (short quotes too)
//
// The rule every step ends in (choose-candidate.ts): a place other than the exact text at the recorded
// offsets must agree with the stored prefix AND suffix (each at least 75% alike), or, where one side was
// edited, with the other side at least 90% alike (93% for a quote under 16 characters, 75% for one of
// 64+ characters; or, for a quote of 128+ characters found once on the page, with neither, and for one
// of 32+ found once, with only the 8 characters touching it on each side as recorded); and unless it is the exact quote with both sides
// intact (90%), it must lie near the expected position (a quarter of the page, at least 2,048
// characters). A short quote (under 16 characters) found approximately needs both sides. Places found by
// earlier steps stay in the running; when two places are about equally good (fewer than 2 characters of
// quote and context apart) the nearer must be 4 times nearer, and a place is never taken over a nearer
// plausible one unless it differs by 16 characters fewer, or the note stays unanchored: not found, never
// guessed. When the stored prefix and suffix stand next to each other near the expected position, and
// nearer to it than the place found, the passage was cut out, and only an exact copy of quote and context
// may stand in for it (the same two template sentences side by side in another article are no evidence).
// An exact quote found with one side of its context edited is compared with the edited places near it
// (the passage edited in place while a look-alike still reads its old words). A quote selector without
// prefix or suffix (allowed by the W3C model) is anchored by its exact quote and its position.
//
// Notes of one page anchored together place one another (anchorNotes). Before: a note whose quote and
// both contexts read word for word at one place only is a landmark (findLandmarks; one made on one of
// several word-for-word copies is one only while as many read, as the copy of its rank), and every other note
// is looked for only between the landmarks either side of where it was (edits keep text in order) and
// expected where they say it moved; one not found there that reads, looked for alone, as its exact quote
// between both contexts intact is taken there (a landmark may be a look-alike of its note now reading
// word for word, its own passage deleted). After: notes found out of the order they were described in cannot
// all be right; the run in order that weighs most (certainty: 4 exact between intact contexts, 2 both
// sides agree, 1 otherwise; times the quote's length up to 64 characters) is kept and every note crossing
// it is left unanchored (outOfOrder). A note anchored alone falls back to its recorded offsets.
//
// What the page read when the note was made (describe-text.ts, lookalikes.ts) settles what the page after
// an edit cannot: a note records its closest look-alikes (up to 6 near-copies of its quote with context,
// within a quarter of their characters, then places whose quote is within a quarter and one side of
// context agrees, 75%, however the other side differs; as edits of prefix + exact + suffix, and how many
// places read each). A place reading closer to one of them than to the note (by the quote when the look-alike's quote
// differs, by both sides of context when only they differ) is that look-alike: neither taken nor a rival,
// unless as many places as then still read the look-alike elsewhere (the passage edited in place to read
// like it). A note whose quote and context read word for word at several places records how many and
// which of them it is; while as many read, the copy of its rank is the passage (edits keep the order),
// and while as many read its exact quote with one side of context word for word (one copy edited beside
// it), the place of its rank among those is. The look-alike refusal holds for every step, the shortcut
// for a long quote found once included.
// Notes without these fields (made before, imported) are anchored by the rules above alone.
//
// Measured (npm run bench -- highlights, 10 pages a row): random-word pages 99.47% (en) / 99.68% (zh) of
// surviving passages found right, none wrong (unchanged by look-alikes; 99.42%/99.63% before the 75% side
// for 64+ character quotes and the 8 characters beside a 32+ character one); near-duplicate corpus: 4 of
// 387 deleted passages attached elsewhere (+6 onto copies reading word for word as recorded; 5 before a
// long quote's ends had to read no better at a look-alike outside the landmarks around it, 6 before a
// short quote's one side had to be 93% alike, 13 before look-alikes reading one side of context agreeing
// were recorded too, 32 before look-alikes were
// recorded at all, 39 before the order check and the narrower cut-out evidence, 76 without landmarks,
// 192 before the rule). Found right at least 97.10% on every family but 修订对照 (revised), 99.25% (zh) /
// 96.00% (en) there (95.36% before a note made on one of several copies was kept from being a landmark
// once fewer read; 93.86% before copies were ranked among those edited on one side, the look-alike
// refusal held for the long-quote shortcut and notes shut out by a landmark found alone; 91.79% before
// look-alikes and copy ranks), and none wrong but on 修订对照: 0.07% (zh), 0.21% (en; 0.29% before those copies, 0.71% before, 1.86%
// before look-alikes). Of the 4, 2 are on template pages en (a look-alike made by the revision itself,
// and a seventh look-alike where 6 are recorded), 1 on 修订对照 zh (made by the revision: the twin's
// slot word swapped to the note's and its article's end deleted), 1 on 修订对照 en (found by the context
// step on the other version of the article: its revised twin deleted, the original's first sentence now
// stands between the note's prefix, which both versions share, and the next article's heading, the
// note's suffix; nothing recorded tells the two apart). Many of 修订对照 en's not found (3.79%), looked
// at one by one, are a passage whose twin article was deleted: it now reads as the twin was recorded (its
// look-alike), beside the words the twin stood beside, and the twin's own note reads it word for word; a
// text-only tool cannot tell which of the two survived. Measured and not kept: against the 修订对照 en ones,
// both sides agreeing for the ends step (templates en 96.67% found right), no context step for quotes
// of 64+ characters (96.11%) or 56%/60% of the quote between the contexts instead of 50% (96.82%);
// searching approximately only between the landmarks (修订对照 en 95.79%, but 3 more deleted passages
// attached: a copy outside no longer hides a worse place inside); dropping landmarks that two notes
// share (templates en 96.89%); refusing every
// word-for-word copy once fewer read than when the note was made (7 -> 2 onto copies, 修订对照 en wrong
// 0.29%, but found right 1.7% lower there and on template pages, 96.18%); looser one-side agreement for
// notes that recorded no look-alike (no gain, one more deleted passage attached); comparing whole
// recorded texts instead of the quote first (23 attached: a twin's context differs from the note's where
// its quote does not); recording look-alikes whose quote with context differs by up to 40% (50%) instead
// of 25%, with 3 recorded: 9 attached instead of 14, but template pages en found right 96.82% (below
// 97%), 修订对照 en 93.93% (counting a look-alike's places by its quote alone: 10 attached, 96.89%);
// dropping as a landmark a note found away from its offsets while one of its look-alikes reads at fewer
// places (修订对照 en found right 93.36%: landmarks place more than they mislead); for a note not found
// between its landmarks, looking between the next ones out (no gain at the intact bar; at both sides
// agreeing, +0.21% on 修订对照 en and one more deleted passage attached). Earlier:
// looser sides (60%) found more on dense random edits but attached more deleted passages; a wider alike
// margin (4 or 8 characters) changed nothing measurable here. A tighter nearness for places not intact
// (256 characters instead of a quarter of the page) attached 27 deleted passages instead of 32 but found
// less: random-word pages 99.15% / 99.31%, templates en 96.53% (1,024 characters: no change at all).
// The page text is read once and shared by all notes.
import type { Selector } from '../../../shared/schemas/notes.ts';
import { choose, judge, nearDistance, SIDE_AGREES, SIDE_STRONG, type Candidate, type Judged, type Lookalikes, type QuoteContext } from './choose-candidate.ts';
import { prefixScore, suffixScore } from './context-score.ts';
import { occurrences, splitLookalike } from './lookalikes.ts';
import { exactCandidates, fuzzyCandidates, matchBetweenContexts, matchEnds, MIN_FUZZY_QUOTE_CHARS, NEAR_HINT_CHARS, nearWindow, refined } from './match-quote.ts';
import { UNANCHORED, type AnchorMethod, type AnchorResult, type TextSpan } from './types.ts';
import { collapseString, collapseWhitespace, toCollapsed, type CollapsedText } from './whitespace.ts';

/** A landmark's stored contexts must each be at least this long (a note at the page's edge is none). */
const MIN_LANDMARK_CONTEXT_CHARS = 16;
/**
 * A quote at least this long, found once on the page, needs no context near where it is expected.
 * Measured on the near-duplicate corpus: 128 finds 0.15% more surviving passages and attaches no more
 * deleted ones; 64 found 0.24% more but attached 5 more deleted passages (their twin on a 修订对照 page).
 */
const UNIQUE_QUOTE_CHARS = 128;
/**
 * A quote at least this long, found once on the page near where it is expected, is the passage when the
 * BESIDE_CHARS characters touching it on both sides read as recorded, however the rest of both contexts
 * was edited. Measured (npm run bench -- highlights): random-word pages 99.63% -> 99.68% found right
 * (zh), dense edits 94.56% -> 94.76% (en) / 95.38% -> 95.57% (zh), no family of the near-duplicate corpus
 * changed and no deleted passage attached; 48 characters found less (dense 94.69% / 95.51%).
 */
const BESIDE_QUOTE_CHARS = 32;
const BESIDE_CHARS = 8;
/** Each stored context must be at least this long to count as evidence that the passage was cut out. */
const MIN_CUT_CONTEXT_CHARS = 8;

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

/** A W3C TextQuoteSelector as other tools may write it: prefix and suffix are optional. */
export type AnchorableSelector =
  | Selector
  | { readonly type: 'TextQuoteSelector'; readonly exact: string; readonly prefix?: string; readonly suffix?: string };

function readSelectors(selectors: readonly AnchorableSelector[]) {
  const found = selectors.find((s) => s.type === 'TextQuoteSelector');
  const quote =
    found?.type === 'TextQuoteSelector'
      ? { exact: found.exact, prefix: found.prefix ?? '', suffix: found.suffix ?? '', selector: found, copies: 'copies' in found ? found.copies : undefined }
      : undefined;
  const p = selectors.find((s) => s.type === 'TextPositionSelector');
  const position = p?.type === 'TextPositionSelector' ? { start: p.start, end: p.end } : undefined;
  return { quote, position };
}

/** The look-alikes recorded with a quote, as the texts they read; undefined for a quote recorded without. */
function readLookalikes(found: AnchorableSelector & { type: 'TextQuoteSelector' }): Lookalikes | undefined {
  if (!('lookalikes' in found) || found.lookalikes === undefined) return undefined;
  return found.lookalikes.map((l) => {
    const [prefix, exact, suffix] = splitLookalike([found.prefix, found.exact, found.suffix], l.edits);
    return { prefix, exact: exact === found.exact ? null : exact, suffix, text: prefix + exact + suffix, copies: l.copies };
  });
}

/**
 * A note found beyond doubt (its exact quote between both stored contexts, read as recorded, and nowhere
 * else alike): where its passage was when described (`was`) and where it is now (`now`).
 */
export interface Landmark {
  readonly was: TextSpan;
  readonly now: TextSpan;
}

/**
 * The landmarks among the notes of one page: every note whose recorded text (prefix, quote and suffix,
 * each side at least MIN_LANDMARK_CONTEXT_CHARS long) reads word for word at one place only, or, for a
 * note made on one of several word-for-word copies, at as many places as then (the copy of its rank). Edits keep
 * the order of the text, so landmarks that cross one another (one of them is a copy) are dropped: only
 * the longest run in order is kept. Sorted by where they were. At most two searches of the text per
 * note: cheap enough to run before every anchoring pass.
 */
export function findLandmarks(index: TextIndex, notes: readonly (readonly AnchorableSelector[])[]): Landmark[] {
  const { text } = index;
  const found: Landmark[] = [];
  for (const selectors of notes) {
    const { quote, position } = readSelectors(selectors);
    if (quote === undefined || position === undefined || quote.exact.length === 0) continue;
    if (quote.prefix.length < MIN_LANDMARK_CONTEXT_CHARS || quote.suffix.length < MIN_LANDMARK_CONTEXT_CHARS) continue;
    const recorded = quote.prefix + quote.exact + quote.suffix;
    // At its recorded offsets it is trusted as the position step trusts it, without searching the page.
    const recordedAt = position.start - quote.prefix.length;
    const inPlace = recordedAt >= 0 && text.startsWith(recorded, recordedAt);
    let at: number;
    if (inPlace) at = recordedAt;
    else if (quote.copies !== undefined) {
      // One of several copies when it was made: unique now, it may be another copy, its own edited or
      // deleted (a 修订对照 sentence printed alike in both versions). Only while as many copies read is
      // it one, the copy of its rank, as the quote step takes it. Measured on the near-duplicate corpus:
      // 修订对照 en found right 95.36% -> 96.00%, wrong 0.29% -> 0.21% (of its 12 passages shut out of
      // their window by a wrong landmark, 1 still is); no other family and no deleted passage changed.
      const copies = occurrences(text, recorded);
      if (copies.length !== quote.copies.count) continue;
      at = copies[quote.copies.rank]!;
    } else {
      at = text.indexOf(recorded);
      if (at === -1 || text.indexOf(recorded, at + 1) !== -1) continue;
    }
    const now = { start: at + quote.prefix.length, end: at + quote.prefix.length + quote.exact.length };
    if (index.allowed(now)) found.push({ was: position, now });
  }
  found.sort((a, b) => a.was.start - b.was.start);
  return longestInOrder(found);
}

/** The longest subsequence of landmarks (sorted by `was`) whose `now` spans are in order too. */
function longestInOrder(sorted: readonly Landmark[]): Landmark[] {
  // Patience sorting: tails[k] ends the best run of length k + 1 found so far.
  const tails: number[] = [];
  const previous = new Int32Array(sorted.length).fill(-1);
  const after = (i: number, j: number) => sorted[j]!.now.start >= sorted[i]!.now.end && sorted[j]!.was.start >= sorted[i]!.was.end;
  for (let j = 0; j < sorted.length; j++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (after(tails[mid]!, j)) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[j] = tails[lo - 1]!;
    tails[lo] = j;
  }
  const run: Landmark[] = [];
  for (let k = tails.length === 0 ? -1 : tails[tails.length - 1]!; k !== -1; k = previous[k]!) run.push(sorted[k]!);
  return run.reverse();
}

/**
 * What the landmarks say of a passage that was at `was`: it now lies after the landmark before it and
 * before the landmark after it (edits keep the order of the text), and it moved as the nearer of them did.
 */
export function placeAmongLandmarks(landmarks: readonly Landmark[], was: TextSpan, textLength: number): { from: number; to: number; expected: number | null } {
  // First landmark that was not wholly before the passage.
  let lo = 0;
  let hi = landmarks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (landmarks[mid]!.was.end <= was.start) lo = mid + 1;
    else hi = mid;
  }
  const before = lo > 0 ? landmarks[lo - 1]! : null;
  let k = lo;
  while (k < landmarks.length && landmarks[k]!.was.start < was.end) k++;
  const next = k < landmarks.length ? landmarks[k]! : null;
  const fromBefore = before === null ? null : before.now.end + (was.start - before.was.end);
  const fromAfter = next === null ? null : next.now.start - (next.was.start - was.start);
  const expected =
    fromBefore === null ? fromAfter
    : fromAfter === null ? fromBefore
    : was.start - before!.was.end <= next!.was.start - was.end ? fromBefore
    : fromAfter;
  return {
    from: before === null ? 0 : before.now.end,
    to: next === null ? textLength : next.now.start,
    expected: expected === null ? null : Math.max(0, Math.min(textLength, expected)),
  };
}

/**
 * `landmarks`: those of the page's notes (findLandmarks), when the notes are anchored together. The
 * passage is then looked for only between the landmarks either side of where it was, and expected where
 * they say it moved; without landmarks, at its recorded position.
 */
export function anchorSelectors(index: TextIndex, selectors: readonly AnchorableSelector[], landmarks: readonly Landmark[] = []): AnchorResult {
  const { text } = index;
  const { quote, position } = readSelectors(selectors);
  const place = position === undefined || landmarks.length === 0 ? null : placeAmongLandmarks(landmarks, position, text.length);
  const positionSpan = position !== undefined && position.end <= text.length ? position : null;
  const between = place === null ? index.allowed : (span: TextSpan) => span.start >= place.from && span.end <= place.to && index.allowed(span);
  const within: TextIndex = { ...index, allowed: between };

  if (quote === undefined) {
    // Nothing to check the offsets against: they are all there is.
    return positionSpan !== null && within.allowed(positionSpan) ? { status: 'anchored', span: positionSpan, method: 'position' } : UNANCHORED;
  }
  const hint = place?.expected ?? (position === undefined ? null : Math.min(position.start, text.length));
  // Read on first need only (never for landmarks and order): most notes are found before they matter.
  let read: { value: Lookalikes | undefined } | null = null;
  const lookalikesOf = () => (read ??= { value: readLookalikes(quote.selector) }).value;
  const ctx: QuoteContext = {
    prefix: quote.prefix,
    suffix: quote.suffix,
    hint,
    get lookalikes() {
      return lookalikesOf();
    },
  };

  if (positionSpan !== null && within.allowed(positionSpan) && text.slice(positionSpan.start, positionSpan.end) === quote.exact) {
    if (judge(text, { ...positionSpan, quoteErrors: 0 }, ctx, quote.exact.length).acceptable) {
      return { status: 'anchored', span: positionSpan, method: 'position' };
    }
  }

  // The collapsed view is built on first need only: most notes are found before it is.
  const collapsedContext = (view: CollapsedText): QuoteContext => ({
    prefix: collapseString(quote.prefix),
    suffix: collapseString(quote.suffix),
    hint: ctx.hint === null ? null : toCollapsed(view, ctx.hint),
    lookalikes: lookalikesOf()?.map((l) => ({
      prefix: collapseString(l.prefix),
      exact: l.exact === null ? null : collapseString(l.exact),
      suffix: collapseString(l.suffix),
      text: collapseString(l.text),
      copies: l.copies,
    })),
  });
  // Several places read quote and context word for word as when the note was made: as many now, and
  // edits keep the order of the text, so the note's is the one of the same rank. (Fewer now, and one of
  // them went: refusing the others then was measured to attach 5 fewer deleted passages to a copy but to
  // find 1.7% fewer surviving ones on 修订对照 and template pages, below 97% on the latter.)
  const copies = quote.copies === undefined ? null : occurrences(text, quote.prefix + quote.exact + quote.suffix);
  if (copies !== null && copies.length === quote.copies!.count) {
    const at = copies[quote.copies!.rank]! + quote.prefix.length;
    const span = { start: at, end: at + quote.exact.length };
    if (within.allowed(span)) return { status: 'anchored', span, method: 'quote' };
  }
  // Fewer read word for word now: one of them was edited beside its quote, or went. When the places
  // reading the exact quote with one side of context word for word are as many as the copies were, one
  // of them edited on its other side, they are those copies in order, and the note's is the one of its
  // rank (were the edited one taken for a look-alike, the untouched copy would win for reading better).
  if (copies !== null && copies.length > 0 && copies.length < quote.copies!.count) {
    const { prefix, exact: q, suffix } = quote;
    const sided = occurrences(text, q).filter((at) => (at >= prefix.length && text.startsWith(prefix, at - prefix.length)) || text.startsWith(suffix, at + q.length));
    if (sided.length === quote.copies!.count) {
      const span = { start: sided[quote.copies!.rank]!, end: sided[quote.copies!.rank]! + q.length };
      if (within.allowed(span)) return { status: 'anchored', span, method: 'quote' };
    }
  }
  const exactPlaces = exactCandidates(text, quote.exact, ctx, within.allowed);
  const exactJudged = exactPlaces.map((c) => judge(text, c, ctx, quote.exact.length));
  const exact = choose(exactJudged, ctx);
  if (exact.kind === 'ambiguous') return UNANCHORED;
  if (exact.kind === 'found') {
    // The collapsed view only when the context differs: an exact quote between intact contexts is found.
    if (exact.judged.errors === 0) return { status: 'anchored', span: exact.span, method: 'quote' };
    const view = within.collapsed();
    const vctx = collapsedContext(view);
    if (cutOut(view.text, vctx, toCollapsed(view, exact.span.start))) return UNANCHORED;
    const found: AnchorResult = { status: 'anchored', span: exact.span, method: 'quote' };
    const oneSided = exact.judged.before.similarity < SIDE_AGREES || exact.judged.after.similarity < SIDE_AGREES;
    if (!oneSided) return found;
    // Found with one side of its context edited: the passage itself may have been edited in place, between
    // both its contexts, while a look-alike elsewhere reads the old words (a 修订对照 page: the revised
    // article's twin of an edited original). Near where it is expected, the place that differs least from
    // quote and context together wins, or none if two are alike. Measured on the near-duplicate corpus:
    // surviving passages attached wrong on 修订对照 pages 2.21% -> 1.93% (en), 0.61% -> 0.54% (zh).
    const q = collapseString(quote.exact);
    const window = q.length < MIN_FUZZY_QUOTE_CHARS ? null : nearWindow(view.text, q, vctx.hint) ?? { from: 0, to: view.text.length };
    if (window === null) return found;
    const allowed = (span: TextSpan) => within.allowed(toSourceSpan(view, span));
    // The approximate search reports only the fewest differences it finds: the exact copies are masked
    // out of the window so that an edited place beside them is seen at all.
    const copies = exactCandidates(view.text, q, vctx, allowed);
    let masked = view.text.slice(window.from, window.to);
    for (const c of copies) {
      if (c.end <= window.from || c.start >= window.to) continue;
      const a = Math.max(0, c.start - window.from);
      const b = Math.min(masked.length, c.end - window.from);
      masked = masked.slice(0, a) + '\u0000'.repeat(b - a) + masked.slice(b);
    }
    const edited = fuzzyCandidates(masked, q, 0, masked.length)
      .map((c) => ({ ...c, start: c.start + window.from, end: c.end + window.from }))
      .filter((c) => allowed(c));
    const pool = [...copies, ...edited].map((c) => judge(view.text, c, vctx, q.length));
    const choice = choose(pool, vctx);
    if (choice.kind === 'ambiguous') return UNANCHORED;
    if (choice.kind === 'none' || toSourceSpan(view, choice.span).start === exact.span.start) return found;
    return { status: 'anchored', span: toSourceSpan(view, refined(view.text, q, choice.span, allowed)), method: 'fuzzy' };
  }
  // A long quote that occurs once on the page is the passage even when both its neighbours changed, if
  // it is where the passage is expected (the notes beside it edited or deleted, itself untouched); a
  // shorter one (32+ characters) if the words touching it on both sides are still those recorded (text
  // edited a little farther away on both sides).
  // Only an occurrence the exact step saw (an allowed one) can qualify: with none, the two searches of
  // the whole page are skipped (a mistyped quote, the usual way here).
  if (quote.exact.length >= BESIDE_QUOTE_CHARS && ctx.hint !== null && exactPlaces.length > 0) {
    const at = text.indexOf(quote.exact);
    if (at !== -1 && text.indexOf(quote.exact, at + 1) === -1) {
      const span = { start: at, end: at + quote.exact.length };
      const beside =
        quote.prefix.length >= BESIDE_CHARS &&
        quote.suffix.length >= BESIDE_CHARS &&
        at >= BESIDE_CHARS &&
        text.startsWith(quote.prefix.slice(-BESIDE_CHARS), at - BESIDE_CHARS) &&
        text.startsWith(quote.suffix.slice(0, BESIDE_CHARS), span.end);
      // Never a place the exact step refused as one of the note's look-alikes (the passage's quote
      // edited away while a look-alike elsewhere still reads it: a 修订对照 page's other article).
      const refused = exactJudged.some((j) => j.start === at && j.lookalike);
      if ((quote.exact.length >= UNIQUE_QUOTE_CHARS || beside) && !refused && within.allowed(span) && Math.abs(at - ctx.hint) <= nearDistance(text.length)) {
        return { status: 'anchored', span, method: 'quote' };
      }
    }
  }
  const view = within.collapsed();
  const q = collapseString(quote.exact);
  const vctx = collapsedContext(view);

  // Every other step works on the text with white space collapsed, and every candidate any step found
  // stays in the running: a later step's place must be clearly better than all of them.
  const allowed = (span: TextSpan) => within.allowed(toSourceSpan(view, span));
  const pool: Judged[] = [];
  const step = (candidates: readonly Candidate[], method: AnchorMethod): AnchorResult | null => {
    for (const c of candidates) pool.push(judge(view.text, c, vctx, q.length));
    const choice = choose(pool, vctx);
    if (choice.kind === 'none') return null;
    if (choice.kind === 'ambiguous' || (choice.judged.errors > 0 && cutOut(view.text, vctx, choice.span.start))) return UNANCHORED;
    const span = choice.judged.errors === 0 || method === 'context' || method === 'ends' ? choice.span : refined(view.text, q, choice.span, allowed);
    return { status: 'anchored', span: toSourceSpan(view, span), method };
  };
  const viaNormalised = view.text !== text || q !== quote.exact ? step(exactCandidates(view.text, q, vctx, allowed), 'normalised-quote') : null;
  if (viaNormalised !== null) return viaNormalised;
  if (q.length >= MIN_FUZZY_QUOTE_CHARS) {
    const window = nearWindow(view.text, q, vctx.hint);
    const near = window === null ? null : step(fuzzyCandidates(view.text, q, window.from, window.to, allowed), 'fuzzy');
    if (near !== null) return near;
    const anywhere = step(fuzzyCandidates(view.text, q, 0, view.text.length, allowed), 'fuzzy');
    if (anywhere !== null) return anywhere;
  }
  let ends = matchEnds(view.text, q, vctx, allowed);
  if (ends !== null && place !== null) {
    // Between landmarks, each end is the best reading of its part there; on the whole page a better one
    // may stand outside them. When the ends read best at one of the note's look-alikes outside, what the
    // window holds is another version of the passage (a 修订对照 page's original article, its revised
    // twin deleted, now reading the twin's suffix), not the passage with words inserted into it. Alone
    // the note's ends find that look-alike and it is refused; the window must not hide it. Measured on
    // the near-duplicate corpus: deleted passages attached elsewhere 5 -> 4, no family's found right changed.
    const onPage = matchEnds(view.text, q, vctx, (span) => index.allowed(toSourceSpan(view, span)));
    if (onPage !== null && !allowed(onPage) && judge(view.text, onPage, vctx, q.length).lookalike) ends = null;
  }
  const viaEnds = ends === null ? null : step([ends], 'ends');
  if (viaEnds !== null) return viaEnds;
  const bracketed = matchBetweenContexts(view.text, q, vctx, allowed);
  return (bracketed === null ? null : step([bracketed], 'context')) ?? UNANCHORED;
}

/**
 * How sure a note's place is, to settle which of two notes found out of order is wrong: 4 for its exact
 * quote between both contexts intact (90%), 2 for both contexts agreeing (75%), 1 otherwise (one side
 * edited, or found by position or without context).
 */
/** certainty() of an exact quote between both contexts intact. */
const SURE = 4;

export function certainty(text: string, selectors: readonly AnchorableSelector[], span: TextSpan): number {
  const { quote } = readSelectors(selectors);
  if (quote === undefined) return 1;
  const exact = text.slice(span.start, span.end) === quote.exact;
  // Read word for word as recorded (most notes on a page that has not changed): no need to score.
  if (exact && text.startsWith(quote.suffix, span.end) && span.start >= quote.prefix.length && text.startsWith(quote.prefix, span.start - quote.prefix.length)) {
    return SURE;
  }
  const before = prefixScore(quote.prefix, text, span.start).similarity;
  const after = suffixScore(quote.suffix, text, span.end).similarity;
  if (exact && before >= SIDE_STRONG && after >= SIDE_STRONG) return SURE;
  return before >= SIDE_AGREES && after >= SIDE_AGREES ? 2 : 1;
}

/**
 * A note as found: where its passage was when described, where it was found now, and how much its place
 * weighs when notes found out of order are settled (misplaced: certainty times the quote's length, up to
 * WEIGHED_QUOTE_CHARS).
 */
export interface Placed {
  readonly was: TextSpan;
  readonly now: TextSpan;
  readonly weight: number;
}

/**
 * A quote weighs by its length up to this many characters: a short phrase found exactly between intact
 * contexts is common on template pages and must not outweigh several longer notes that read in order.
 * Measured on the near-duplicate corpus (found right on template pages, deleted passages attached
 * elsewhere): certainty alone 96.89%, 34; times up to 32 characters 96.89%, 32; up to 64 97.17%, 32;
 * unbounded 97.10%, 32 (and 0.15% more surviving passages wrong on 修订对照 pages).
 */
const WEIGHED_QUOTE_CHARS = 64;

/** `a` wholly before `b` when described, yet found not before it: one of them is in the wrong place. */
function crossed(a: Placed, b: Placed): boolean {
  if (a.was.end <= a.was.start || b.was.end <= b.was.start) return false;
  if (a.was.end <= b.was.start) return !(a.now.start < b.now.start && a.now.end <= b.now.end);
  if (b.was.end <= a.was.start) return !(b.now.start < a.now.start && b.now.end <= a.now.end);
  return false;
}

/**
 * Edits keep the order of the text, so notes found out of the order they were described in cannot all
 * be right. Of the notes found (null: not found), the run in order that weighs most in total is kept,
 * and every other note that crosses one of that run is dropped: the indices of the notes to leave
 * unanchored. Measured on the near-duplicate corpus: deleted passages attached elsewhere 43 -> 32 (a
 * deleted 修订对照 article's clip found on its twin, where another note already stands). Quadratic in
 * the notes found: a page's few hundred notes at most.
 */
export function outOfOrder(found: readonly (Placed | null)[]): Set<number> {
  const items = found
    .map((placed, i) => ({ placed, i }))
    .filter((x): x is { placed: Placed; i: number } => x.placed !== null)
    .sort((a, b) => a.placed.was.start - b.placed.was.start || a.placed.was.end - b.placed.was.end);
  const after = (a: Placed, b: Placed) => b.was.start >= a.was.end && b.now.start >= a.now.end;
  const best = items.map((x) => x.placed.weight);
  const previous = items.map(() => -1);
  for (let j = 0; j < items.length; j++) {
    for (let i = 0; i < j; i++) {
      if (after(items[i]!.placed, items[j]!.placed) && best[i]! + items[j]!.placed.weight > best[j]!) {
        best[j] = best[i]! + items[j]!.placed.weight;
        previous[j] = i;
      }
    }
  }
  let last = -1;
  for (let j = 0; j < items.length; j++) if (last === -1 || best[j]! > best[last]!) last = j;
  const run = new Set<Placed>();
  for (let k = last; k !== -1; k = previous[k]!) run.add(items[k]!.placed);
  const dropped = new Set<number>();
  for (const { placed, i } of items) {
    if (run.has(placed)) continue;
    for (const kept of run) {
      if (crossed(kept, placed)) {
        dropped.add(i);
        break;
      }
    }
  }
  return dropped;
}

/**
 * Every note of a page anchored in one pass: the landmarks place the others, then notes found out of
 * order with surer ones are left unanchored (outOfOrder). What the highlighter does, in one call.
 */
export function anchorNotes(index: TextIndex, notes: readonly (readonly AnchorableSelector[])[]): AnchorResult[] {
  const landmarks = findLandmarks(index, notes);
  const results = notes.map((selectors) => {
    const result = anchorSelectors(index, selectors, landmarks);
    if (result.status === 'anchored' || landmarks.length === 0) return result;
    // Not found between its landmarks: one of them may be a look-alike of its note now reading word for
    // word (that note's passage deleted). Found alone as its exact quote between both contexts intact,
    // the note is as sure as a landmark, and the order check settles which of the two is wrong.
    const alone = anchorSelectors(index, selectors);
    return alone.status === 'anchored' && certainty(index.text, selectors, alone.span) === SURE ? alone : result;
  });
  return settleOrder(index.text, notes, results);
}

/** The results with the notes found out of order (outOfOrder) made unanchored. */
export function settleOrder(text: string, notes: readonly (readonly AnchorableSelector[])[], results: readonly AnchorResult[]): AnchorResult[] {
  const dropped = misplaced(text, notes, results.map((r) => (r.status === 'anchored' ? r.span : null)));
  return results.map((result, i) => (dropped.has(i) ? UNANCHORED : result));
}

/** Of the notes found at `spans` (null: not found), those found out of order with surer ones (outOfOrder). */
export function misplaced(text: string, notes: readonly (readonly AnchorableSelector[])[], spans: readonly (TextSpan | null)[]): Set<number> {
  return outOfOrder(
    spans.map((span, i): Placed | null => {
      const { position } = readSelectors(notes[i]!);
      return span === null || position === undefined ? null : { was: position, now: span, weight: certainty(text, notes[i]!, span) * Math.min(span.end - span.start, WEIGHED_QUOTE_CHARS) };
    }),
  );
}

/**
 * Evidence that the passage was deleted: its stored contexts now stand next to each other where it was,
 * nearer to where it is expected than the place found (`candidate`). Another place like the passage (a
 * look-alike elsewhere on the page) must then not be taken for it. The same two template sentences may
 * well stand together elsewhere on the page: farther away than the place found, they are no evidence
 * (measured on the near-duplicate corpus: found right on boilerplate pages 96.2% -> 97.8%).
 */
function cutOut(text: string, ctx: QuoteContext, candidate: number): boolean {
  if (ctx.prefix.length < MIN_CUT_CONTEXT_CHARS || ctx.suffix.length < MIN_CUT_CONTEXT_CHARS || ctx.hint === null) return false;
  const from = Math.max(0, ctx.hint - NEAR_HINT_CHARS);
  const window = text.slice(from, ctx.hint + NEAR_HINT_CHARS);
  const joined = collapseString(ctx.prefix + ctx.suffix);
  const candidateDistance = Math.abs(candidate - ctx.hint);
  for (let at = window.indexOf(joined); at !== -1; at = window.indexOf(joined, at + 1)) {
    if (Math.abs(from + at + ctx.prefix.length - ctx.hint) <= candidateDistance) return true;
  }
  return false;
}

function toSourceSpan(view: CollapsedText, span: TextSpan): TextSpan {
  return { start: view.toSource[span.start]!, end: view.toSource[span.end - 1]! + 1 };
}
