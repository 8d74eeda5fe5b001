// Look-alikes recorded when a note is made, and the rule they feed: a place reading like a recorded
// look-alike is that look-alike, never the passage (unless the passage was edited in place to read like
// it while the look-alike itself still stands).
import { describe, expect, it } from 'vitest';
import { textQuoteSelectorSchema, type Selector } from '../../../shared/schemas/notes.ts';
import { anchorSelectors, createTextIndex } from './anchor-text.ts';
import { describeSpan } from './describe-text.ts';
import { diffEdits, editDistanceWithin, findLookalikes, oneSideAgrees, partEdits, splitLookalike } from './lookalikes.ts';

const article = (n: number, unit: string, period: string, who: string) =>
  `Article ${n} Each ${unit} shall include political theory in its ${period} work plan, with checks and follow-up. ` +
  `${who} meet every Friday afternoon for collective study of at least two hours.`;
type Words = [string, string, string];
const pair = (n: number, original: Words, revised: Words) => `Original text: ${article(n, ...original)}\nAs revised: ${article(n, ...revised)}\n`;
/** A 修订对照 page: article 12's original reads "year", its revision "quarter". */
const REVISED_PAGE =
  pair(11, ['office', 'month', 'Officials'], ['office', 'month', 'Officials']) +
  pair(12, ['committee', 'year', 'Comrades'], ['committee', 'quarter', 'Comrades']) +
  pair(13, ['unit', 'month', 'Party members'], ['unit', 'month', 'Party members']);
const QUOTE = 'Each committee shall include political theory in its year work plan, with checks and follow-up.';

function clip(text: string, quote: string, from = 0): Selector[] {
  const at = text.indexOf(quote, from);
  if (at === -1) throw new Error(`no "${quote}" in text`);
  return describeSpan(text, { start: at, end: at + quote.length })!;
}

function quoteOf(selectors: Selector[]) {
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
  if (quote?.type !== 'TextQuoteSelector') throw new Error('no quote');
  return quote;
}

/** The same selectors as a note made before look-alikes were recorded. */
function withoutLookalikes(selectors: Selector[]): Selector[] {
  return selectors.map((s) => (s.type === 'TextQuoteSelector' ? { type: s.type, exact: s.exact, prefix: s.prefix, suffix: s.suffix } : s));
}

function anchored(text: string, selectors: Selector[]): string | null {
  const result = anchorSelectors(createTextIndex(text), selectors);
  return result.status === 'anchored' ? text.slice(result.span.start, result.span.end) : null;
}

describe('describing a note records its look-alikes', () => {
  it('records the revised twin on a 修订对照 page: where it differs from the recorded text, and how many places read it', () => {
    const quote = quoteOf(clip(REVISED_PAGE, QUOTE));
    expect(textQuoteSelectorSchema.parse(quote)).toEqual(quote);
    const recorded = quote.prefix + quote.exact + quote.suffix;
    const read = quote.lookalikes!.map((l) => splitLookalike([quote.prefix, quote.exact, quote.suffix], l.edits));
    // The twin reads "quarter" where the quote reads "year", after "As revised" where it read "Original text".
    expect(read.map((parts) => parts[1])).toContain(QUOTE.replace('year', 'quarter'));
    expect(quote.lookalikes!.every((l) => l.copies === 1)).toBe(true);
    expect(read.every((parts) => parts.join('') !== recorded)).toBe(true);
  });

  it('records none ([]) where the page holds no near-copy, and does not look for a quote over 1,024 characters', () => {
    const page = 'The committee met on Friday to discuss the study plan for the coming year. The chair closed the meeting at noon.';
    const [quote] = clip(page, 'discuss the study plan');
    expect(quote).toMatchObject({ lookalikes: [] });
    const long = 'Study counts in the annual assessment of comrades. '.repeat(30);
    expect(findLookalikes(long, { start: 0, end: 1100 }, { start: 0, end: 1100 })).toBeUndefined();
  });

  it('records no look-alike from text the reader never sees (a script holding the revised article)', () => {
    const [, revised] = REVISED_PAGE.split('\n');
    const page = `Original text: ${article(12, 'committee', 'year', 'Comrades')}\n${revised!.replace('12', '99')}`;
    const hidden = { start: page.indexOf('\n') + 1, end: page.length };
    const quote = { start: page.indexOf(QUOTE), end: page.indexOf(QUOTE) + QUOTE.length };
    const window = { start: Math.max(0, quote.start - 32), end: quote.end + 32 };
    expect(findLookalikes(page, window, quote)).toHaveLength(1);
    expect(findLookalikes(page, window, quote, (span) => span.end <= hidden.start || span.start >= hidden.end)).toEqual([]);
  });

  it('counts a copy of the quote in other context as a look-alike, and an exact copy of quote and context as none', () => {
    const sentence = 'Attendance at every study activity of the office is recorded, and absences are explained.';
    const other = quoteOf(clip(`Article 1 ${sentence}\nArticle 2 ${sentence}\n`, sentence));
    expect(other.lookalikes!.map((l) => splitLookalike([other.prefix, other.exact, other.suffix], l.edits))).toEqual([['Article 2 ', sentence, '\n']]);
    // The same article printed twice: the copy reads word for word as the passage, so tells nothing apart.
    const block = `The committee adopted these rules. Article 1 ${sentence} These rules take effect today.\n`;
    expect(quoteOf(clip(block + block, sentence)).lookalikes).toEqual([]);
  });
});

describe('anchoring refuses a place reading like a recorded look-alike', () => {
  const originalOf12 = REVISED_PAGE.indexOf('Original text: Article 12');
  const revisedOf12 = REVISED_PAGE.indexOf('As revised: Article 12');

  it('leaves a deleted original article unanchored although its revised twin, one word apart, now stands where it was', () => {
    const selectors = clip(REVISED_PAGE, QUOTE);
    const edited = REVISED_PAGE.slice(0, originalOf12) + REVISED_PAGE.slice(revisedOf12);
    expect(anchored(edited, selectors)).toBeNull();
    // A note made before look-alikes were recorded is anchored as before: onto the twin.
    expect(anchored(edited, withoutLookalikes(selectors))).toBe(QUOTE.replace('year', 'quarter'));
  });

  it('still finds the passage edited in place to read like its look-alike while the look-alike stands elsewhere', () => {
    const selectors = clip(REVISED_PAGE, QUOTE);
    const at = REVISED_PAGE.indexOf(QUOTE);
    const edited = REVISED_PAGE.slice(0, at) + QUOTE.replace('year', 'quarter') + REVISED_PAGE.slice(at + QUOTE.length);
    const result = anchorSelectors(createTextIndex(edited), selectors);
    expect(result).toMatchObject({ status: 'anchored', span: { start: at } });
  });

  it('tells a look-alike differing in context only apart by its context', () => {
    // Template sentences differing in the slot word after the quote: the note's sentence is deleted and
    // the look-alike, whose prefix reads as the note's, is the only place the quote still reads.
    const page =
      'Each office draws up a year study plan. Experts are invited to give lectures on the law. A study record is kept for officials.\n' +
      'Each unit draws up a month study plan. Experts are invited to give lectures on economics. A study record is kept for comrades.\n';
    const selectors = clip(page, 'lectures');
    const edited = page.replace('Experts are invited to give lectures on the law. ', '');
    expect(anchored(edited, withoutLookalikes(selectors))).toBe('lectures');
    expect(anchored(edited, selectors)).toBeNull();
  });
});

describe('look-alikes reading one side of context as recorded', () => {
  // The same template sentence ends another article: the quote and its prefix read as the note's, the
  // suffix not at all (beyond the quarter of the recorded text a look-alike may otherwise differ by).
  const sentence = 'The office meets regularly and resolves what holds it back.';
  const page =
    `Article 42 ${sentence} Seminars on economics are held each month for all of the staff.\n` +
    `${'Where officials excel in their study, the study group commends them. '.repeat(4)}\n` +
    `Article 43 ${sentence}\nArticle 44 Where party members do not study seriously, the group reports it.\n`;

  it('are recorded, as one replaced range per part when the fewest edits are too many to store', () => {
    const quote = quoteOf(clip(page, 'it back'));
    expect(textQuoteSelectorSchema.parse(quote)).toEqual(quote);
    const read = quote.lookalikes!.map((l) => splitLookalike([quote.prefix, quote.exact, quote.suffix], l.edits));
    expect(read).toContainEqual([quote.prefix, 'it back', '.\nArticle 44 Where party members']);
  });

  it('keep a deleted clip off the same words ending another article', () => {
    const selectors = clip(page, 'it back');
    const edited = page.replace(`Article 42 ${sentence} `, 'Article 42 ');
    expect(anchored(edited, withoutLookalikes(selectors))).toBe('it back');
    expect(anchored(edited, selectors)).toBeNull();
  });

  it('still let the clip be found with the sentence after it rewritten, where the look-alike stands unchanged', () => {
    const selectors = clip(page, 'it back');
    const edited = page.replace('Seminars on economics are held each month', 'Lectures are given on Friday evenings');
    const result = anchorSelectors(createTextIndex(edited), selectors);
    expect(result).toMatchObject({ status: 'anchored', span: { start: edited.indexOf('it back') } });
  });

  it('qualify when the quote and one whole side are each within a quarter of the note', () => {
    const parts = ['x'.repeat(23) + 'holds it ', 'back', '. Seminars on economics are held'] as const;
    expect(oneSideAgrees(parts, [parts[0], 'back', '.\nArticle 44 Where party members'])).toBe(true);
    expect(oneSideAgrees(parts, ['y'.repeat(23) + 'holds it ', 'back', parts[2]])).toBe(true);
    // Both sides eight characters off in 32 (a quarter): one still agrees; nine, neither.
    expect(oneSideAgrees(parts, ['x'.repeat(15) + 'abcdefghholds it ', 'back', 'z'.repeat(8) + parts[2].slice(8)])).toBe(true);
    expect(oneSideAgrees(parts, ['x'.repeat(14) + 'abcdefghiholds it ', 'back', 'z'.repeat(9) + parts[2].slice(9)])).toBe(false);
    // The quote differing by more than a quarter, or a side cut short by the page's edge, does not.
    expect(oneSideAgrees(parts, [parts[0], 'bick', parts[2]])).toBe(true);
    expect(oneSideAgrees(parts, [parts[0], 'bide', parts[2]])).toBe(false);
    expect(oneSideAgrees(parts, [parts[0].slice(5), 'back', 'something else entirely written h'])).toBe(false);
    expect(oneSideAgrees(['', 'back', parts[2]], ['', 'back', 'something else entirely written h'])).toBe(false);
  });

  it('store one range per differing part, or nothing when a range is too long or two meet at a boundary', () => {
    const parts = ['Article 42 The office ', 'resolves what holds it back', '. Seminars are held'] as const;
    const alike = ['Article 43 The office ', 'resolves what holds it back', '.\nArticle 44 Where'] as const;
    const edits = partEdits(parts, alike)!;
    expect(edits).toEqual([{ start: 9, end: 10, text: '3' }, { start: 50, end: 68, text: '\nArticle 44 Where' }]);
    expect(splitLookalike(parts, edits)).toEqual(alike);
    expect(partEdits(parts, parts)).toBeNull();
    expect(partEdits(['a'.repeat(70), 'q', 'b'], ['c'.repeat(70), 'q', 'b'])).toBeNull();
    // The prefix's last character and the quote's first both changed: the ranges would meet.
    expect(partEdits(['ab', 'cd', 'ef'], ['aX', 'Yd', 'ef'])).toBeNull();
  });
});

describe('word-for-word copies of a passage', () => {
  // Boilerplate printed under every article: the same sentence between the same words each time.
  const block = 'The study group adopted this. Attendance at every study activity is recorded, and absences are explained. These rules take effect on the day of issue.\n';
  const page = 'Rules of the study group. These rules take effect on the day of issue.\n' + block.repeat(3);
  const quote = 'Attendance at every study activity is recorded';

  it('records how many places read quote and context word for word, and which of them is the note', () => {
    const at = page.indexOf(quote, page.indexOf(quote) + 1);
    expect(quoteOf(describeSpan(page, { start: at, end: at + quote.length })!)).toMatchObject({ copies: { count: 3, rank: 1 } });
    expect(quoteOf(clip(REVISED_PAGE, QUOTE)).copies).toBeUndefined();
  });

  it('finds the copy of the same rank when as many copies read as when the note was made, though all moved', () => {
    const at = page.indexOf(quote, page.indexOf(quote) + 1);
    const selectors = describeSpan(page, { start: at, end: at + quote.length })!;
    // Text inserted above: every copy moved, and the stored position now points between two of them.
    const moved = 'Foreword. '.repeat(30) + page;
    const expected = moved.indexOf(quote, moved.indexOf(quote) + 1);
    expect(anchorSelectors(createTextIndex(moved), selectors)).toMatchObject({ status: 'anchored', span: { start: expected } });
    const { copies: _, ...bare } = quoteOf(selectors);
    expect(anchorSelectors(createTextIndex(moved), [bare, selectors[1]!])).toEqual({ status: 'unanchored' });
  });
});

describe('look-alike edits', () => {
  it('are the fewest replaced ranges, merged when a few characters apart, and split back into prefix, quote and suffix', () => {
    const parts: [string, string, string] = ['Article 12 ', 'Each committee studies the law', ' every week.'];
    const alike = 'Article 13 Each office studies the law every month.';
    const edits = diffEdits(parts.join(''), alike)!;
    // "committee" to "office": the final e is shared, so the edit stops before it.
    expect(edits.map((e) => e.text)).toEqual(['3', 'offic', 'month']);
    expect(splitLookalike(parts, edits)).toEqual(['Article 13 ', 'Each office studies the law', ' every month.']);
  });

  it('are refused (null) when a look-alike differs in more places, or longer ones, than a note may store', () => {
    expect(diffEdits('a'.repeat(10), 'b'.repeat(70))).toBeNull();
    expect(diffEdits('x a x a x a x a x a x a x a x a x a x', 'x b x b x b x b x b x b x b x b x b x'.replace(/ /g, '      '))).toBeNull();
  });

  it('are validated with bounded sizes: inside prefix + exact + suffix, in order, each changing something (and copies too)', () => {
    const base = { type: 'TextQuoteSelector', exact: 'year plan', prefix: 'its ', suffix: '.' } as const;
    expect(textQuoteSelectorSchema.safeParse({ ...base, lookalikes: [{ edits: [{ start: 4, end: 8, text: 'month' }], copies: 1 }] }).success).toBe(true);
    expect(textQuoteSelectorSchema.safeParse(base).success).toBe(true);
    const bad = [
      [{ edits: [{ start: 4, end: 20, text: 'x' }], copies: 1 }], // beyond the recorded text
      [{ edits: [{ start: 4, end: 4, text: '' }], copies: 1 }], // changes nothing
      [{ edits: [{ start: 6, end: 8, text: 'a' }, { start: 4, end: 5, text: 'b' }], copies: 1 }], // out of order
      [{ edits: [], copies: 1 }],
      [{ edits: [{ start: 0, end: 1, text: 'x'.repeat(65) }], copies: 1 }],
      [{ edits: [{ start: 0, end: 1, text: 'x' }], copies: 0 }],
      Array.from({ length: 7 }, () => ({ edits: [{ start: 0, end: 1, text: 'x' }], copies: 1 })),
    ];
    for (const lookalikes of bad) expect(textQuoteSelectorSchema.safeParse({ ...base, lookalikes }).success).toBe(false);
    expect(textQuoteSelectorSchema.safeParse({ ...base, copies: { count: 2, rank: 1 } }).success).toBe(true);
    for (const copies of [{ count: 2, rank: 2 }, { count: 1, rank: 0 }, { count: 1001, rank: 0 }]) {
      expect(textQuoteSelectorSchema.safeParse({ ...base, copies }).success).toBe(false);
    }
  });
});

describe('editDistanceWithin', () => {
  it('is the edit distance up to the cap, and cap + 1 beyond it', () => {
    expect(editDistanceWithin('year work plan', 'quarter work plan', 10)).toBe(5);
    expect(editDistanceWithin('year work plan', 'quarter work plan', 4)).toBe(5);
    expect(editDistanceWithin('干部要加强学习', '同志要加强学习', 3)).toBe(2);
    expect(editDistanceWithin('', 'abc', 3)).toBe(3);
    expect(editDistanceWithin('abcdef', 'abcdef', 0)).toBe(0);
  });
});
