// The note editor's draft: tag suggestions, typed tags added without duplicates, and the limits a draft
// is checked against before it is saved.
import { describe, expect, it } from 'vitest';
import { NOTE_LIMITS } from '../../shared/schemas/notes.ts';
import { noteRequestSchemas } from '../highlights/notes/notes-protocol.ts';
import { addTags, draftProblems, suggestTags } from './note-draft-model.ts';

describe('tags in the editor', () => {
  it('suggests known tags not yet chosen that contain what is typed', () => {
    expect(suggestTags(['理论学习', '法律', 'Law school', '学习'], ['法律'], '')).toEqual(['理论学习', 'Law school', '学习']);
    expect(suggestTags(['理论学习', '法律', 'Law school', '学习'], [], '学习')).toEqual(['理论学习', '学习']);
    expect(suggestTags(['Law school'], [], 'LAW')).toEqual(['Law school']);
  });

  it('adds typed tags split on either comma, without duplicates', () => {
    expect(addTags(['法律'], ' 理论，学习, 法律 ,,')).toEqual(['法律', '理论', '学习']);
  });
});

describe('limits of a draft', () => {
  const draft = { comment: '', tags: [], colour: 'yellow' } as const;

  it('accepts a draft at every limit exactly', () => {
    expect(draftProblems({ ...draft, comment: '评'.repeat(NOTE_LIMITS.commentChars), title: 't'.repeat(NOTE_LIMITS.titleChars), quote: 'q'.repeat(NOTE_LIMITS.quoteChars) })).toEqual([]);
    expect(draftProblems({ ...draft, tags: Array.from({ length: NOTE_LIMITS.tags }, (_, i) => `标签${i}`) })).toEqual([]);
  });

  it('refuses a comment one character over, and says by how much', () => {
    expect(draftProblems({ ...draft, comment: '评'.repeat(NOTE_LIMITS.commentChars + 1) })).toEqual([
      { kind: 'tooLong', field: 'comment', limit: NOTE_LIMITS.commentChars, excess: 1 },
    ]);
    // The report's case: a comment of 25,000 characters.
    expect(draftProblems({ ...draft, comment: 'x'.repeat(25_000) })[0]).toMatchObject({ field: 'comment', excess: 5_000 });
  });

  it('counts as the server does (an emoji is two UTF-16 units)', () => {
    expect(draftProblems({ ...draft, comment: '😀'.repeat(NOTE_LIMITS.commentChars / 2) })).toEqual([]);
    expect(draftProblems({ ...draft, comment: `${'😀'.repeat(NOTE_LIMITS.commentChars / 2)}a` })).toHaveLength(1);
  });

  it('refuses a title, a quote, too many tags and a tag too long', () => {
    const problems = draftProblems({
      ...draft,
      title: 't'.repeat(NOTE_LIMITS.titleChars + 2),
      quote: 'q'.repeat(NOTE_LIMITS.quoteChars + 3),
      tags: [...Array.from({ length: NOTE_LIMITS.tags }, (_, i) => `t${i}`), 'x'.repeat(NOTE_LIMITS.tagChars + 1)],
    });
    expect(problems).toEqual([
      { kind: 'tooLong', field: 'title', limit: NOTE_LIMITS.titleChars, excess: 2 },
      { kind: 'tooLong', field: 'quote', limit: NOTE_LIMITS.quoteChars, excess: 3 },
      { kind: 'tooManyTags', limit: NOTE_LIMITS.tags },
      { kind: 'tagTooLong', tag: 'x'.repeat(NOTE_LIMITS.tagChars + 1), limit: NOTE_LIMITS.tagChars },
    ]);
  });

  it('agrees with the schema the background validates with', () => {
    const base = { type: 'writeNote' as const, title: '', quote: '', tags: [], colour: 'yellow' as const };
    const schema = noteRequestSchemas.find((s) => s.shape.type.value === 'writeNote')!;
    for (const length of [NOTE_LIMITS.commentChars - 1, NOTE_LIMITS.commentChars, NOTE_LIMITS.commentChars + 1]) {
      const comment = 'x'.repeat(length);
      expect(draftProblems({ ...draft, comment }).length === 0).toBe(schema.safeParse({ ...base, comment }).success);
    }
  });
});
