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
