// Look-alikes: near-copies of a passage that stood on the page when the note was made (the same template
// sentence with another slot word, the original article's twin on a 修订对照 page). After the page
// changes, a place reading like the note's passage with a word changed may be the passage edited or may
// be that look-alike; from the page after the edit alone the two read the same. The page as it was when
// the note was made tells them apart, so describing a note records what the closest look-alikes of its
// recorded text (prefix, quote and suffix together: a short quote's look-alikes differ in its context)
// read, as the characters where each differs, and how many places read each (and, after those, places
// that could pass for the passage with one side of context edited away: oneSideAgrees); anchoring refuses
// a place whose text reads closer to one of them than to the note's (choose-candidate.ts).
import search from 'approx-string-match';
import { NOTE_LIMITS, type LookalikeEdit, type QuoteLookalike } from '../../../shared/schemas/notes.ts';
import type { TextSpan } from './types.ts';

/** Share of the recorded text's characters a look-alike may differ by: the approximate search's budget. */
const LOOKALIKE_ERROR_RATE = 0.25;
/** Places whose text is compared with the recorded text, the nearest first (a common short quote). */
const MAX_COMPARED_PLACES = 64;
/**
 * Approximate searches (each a pass over the page, finding the places with the next fewest differences)
 * after the exact one: the nearest tiers hold the look-alikes that matter.
 */
const APPROXIMATE_TIERS = 3;

/**
 * The closest look-alikes of text[window] (the quote text[quote] with its stored context) elsewhere in
 * `text`: places where the quote reads exactly or approximately (a quarter of it may differ), read with
 * as much context as was stored, that differ from the recorded text by at most a quarter of it (fewest
 * differences, then nearest), then those beyond that agreeing on one side (oneSideAgrees); at most
 * NOTE_LIMITS.lookalikes distinct ones, as edits of the recorded text; `[]` when there is none. Undefined when the quote is too long to search
 * (NOTE_LIMITS.lookalikeQuoteChars) or a look-alike differs in more or longer places than a note may
 * store: the note then records nothing and is anchored as notes made before look-alikes were recorded.
 * Exact copies of the recorded text are no look-alikes (they read as the passage, so tell nothing
 * apart); `allowed` leaves out text the reader never sees.
 */
export function findLookalikes(text: string, window: TextSpan, quote: TextSpan, allowed: (span: TextSpan) => boolean = () => true): QuoteLookalike[] | undefined {
  const quoteLength = quote.end - quote.start;
  if (quoteLength > NOTE_LIMITS.lookalikeQuoteChars) return undefined;
  const exact = text.slice(quote.start, quote.end);
  const recorded = text.slice(window.start, window.end);
  const prefixLength = quote.start - window.start;
  const suffixLength = window.end - quote.end;
  // Where the quote reads exactly, then approximately: the approximate search reports only the places
  // with the fewest differences it finds, so each tier found is masked for the next search to see the next.
  const places: TextSpan[] = occurrences(text, exact).map((at) => ({ start: at, end: at + quoteLength }));
  const maxQuoteErrors = Math.floor(quoteLength * LOOKALIKE_ERROR_RATE);
  if (maxQuoteErrors > 0) {
    let masked = mask(text, places);
    for (let round = 0; round < APPROXIMATE_TIERS; round++) {
      const tier = search(masked, exact, maxQuoteErrors).filter((m) => m.end > m.start);
      if (tier.length === 0) break;
      places.push(...tier);
      masked = mask(masked, tier);
    }
  }
  const maxErrors = Math.floor(recorded.length * LOOKALIKE_ERROR_RATE);
  const parts: Parts = [text.slice(window.start, quote.start), exact, text.slice(quote.end, window.end)];
  const candidates = places
    .filter((p) => !(p.start < quote.end && quote.start < p.end))
    .sort((a, b) => Math.abs(a.start - quote.start) - Math.abs(b.start - quote.start))
    .slice(0, MAX_COMPARED_PLACES)
    .map((p) => ({ start: Math.max(0, p.start - prefixLength), end: Math.min(text.length, p.end + suffixLength), near: Math.abs(p.start - quote.start), quote: p }))
    .filter((w) => allowed(w))
    .map((w) => ({ ...w, alike: text.slice(w.start, w.end) }))
    .filter((w) => w.alike !== recorded)
    .map((w) => {
      const errors = editDistanceWithin(w.alike, recorded, maxErrors);
      const alikeParts: Parts = [text.slice(w.start, w.quote.start), text.slice(w.quote.start, w.quote.end), text.slice(w.quote.end, w.end)];
      return { ...w, errors, alikeParts, oneSided: errors > maxErrors && oneSideAgrees(parts, alikeParts) };
    })
    .filter((w) => w.errors <= maxErrors || w.oneSided)
    // The look-alikes within the budget first: those are what the other rules rely on.
    .sort((a, b) => Number(a.oneSided) - Number(b.oneSided) || a.errors - b.errors || a.near - b.near);
  const seen = new Set<string>();
  const found: QuoteLookalike[] = [];
  for (const { alike, alikeParts, oneSided } of candidates) {
    if (seen.has(alike)) continue;
    seen.add(alike);
    const edits = oneSided ? (diffEdits(recorded, alike) ?? partEdits(parts, alikeParts)) : diffEdits(recorded, alike);
    if (edits === null && !oneSided) return undefined;
    // One that cannot be stored is left out: the note's other look-alikes still count.
    if (edits === null) continue;
    found.push({ edits, copies: Math.min(NOTE_LIMITS.lookalikeCopies, occurrences(text, alike).length) });
    if (found.length === NOTE_LIMITS.lookalikes) break;
  }
  return found;
}

/** A recorded text's prefix, quote and suffix. */
type Parts = readonly [string, string, string];

/**
 * Beyond the budget, a look-alike is still recorded when it could pass for the passage with one side of
 * its context edited away (choose-candidate.ts): its quote within LOOKALIKE_ERROR_RATE of the note's, and
 * one side, the whole stored side long, within ONE_SIDE_ERROR_RATE of the note's (the same template
 * sentence ending another article, the same contents line with another page number). Measured on the
 * near-duplicate corpus (npm run bench -- highlights): deleted passages attached elsewhere 13 -> 6,
 * 修订对照 wrong 0.27% -> 0.07% (zh), 0.36% -> 0.29% (en); found right 0.07% lower on 修订对照 (both
 * languages) and boilerplate pages (en), random-word pages unchanged.
 */
export function oneSideAgrees(parts: Parts, alike: Parts): boolean {
  const [prefix, exact, suffix] = parts;
  const within = (a: string, b: string, rate: number) => editDistanceWithin(a, b, Math.floor(b.length * rate)) <= Math.floor(b.length * rate);
  if (!within(alike[1], exact, LOOKALIKE_ERROR_RATE)) return false;
  const side = (a: string, b: string) => b.length > 0 && a.length === b.length && within(a, b, ONE_SIDE_ERROR_RATE);
  return side(alike[0], prefix) || side(alike[2], suffix);
}

/**
 * A side of context agreeing for oneSideAgrees: as the one-side rule's looser bar (SIDE_AGREES, 75%).
 * Measured: a tenth (SIDE_STRONG) or a fifth attached 8 deleted passages, a quarter 6, for found right
 * 0.07% lower on 修订对照 pages.
 */
const ONE_SIDE_ERROR_RATE = 0.25;

/**
 * The edits turning `parts` into `alike` as at most one replaced range per part (from its first to its
 * last differing character), when the fewest edits are too many to store; null when even these are not
 * storable (a range over NOTE_LIMITS.lookalikeEditChars, or two ranges meeting at a part's boundary).
 */
export function partEdits(parts: Parts, alike: Parts): LookalikeEdit[] | null {
  const edits: LookalikeEdit[] = [];
  let offset = 0;
  for (let k = 0; k < 3; k++) {
    const a = parts[k]!;
    const b = alike[k]!;
    let head = 0;
    while (head < a.length && head < b.length && a[head] === b[head]) head++;
    let tail = 0;
    while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
    if (head < a.length - tail || head < b.length - tail) {
      const edit = { start: offset + head, end: offset + a.length - tail, text: b.slice(head, b.length - tail) };
      const last = edits[edits.length - 1];
      if (last !== undefined && edit.start <= last.end) return null;
      if (edit.text.length > NOTE_LIMITS.lookalikeEditChars || edit.end - edit.start > NOTE_LIMITS.lookalikeEditChars) return null;
      edits.push(edit);
    }
    offset += a.length;
  }
  return edits.length === 0 || edits.length > NOTE_LIMITS.lookalikeEdits ? null : edits;
}

/** `text` with the characters of `spans` replaced by U+0000 (which no quote contains). */
function mask(text: string, spans: readonly TextSpan[]): string {
  const parts: string[] = [];
  let from = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const start = Math.max(from, span.start);
    if (span.end <= start) continue;
    parts.push(text.slice(from, start), '\u0000'.repeat(span.end - start));
    from = span.end;
  }
  return parts.join('') + text.slice(from);
}

/** Where `s` reads in `text`, overlapping occurrences too. */
export function occurrences(text: string, s: string): number[] {
  const at: number[] = [];
  if (s.length === 0) return at;
  for (let i = text.indexOf(s); i !== -1; i = text.indexOf(s, i + 1)) at.push(i);
  return at;
}

/**
 * What a look-alike's prefix, quote and suffix read: the note's (`parts`) with the look-alike's edits
 * made. An edit belongs to the part it starts in (the part after, for one inserting at a boundary).
 */
export function splitLookalike(parts: readonly [string, string, string], edits: readonly LookalikeEdit[]): [string, string, string] {
  const recorded = parts.join('');
  const bounds = [0, parts[0].length, parts[0].length + parts[1].length, recorded.length];
  const out: [string, string, string] = ['', '', ''];
  const copy = (from: number, to: number) => {
    for (let k = 0; k < 3; k++) {
      const a = Math.max(from, bounds[k]!);
      const b = Math.min(to, bounds[k + 1]!);
      if (a < b) out[k] += recorded.slice(a, b);
    }
  };
  let at = 0;
  for (const e of edits) {
    copy(at, e.start);
    const k = e.start >= bounds[2]! ? 2 : e.start >= bounds[1]! ? 1 : 0;
    out[k] += e.text;
    at = e.end;
  }
  copy(at, recorded.length);
  return out;
}

/**
 * The fewest edits turning `quote` (a recorded text) into `alike`, as replaced ranges of it (neighbouring changes
 * closer than a few characters merged into one), or null when more than NOTE_LIMITS.lookalikeEdits
 * ranges or a longer replacement than NOTE_LIMITS.lookalikeEditChars would be needed.
 */
export function diffEdits(quote: string, alike: string): LookalikeEdit[] | null {
  const m = quote.length;
  const n = alike.length;
  // Full edit-distance table (at most NOTE_LIMITS.lookalikeQuoteChars and two contexts long), then one
  // path back.
  const w = n + 1;
  const d = new Uint16Array((m + 1) * w);
  for (let j = 0; j <= n; j++) d[j] = j;
  for (let i = 1; i <= m; i++) {
    d[i * w] = i;
    const c = quote.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const sub = d[(i - 1) * w + j - 1]! + (c === alike.charCodeAt(j - 1) ? 0 : 1);
      d[i * w + j] = Math.min(sub, d[(i - 1) * w + j]! + 1, d[i * w + j - 1]! + 1);
    }
  }
  // Walk back, marking for every quote position (and the gaps between) whether it is changed.
  const ranges: { start: number; end: number; aStart: number; aEnd: number }[] = [];
  let i = m;
  let j = n;
  const mark = (qi: number, qEnd: number, aj: number, aEnd: number) => {
    const last = ranges[ranges.length - 1];
    if (last !== undefined && last.start <= qEnd + MERGE_GAP_CHARS) {
      last.start = qi;
      last.aStart = aj;
    } else ranges.push({ start: qi, end: qEnd, aStart: aj, aEnd });
  };
  while (i > 0 || j > 0) {
    const here = d[i * w + j]!;
    if (i > 0 && j > 0 && quote.charCodeAt(i - 1) === alike.charCodeAt(j - 1) && here === d[(i - 1) * w + j - 1]) {
      i--;
      j--;
    } else if (i > 0 && j > 0 && here === d[(i - 1) * w + j - 1]! + 1) {
      mark(i - 1, i, j - 1, j);
      i--;
      j--;
    } else if (i > 0 && here === d[(i - 1) * w + j]! + 1) {
      mark(i - 1, i, j, j);
      i--;
    } else {
      mark(i, i, j - 1, j);
      j--;
    }
  }
  ranges.reverse();
  if (ranges.length > NOTE_LIMITS.lookalikeEdits) return null;
  const edits = ranges.map((r) => ({ start: r.start, end: r.end, text: alike.slice(r.aStart, r.aEnd) }));
  return edits.every((e) => e.text.length <= NOTE_LIMITS.lookalikeEditChars && e.end - e.start <= NOTE_LIMITS.lookalikeEditChars) ? edits : null;
}

/** Changes this close together are stored as one range: fewer, readable edits (a word, not its letters). */
const MERGE_GAP_CHARS = 3;

/**
 * Edit distance between `a` and `b`, or `cap + 1` as soon as it must exceed `cap` (a band of the table
 * only: a candidate is compared with look-alikes only as far as its own differences from the quote).
 */
export function editDistanceWithin(a: string, b: string, cap: number): number {
  const over = cap + 1;
  if (Math.abs(a.length - b.length) > cap) return over;
  const n = b.length;
  let prev = new Uint32Array(n + 2);
  let row = new Uint32Array(n + 2);
  for (let j = 0; j <= n + 1; j++) prev[j] = j <= cap ? j : over;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - cap);
    const to = Math.min(n, i + cap);
    row[0] = i <= cap ? i : over;
    row[from - 1] = from === 1 ? row[0] : over;
    row[to + 1] = over;
    let best = row[from - 1]!;
    const c = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const v = Math.min(prev[j - 1]! + (c === b.charCodeAt(j - 1) ? 0 : 1), prev[j]! + 1, row[j - 1]! + 1, over);
      row[j] = v;
      if (v < best) best = v;
    }
    if (best > cap) return over;
    [prev, row] = [row, prev];
  }
  return Math.min(prev[n]!, over);
}
