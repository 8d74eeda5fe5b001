// The notes query's one meaning of each filter, its order and its paging, over records in memory (the
// embedded store runs exactly this; a database engine must give the same answers).
import { describe, expect, it } from 'vitest';
import type { Note } from '../../shared/schemas/notes.ts';
import { countNoteRecords, noteQuerySchema, queryNoteRecords } from './note-query.ts';
import type { NoteRecord } from './store-contract.ts';
import { note as storeNote } from '../../test/support/store-notes.ts';

const review = { reviewerId: 'l1', reviewerName: '李', reviewedAt: '2026-03-07T00:00:00.000Z', comment: '' };

function record(n: number, personId: string, over: Partial<Note> = {}, reviewed = false): NoteRecord {
  const createdAt = over.createdAt ?? `2026-03-0${n}T01:00:00.000Z`;
  const note = storeNote(n, { title: `题目 ${n}`, createdAt, updatedAt: createdAt, ...over });
  return { personId, seq: n, note, review: reviewed ? review : null };
}

const notes: NoteRecord[] = [
  record(1, 'p1', { tags: ['党史'], resourceId: 'res1' }),
  record(2, 'p1', { comment: 'Marxism and Practice' }, true),
  record(3, 'p2', { tags: ['党史', '理论'], quote: '实事求是' }),
  record(4, 'p2', { deletedAt: '2026-03-05T00:00:00.000Z', tags: ['党史'] }),
  record(5, 'p3', { resourceId: 'res1' }, true),
];
const ids = (page: { notes: NoteRecord[] }) => page.notes.map((n) => n.seq);

describe('queryNoteRecords', () => {
  it('gives every live note newest first with the total when nothing narrows it; tombstones never', () => {
    expect(queryNoteRecords(notes, {})).toMatchObject({ total: 4 });
    expect(ids(queryNoteRecords(notes, {}))).toEqual([5, 3, 2, 1]);
  });

  it('narrows by people, resource, tag, reviewed state and text', () => {
    expect(ids(queryNoteRecords(notes, { personIds: ['p1', 'p3'] }))).toEqual([5, 2, 1]);
    expect(ids(queryNoteRecords(notes, { personIds: [] }))).toEqual([]);
    expect(ids(queryNoteRecords(notes, { resourceId: 'res1' }))).toEqual([5, 1]);
    expect(ids(queryNoteRecords(notes, { tag: '党史' }))).toEqual([3, 1]);
    expect(ids(queryNoteRecords(notes, { reviewed: 'yes' }))).toEqual([5, 2]);
    expect(ids(queryNoteRecords(notes, { reviewed: 'no' }))).toEqual([3, 1]);
    expect(ids(queryNoteRecords(notes, { reviewed: 'any' }))).toEqual([5, 3, 2, 1]);
    // Every word, in any of title, quote, comment or tags, without regard to case.
    expect(ids(queryNoteRecords(notes, { text: 'practice MARXISM' }))).toEqual([2]);
    expect(ids(queryNoteRecords(notes, { text: '实事 理论' }))).toEqual([3]);
    expect(ids(queryNoteRecords(notes, { text: '题目 missing' }))).toEqual([]);
    expect(ids(queryNoteRecords(notes, { text: '   ' }))).toEqual([5, 3, 2, 1]);
  });

  it('takes [fromMs, toMs) of the creation time', () => {
    const fromMs = Date.parse('2026-03-02T01:00:00.000Z');
    const toMs = Date.parse('2026-03-05T01:00:00.000Z');
    expect(ids(queryNoteRecords(notes, { fromMs }))).toEqual([5, 3, 2]);
    expect(ids(queryNoteRecords(notes, { toMs }))).toEqual([3, 2, 1]);
    expect(ids(queryNoteRecords(notes, { fromMs, toMs }))).toEqual([3, 2]);
    expect(ids(queryNoteRecords(notes, { fromMs: toMs, toMs: fromMs }))).toEqual([]);
  });

  it('combines filters: all must hold', () => {
    expect(ids(queryNoteRecords(notes, { personIds: ['p1', 'p2'], tag: '党史', reviewed: 'no' }))).toEqual([3, 1]);
    expect(ids(queryNoteRecords(notes, { personIds: ['p1'], tag: '党史', resourceId: 'res1', text: '题目 1' }))).toEqual([1]);
    expect(ids(queryNoteRecords(notes, { personIds: ['p3'], resourceId: 'res1', reviewed: 'no' }))).toEqual([]);
  });

  it('pages after ordering, keeps the true total, and answers past the end with an empty page', () => {
    expect(queryNoteRecords(notes, { offset: 1, limit: 2 })).toMatchObject({ total: 4 });
    expect(ids(queryNoteRecords(notes, { offset: 1, limit: 2 }))).toEqual([3, 2]);
    expect(ids(queryNoteRecords(notes, { offset: 3, limit: 2 }))).toEqual([1]);
    expect(queryNoteRecords(notes, { offset: 4, limit: 2 })).toEqual({ notes: [], total: 4 });
    expect(queryNoteRecords(notes, { offset: 99, limit: 20 })).toEqual({ notes: [], total: 4 });
  });

  it('orders notes created at the same instant by id, whatever order they come in', () => {
    const at = '2026-03-09T00:00:00.000Z';
    const same = [record(8, 'p1', { createdAt: at }), record(6, 'p1', { createdAt: at }), record(7, 'p1', { createdAt: at })];
    expect(ids(queryNoteRecords(same, {}))).toEqual([6, 7, 8]);
    expect(ids(queryNoteRecords([...same].reverse(), {}))).toEqual([6, 7, 8]);
    const pages = [0, 1, 2].flatMap((offset) => ids(queryNoteRecords([same[1]!, same[2]!, same[0]!], { offset, limit: 1 })));
    expect(pages).toEqual([6, 7, 8]);
  });

  it('refuses a limit below 1, a negative offset, fractional numbers and unknown filters', () => {
    for (const bad of [{ limit: 0 }, { limit: -1 }, { offset: -1 }, { offset: 1.5 }, { limit: 2.5 }, { unitId: 'u1' }, { reviewed: 'true' }, { personIds: ['has space'] }]) {
      expect(noteQuerySchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
      expect(() => queryNoteRecords(notes, bad as never)).toThrow();
    }
  });
});

describe('countNoteRecords', () => {
  it('counts live notes per person in [fromMs, toMs), of the named people when given', () => {
    const fromMs = Date.parse('2026-03-01T00:00:00.000Z');
    const toMs = Date.parse('2026-03-05T01:00:00.000Z');
    expect(countNoteRecords(notes, { fromMs, toMs })).toEqual(new Map([['p1', 2], ['p2', 1]]));
    expect(countNoteRecords(notes, { fromMs, toMs: toMs + 1 })).toEqual(new Map([['p1', 2], ['p2', 1], ['p3', 1]]));
    expect(countNoteRecords(notes, { personIds: ['p2', 'p3'], fromMs, toMs })).toEqual(new Map([['p2', 1]]));
    expect(countNoteRecords(notes, { personIds: ['nobody'], fromMs, toMs })).toEqual(new Map());
  });
});
