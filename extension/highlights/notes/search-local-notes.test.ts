// The side panel's search: filters that find notes by words, tag, resource, category and date.
import { describe, expect, it } from 'vitest';
import { clipNote, readingNote } from '../../../test/fixtures/notes.ts';
import { searchLocalNotes, NO_LOCAL_NOTE_FILTERS } from './search-local-notes.ts';
import type { LocalNote } from '../../storage/notes-book.ts';

const clip: LocalNote = { ...clipNote, rejection: null };
const reading: LocalNote = { ...readingNote, rejection: null };

describe('searchLocalNotes', () => {
  const notes = [clip, reading];
  const categoryOf = (id: string) => (id === 'res-a' ? ('cppcc-theory' as const) : undefined);
  const ids = (f: Partial<typeof NO_LOCAL_NOTE_FILTERS>) => searchLocalNotes(notes, { ...NO_LOCAL_NOTE_FILTERS, ...f }, categoryOf, 'Asia/Shanghai').map((n) => n.note.title);

  it('searches quote, comment, tags and title, all words required', () => {
    expect(ids({ query: '周五学习日' })).toEqual(['学习型机关建设']);
    expect(ids({ query: 'reading PAPER' })).toEqual(['《论语》']);
    expect(ids({ query: '经典 paper' })).toEqual(['《论语》']);
    expect(ids({ query: '经典 周五' })).toEqual([]);
  });

  it('filters by tag, resource, category and local date', () => {
    expect(ids({ tag: '经典' })).toEqual(['《论语》']);
    expect(ids({ resourceId: 'res-a' })).toEqual(['学习型机关建设']);
    expect(ids({ resourceId: 'none' })).toEqual(['《论语》']);
    expect(ids({ category: 'cppcc-theory' })).toEqual(['学习型机关建设']);
    expect(ids({ from: '2026-01-05', to: '2026-01-31' })).toEqual(['学习型机关建设']);
    expect(ids({ from: '2026-02-01' })).toEqual(['《论语》']);
  });
});
