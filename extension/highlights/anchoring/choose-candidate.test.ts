// The decision between look-alike places: both sides of context, nearness, and refusing to guess.
import { describe, expect, it } from 'vitest';
import { choose, judge, type QuoteContext } from './choose-candidate.ts';

const filler = (n: number) => 'x'.repeat(n);

describe('judge', () => {
  const text = `${filler(1000)}the chair opened the meeting. QUOTE members then read the report aloud.${filler(9000)}`;
  const at = text.indexOf('QUOTE');
  const ctx = (prefix: string, suffix: string, hint: number | null = at): QuoteContext => ({ prefix, suffix, hint });

  it('accepts a place whose context agrees on both sides, wherever it is', () => {
    const j = judge(text, { start: at, end: at + 5, quoteErrors: 0 }, ctx('opened the meeting. ', ' members then read', 9999), 5);
    expect(j).toMatchObject({ acceptable: true, errors: 0 });
  });

  it('accepts one intact side only near the recorded position', () => {
    const c = { start: at, end: at + 5, quoteErrors: 0 };
    expect(judge(text, c, ctx('opened the meeting. ', ' completely other words'), 5).acceptable).toBe(true);
    expect(judge(text, c, ctx('opened the meeting. ', ' completely other words', at + 5000), 5).acceptable).toBe(false);
    expect(judge(text, c, ctx('opened the meeting. ', ' completely other words', at + 5000), 5).plausible).toBe(true);
  });

  it('accepts a place found with differences far from the recorded position only if nothing differs', () => {
    const far = at + 5000;
    expect(judge(text, { start: at, end: at + 5, quoteErrors: 0 }, ctx('opened the meeting. ', ' members then read', far), 5).acceptable).toBe(true);
    expect(judge(text, { start: at, end: at + 5, quoteErrors: 0 }, ctx('opened the meeting! ', ' members then said', far), 5).acceptable).toBe(false);
    expect(judge(text, { start: at, end: at + 5, quoteErrors: 1 }, ctx('opened the meeting. ', ' members then read', far), 5).acceptable).toBe(false);
    expect(judge(text, { start: at, end: at + 5, quoteErrors: 1 }, ctx('opened the meeting. ', ' members then read'), 5).acceptable).toBe(true);
  });

  it('needs both sides for a short quote found approximately', () => {
    const c = { start: at, end: at + 5, quoteErrors: 1 };
    expect(judge(text, c, ctx('opened the meeting. ', ' completely other words'), 5).acceptable).toBe(false);
    expect(judge(text, c, ctx('opened the meeting. ', ' members then read'), 5).acceptable).toBe(true);
  });

  it('accepts a short quote on one side only when that side is all but intact (93%), a longer one at 90%', () => {
    // "the chair opened the meeting. " is 30 characters: two off is 93.3% alike, three off 90%.
    const c = { start: at, end: at + 5, quoteErrors: 0 };
    expect(judge(text, c, ctx('the chair opened the meeting. ', ' completely other words'), 5).acceptable).toBe(true);
    expect(judge(text, c, ctx('the chXir opened the meeting! ', ' completely other words'), 5).acceptable).toBe(true);
    expect(judge(text, c, ctx('the chXir opened thX meeting! ', ' completely other words'), 5).acceptable).toBe(false);
    expect(judge(text, c, ctx('the chXir opened thX meeting! ', ' completely other words'), 16).acceptable).toBe(true);
  });

  it('without any stored context, accepts only the exact quote', () => {
    expect(judge(text, { start: at, end: at + 5, quoteErrors: 0 }, ctx('', ''), 5).acceptable).toBe(true);
    expect(judge(text, { start: at, end: at + 5, quoteErrors: 1 }, ctx('', ''), 5).acceptable).toBe(false);
  });
});

describe('choose', () => {
  const j = (start: number, errors: number, distance: number, acceptable = true) => ({
    start, end: start + 10, errors, distance, acceptable, plausible: true, lookalike: false,
    before: { length: 32, similarity: 1 }, after: { length: 32, similarity: 1 },
  });
  const ctx: QuoteContext = { prefix: 'p', suffix: 's', hint: 100 };

  it('takes the place with clearly fewer differences', () => {
    expect(choose([j(100, 0, 0), j(500, 4, 400)], ctx)).toMatchObject({ kind: 'found', span: { start: 100 } });
    expect(choose([j(500, 4, 400), j(100, 0, 0)], ctx)).toMatchObject({ kind: 'found', span: { start: 100 } });
  });

  it('refuses to guess between two about equally good places, unless one is many times nearer', () => {
    expect(choose([j(100, 1, 50), j(500, 2, 100)], ctx)).toEqual({ kind: 'ambiguous' });
    expect(choose([j(100, 1, 20), j(500, 1, 400)], ctx)).toMatchObject({ kind: 'found', span: { start: 100 } });
  });

  it('counts a rival that is not acceptable here but plausible, and ignores an implausible one', () => {
    expect(choose([j(100, 3, 50), j(900, 3, 800, false)], ctx)).toMatchObject({ kind: 'found' });
    expect(choose([j(100, 3, 500), j(900, 3, 800, false)], ctx)).toEqual({ kind: 'ambiguous' });
    expect(choose([j(100, 3, 500), { ...j(900, 1, 800, false), plausible: false }], ctx)).toMatchObject({ kind: 'found' });
  });

  it('never takes a farther place over a nearer plausible one unless it is 16 characters better', () => {
    expect(choose([j(900, 2, 800), { ...j(100, 10, 30), acceptable: false }], ctx)).toEqual({ kind: 'ambiguous' });
    expect(choose([j(900, 2, 800), { ...j(100, 18, 30), acceptable: false }], ctx)).toMatchObject({ kind: 'found', span: { start: 900 } });
  });

  it('finds nothing when no place is acceptable', () => {
    expect(choose([j(100, 0, 0, false)], ctx)).toEqual({ kind: 'none' });
  });
});
