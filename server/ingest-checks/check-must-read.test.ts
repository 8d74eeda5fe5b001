import { describe, expect, it } from 'vitest';
import type { Note } from '../../shared/schemas/notes.ts';
import { mustReadLinkChanged, mustReadProblem, mustReadYear } from './check-must-read.ts';

const note = (overrides: Partial<Note> = {}): Note => ({
  id: '3b241101-e2bb-4255-8caf-4136c566a962',
  url: null,
  canonicalUrl: null,
  title: '读书笔记',
  resourceId: null,
  selectors: [],
  quote: '',
  comment: '体会',
  tags: [],
  colour: 'yellow',
  mustRead: { bookId: 'book-a' },
  createdAt: '2026-03-09T01:00:00.000Z',
  updatedAt: '2026-03-09T01:00:00.000Z',
  deletedAt: null,
  ...overrides,
});
const books = new Set(['book-a', 'book-b']);

describe('the must-read link of a note', () => {
  it('is accepted when it names a book on the year list, or names none', () => {
    expect(mustReadProblem(note(), { stored: null, year: 2026, books })).toBeNull();
    expect(mustReadProblem(note({ mustRead: null }), { stored: null, year: 2026, books: new Set() })).toBeNull();
  });

  it('is refused, naming the book and the year, when the book is not on the list', () => {
    expect(mustReadProblem(note({ mustRead: { bookId: 'book-x' } }), { stored: null, year: 2026, books })).toEqual({
      id: note().id,
      code: 'unknown_must_read_book',
      message: 'mustRead: "book-x" is not a book on your must-read list for 2026',
    });
    // A change to another book is checked like a new link.
    expect(mustReadProblem(note({ mustRead: { bookId: 'book-x' } }), { stored: note(), year: 2026, books })?.code).toBe('unknown_must_read_book');
  });

  it('keeps a link the server already holds, even when the book has left the list since', () => {
    const edited = note({ comment: '改了', updatedAt: '2026-04-01T00:00:00.000Z' });
    expect(mustReadLinkChanged(edited, note())).toBe(false);
    expect(mustReadProblem(edited, { stored: note(), year: 2026, books: new Set() })).toBeNull();
  });

  it('lets a deletion through whatever its link', () => {
    const tombstone = note({ mustRead: { bookId: 'gone' }, deletedAt: '2026-04-01T00:00:00.000Z' });
    expect(mustReadLinkChanged(tombstone, null)).toBe(false);
    expect(mustReadProblem(tombstone, { stored: null, year: 2026, books: new Set() })).toBeNull();
  });

  it('checks only new or changed links', () => {
    expect(mustReadLinkChanged(note(), null)).toBe(true);
    expect(mustReadLinkChanged(note(), note({ mustRead: null }))).toBe(true);
    expect(mustReadLinkChanged(note({ mustRead: null }), note())).toBe(false);
  });

  it('belongs to the year the note was written in the organisation’s zone', () => {
    // 31 Dec 2026 17:00 UTC is already 1 Jan 2027 in Shanghai.
    const newYear = note({ createdAt: '2026-12-31T17:00:00.000Z' });
    expect(mustReadYear(newYear, 'Asia/Shanghai')).toBe(2027);
    expect(mustReadYear(newYear, 'UTC')).toBe(2026);
  });
});
