// Note versions and the local book: limits applied on the way in, and the pure bookkeeping of the queue.
import { describe, expect, it } from 'vitest';
import { NOTE_LIMITS, noteSchema, type Note } from '../../../shared/schemas/notes.ts';
import { cleanTags, deleteNote, editNote, newClip, newReadingNote, restoreNote, storableUrl } from './note-versions.ts';
import { applyVerdicts, EMPTY_BOOK, mergeIncoming, notesOfPage, putNote, tagsInUse } from './local-notes.ts';

const ID = '3b241101-e2bb-4255-8caf-4136c566a962';
const NOW = '2026-01-05T02:00:00.000Z';
const clip = (over: Partial<Parameters<typeof newClip>[0]> = {}) =>
  newClip(
    {
      url: 'https://learn.example.org/a?id=1&utm_medium=x#top',
      canonicalUrl: 'https://learn.example.org/a?id=1',
      title: 'T'.repeat(600),
      selectors: [{ type: 'TextQuoteSelector', exact: 'q', prefix: '', suffix: '' }],
      quote: 'q',
      comment: 'c',
      tags: [' 理论 ', '理论', 'Law', 'law', ''],
      colour: 'green',
      ...over,
    },
    { id: ID, resourceId: 'res-a', now: NOW },
  );

describe('note versions', () => {
  it('makes a valid clip with a normalised URL, cut title and clean tags', () => {
    const note = clip()!;
    expect(noteSchema.safeParse(note).success).toBe(true);
    expect(note).toMatchObject({ url: 'https://learn.example.org/a?id=1', title: 'T'.repeat(NOTE_LIMITS.titleChars), tags: ['理论', 'Law'] });
  });

  it('refuses pages that cannot hold notes', () => {
    expect(clip({ url: 'chrome://settings' })).toBeNull();
    expect(clip({ quote: 'x'.repeat(NOTE_LIMITS.quoteChars + 1) })).toBeNull();
    expect(storableUrl('ftp://x.org/a')).toBeNull();
  });

  it('caps the number of tags', () => {
    expect(cleanTags(Array.from({ length: 40 }, (_, i) => `t${i}`))).toHaveLength(NOTE_LIMITS.tags);
  });

  it('edits, deletes and restores with the given time; a clip keeps its page title and quote', () => {
    const note = clip()!;
    const edited = editNote(note, { comment: 'new', title: 'ignored', quote: 'ignored' }, '2026-01-05T03:00:00.000Z');
    expect(edited).toMatchObject({ comment: 'new', title: note.title, quote: 'q', updatedAt: '2026-01-05T03:00:00.000Z' });
    const deleted = deleteNote(edited, '2026-01-05T04:00:00.000Z');
    expect(deleted.deletedAt).toBe('2026-01-05T04:00:00.000Z');
    expect(restoreNote(deleted, '2026-01-05T05:00:00.000Z')).toMatchObject({ deletedAt: null, updatedAt: '2026-01-05T05:00:00.000Z' });
    const reading = newReadingNote({ title: '《习近平谈治国理政》', quote: '', comment: '读后感', tags: [], colour: 'blue' }, { id: ID, now: NOW });
    expect(noteSchema.safeParse(reading).success).toBe(true);
    expect(editNote(reading, { title: '第二卷' }, NOW).title).toBe('第二卷');
  });

  it('links a note to the must-read book chosen, keeps the link through other edits, and unlinks on null', () => {
    expect(clip()!.mustRead).toBeNull();
    const linked = clip({ mustRead: { bookId: 'b1' } })!;
    expect(linked.mustRead).toEqual({ bookId: 'b1' });
    expect(editNote(linked, { comment: 'x' }, NOW).mustRead).toEqual({ bookId: 'b1' });
    expect(editNote(linked, { mustRead: { bookId: 'b2' } }, NOW).mustRead).toEqual({ bookId: 'b2' });
    expect(editNote(linked, { mustRead: null }, NOW).mustRead).toBeNull();
    const reading = newReadingNote({ title: '乡土中国', quote: '', comment: '读后感', tags: [], colour: 'blue', mustRead: { bookId: 'b1' } }, { id: ID, now: NOW });
    expect(reading.mustRead).toEqual({ bookId: 'b1' });
    // A note kept from before links existed has no field: an edit makes it explicitly unlinked.
    const { mustRead: _none, ...old } = clip()!;
    expect(editNote(old as Note, { comment: 'y' }, NOW).mustRead).toBeNull();
  });
});

describe('notes book', () => {
  const note = clip()!;
  const later = (n: Note, comment: string, at: string): Note => ({ ...n, comment, updatedAt: at });

  it('queues one version per note and lists notes of a page by normalised URL', () => {
    let book = putNote(EMPTY_BOOK, note);
    book = putNote(book, later(note, 'v2', '2026-01-05T03:00:00.000Z'));
    expect(book.pending.map((n) => n.comment)).toEqual(['v2']);
    expect(notesOfPage(book, 'https://learn.example.org/a?id=1&fbclid=z#x')).toHaveLength(1);
    expect(notesOfPage(book, 'https://learn.example.org/a?id=2')).toHaveLength(0);
    expect(tagsInUse(book)).toEqual(['Law', '理论']); // equally used: alphabetical
  });

  it('settles only the version sent, and marks a refused one', () => {
    const v2 = later(note, 'v2', '2026-01-05T03:00:00.000Z');
    const book = putNote(putNote(EMPTY_BOOK, note), v2);
    expect(applyVerdicts(book, [structuredClone(note)], { accepted: [ID], rejected: [] }).pending).toEqual([v2]);
    const refused = applyVerdicts(book, [structuredClone(v2)], { accepted: [], rejected: [{ id: ID, code: 'invalid_note', message: 'm' }] });
    expect(refused.pending).toEqual([]);
    expect(refused.notes[ID]!.rejection).toEqual({ code: 'invalid_note', message: 'm' });
  });

  it('merges incoming changes with the shared rule and keeps a newer local version queued', () => {
    const local = later(note, 'local newer', '2026-01-05T05:00:00.000Z');
    const book = putNote(EMPTY_BOOK, local);
    const merged = mergeIncoming(book, [{ note: later(note, 'remote older', '2026-01-05T04:00:00.000Z'), personId: 'u1', review: null, mustReadTitle: null }], '7', 1);
    expect(merged.notes[ID]!.note.comment).toBe('local newer');
    expect(merged.pending).toHaveLength(1);
    expect(merged.cursor).toBe('7');
    const lost = mergeIncoming(book, [{ note: deleteNote(note, '2026-01-05T06:00:00.000Z'), personId: 'u1', review: null, mustReadTitle: null }], '8', 1);
    expect(lost.notes[ID]!.note.deletedAt).not.toBeNull();
    expect(lost.pending).toEqual([]);
  });
});
