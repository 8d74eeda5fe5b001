// A note as the store tests sync it: the n-th of a person's (n from 1 to 9), with nothing but a title, so
// each test names only the fields it is about.
import type { Note } from '../../shared/schemas/notes.ts';

export const note = (n: number, over: Partial<Note> = {}): Note => ({
  id: `5b0c1e9a-0000-4000-8000-00000000000${n}`,
  url: null,
  canonicalUrl: null,
  title: `笔记 ${n}`,
  resourceId: null,
  selectors: [],
  quote: '',
  comment: '',
  tags: [],
  colour: 'yellow',
  mustRead: null,
  createdAt: `2026-03-0${n}T01:00:00.000Z`,
  updatedAt: `2026-03-0${n}T01:00:00.000Z`,
  deletedAt: null,
  ...over,
});

/**
 * everyField overrides for a note's selectors under `path` ('' for a note, 'note.' for a note record):
 * look-alike edits must lie inside prefix + exact + suffix, which the walk cannot know, so one reading 季
 * for the first character, and a copy rank within its count.
 */
export function selectorOverrides(path = ''): Record<string, unknown> {
  return {
    [`${path}selectors[].lookalikes`]: [{ edits: [{ start: 0, end: 1, text: '季' }], copies: 2 }],
    [`${path}selectors[].copies`]: { count: 3, rank: 1 },
  };
}
