// Notes linked to a must-read book (必读书目) by the author's choice: over real HTTP, a linked note
// counts for its book in the plan's progress; a link to a book not on the author's list for the note's
// year is refused with its own code and changes nothing; an unlinked note still counts by its tag; the
// notes lists name the linked book.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { reviewableNotesPageSchema, storedNoteSchema, type Note } from '../../shared/schemas/notes.ts';
import { planProgressSchema, unitPlanDefaultsSchema } from '../../shared/schemas/programme-plans.ts';
import { syncResponseSchema } from '../../shared/schemas/sync.ts';
import { expectData } from '../support/api-client.ts';
import { startApiServer, type ApiServer } from '../support/api-server.ts';
import { seedOrganisation } from '../support/organisation.ts';

let server: ApiServer;
let org: Awaited<ReturnType<typeof seedOrganisation>>;
/** The office's 2026 list (every member's), the culture unit's 2026 list, the office's 2025 list. */
let books: { office: string; second: string; culture: string; lastYear: string };

const defaults = (readingList: unknown[]) => ({ targets: { totalHours: 50, byCategory: {} }, readingList });

beforeAll(async () => {
  server = await startApiServer({ nowMs: Date.parse('2026-03-10T12:00:00+08:00') });
  org = await seedOrganisation(server);
  const lead = org.people.leadOffice.token;
  const office = expectData(
    await server.api.put(`/api/units/${org.units.office.id}/plan-defaults/2026/year`, defaults([{ title: '乡土中国' }, { title: '政协章程' }]), lead),
    unitPlanDefaultsSchema,
  );
  const culture = expectData(
    await server.api.put(`/api/units/${org.units.culture.id}/plan-defaults/2026/year`, defaults([{ title: '中国文化概论' }]), org.people.leadCulture.token),
    unitPlanDefaultsSchema,
  );
  const lastYear = expectData(await server.api.put(`/api/units/${org.units.office.id}/plan-defaults/2025/year`, defaults([{ title: '论语' }]), lead), unitPlanDefaultsSchema);
  books = { office: office.readingList[0]!.id, second: office.readingList[1]!.id, culture: culture.readingList[0]!.id, lastYear: lastYear.readingList[0]!.id };
});
afterAll(() => server.close());

const note = (overrides: Partial<Note> = {}): Note => ({
  id: randomUUID(),
  url: null,
  canonicalUrl: null,
  title: '读书笔记',
  resourceId: null,
  selectors: [],
  quote: '',
  comment: '体会',
  tags: [],
  colour: 'yellow',
  mustRead: null,
  createdAt: '2026-03-09T01:00:00.000Z',
  updatedAt: '2026-03-09T01:00:00.000Z',
  deletedAt: null,
  ...overrides,
});
const sync = async (token: string, notes: unknown[]) =>
  expectData(await server.api.post('/api/sync', { deviceId: 'd', segments: [], notes }, token), syncResponseSchema);
const myNotes = async (token: string) => expectData(await server.api.get('/api/notes', token), z.array(storedNoteSchema));
const counts = async (personId: string, token: string) => {
  const progress = expectData(await server.api.get(`/api/people/${personId}/plans/2026/year/progress`, token), planProgressSchema);
  return Object.fromEntries(progress.reading.items.map((i) => [i.title, i.notesCount]));
};

describe('notes linked to a must-read book', () => {
  it('count for the chosen book in the plan’s progress, and the link comes back with the note', async () => {
    const me = org.people.staffResearch;
    const linked = note({ mustRead: { bookId: books.office }, tags: ['政协章程'] });
    const answer = await sync(me.token, [linked]);
    expect(answer).toMatchObject({ accepted: [linked.id], rejected: [] });
    expect((await myNotes(me.token)).find((n) => n.note.id === linked.id)).toMatchObject({ note: { mustRead: { bookId: books.office } }, mustReadTitle: '乡土中国' });
    // A leader reviewing it sees the book's title too.
    const review = expectData(await server.api.get(`/api/notes/reviewable?personId=${me.user.id}`, org.people.leadOffice.token), reviewableNotesPageSchema);
    expect(review.notes.find((n) => n.note.id === linked.id)?.mustReadTitle).toBe('乡土中国');
    // The explicit choice decides: the tag naming the other book no longer counts this note there.
    expect(await counts(me.user.id, me.token)).toEqual({ 乡土中国: 1, 政协章程: 0 });
    // The choice can be changed later, to another book on the list, and the count follows it.
    await sync(me.token, [{ ...linked, mustRead: { bookId: books.second }, updatedAt: '2026-03-09T02:00:00.000Z' }]);
    expect(await counts(me.user.id, me.token)).toEqual({ 乡土中国: 0, 政协章程: 1 });
    expect((await myNotes(me.token)).find((n) => n.note.id === linked.id)?.mustReadTitle).toBe('政协章程');
  });

  it('refuses a link to a book off the author’s list for the note’s year, naming it, and stores nothing', async () => {
    const me = org.people.staffResearch;
    const unknown = note({ mustRead: { bookId: 'no-such-book' } });
    const otherUnit = note({ mustRead: { bookId: books.culture } });
    const otherYear = note({ mustRead: { bookId: books.lastYear } });
    // The 2025 book is refused for a note written in 2026, and the 2026 book for one written in 2025.
    const writtenLastYear = note({ mustRead: { bookId: books.office }, createdAt: '2025-12-31T15:00:00.000Z', updatedAt: '2025-12-31T15:00:00.000Z' });
    const before = await server.snapshot();
    const answer = await sync(me.token, [unknown, otherUnit, otherYear, writtenLastYear]);
    expect(answer.accepted).toEqual([]);
    expect(answer.rejected.map((r) => [r.id, r.code])).toEqual([
      [unknown.id, 'unknown_must_read_book'],
      [otherUnit.id, 'unknown_must_read_book'],
      [otherYear.id, 'unknown_must_read_book'],
      [writtenLastYear.id, 'unknown_must_read_book'],
    ]);
    expect(answer.rejected[0]!.message).toBe('mustRead: "no-such-book" is not a book on your must-read list for 2026');
    expect(answer.rejected[3]!.message).toContain('for 2025');
    expect(await server.snapshot()).toBe(before);
  });

  it('refuses a changed link to a bad book and keeps the stored version; a deletion always goes through', async () => {
    const me = org.people.staffResearch;
    const kept = note({ mustRead: { bookId: books.office } });
    await sync(me.token, [kept]);
    const before = await server.snapshot();
    const bad = await sync(me.token, [{ ...kept, comment: '改了', mustRead: { bookId: books.culture }, updatedAt: '2026-03-09T03:00:00.000Z' }]);
    expect(bad.rejected.map((r) => r.code)).toEqual(['unknown_must_read_book']);
    expect(await server.snapshot()).toBe(before);
    expect((await myNotes(me.token)).find((n) => n.note.id === kept.id)?.note).toMatchObject({ comment: '体会', mustRead: { bookId: books.office } });
    const gone = await sync(me.token, [{ ...kept, mustRead: { bookId: 'no-such-book' }, deletedAt: '2026-03-09T04:00:00.000Z' }]);
    expect(gone.accepted).toEqual([kept.id]);
  });

  it('lets the culture unit link its own book, and counts an unlinked note by its tag as before', async () => {
    const them = org.people.staffCulture;
    const linked = note({ mustRead: { bookId: books.culture } });
    const tagged = note({ tags: ['“乡土 中国”'] });
    expect((await sync(them.token, [linked, tagged])).accepted).toEqual([linked.id, tagged.id]);
    expect(await counts(them.user.id, them.token)).toEqual({ 乡土中国: 1, 政协章程: 0, 中国文化概论: 1 });
  });

  it('keeps a link when its book leaves the list: edits still go through, the title is no longer given', async () => {
    const them = org.people.staffCulture;
    const linked = note({ mustRead: { bookId: books.culture } });
    await sync(them.token, [linked]);
    await server.api.put(`/api/units/${org.units.culture.id}/plan-defaults/2026/year`, defaults([{ title: '另一本书' }]), org.people.leadCulture.token);
    const edited = await sync(them.token, [{ ...linked, comment: '补充', updatedAt: '2026-03-09T05:00:00.000Z' }]);
    expect(edited).toMatchObject({ accepted: [linked.id], rejected: [] });
    expect((await myNotes(them.token)).find((n) => n.note.id === linked.id)).toMatchObject({ note: { comment: '补充', mustRead: { bookId: books.culture } }, mustReadTitle: null });
    // Linking a new note to the book that left is refused.
    expect((await sync(them.token, [note({ mustRead: { bookId: books.culture } })])).rejected.map((r) => r.code)).toEqual(['unknown_must_read_book']);
  });

  it('accepts a note written before links existed (no mustRead field) as unlinked', async () => {
    const me = org.people.staffCulture;
    const { mustRead: _dropped, ...old } = note({ comment: '旧笔记' });
    expect((await sync(me.token, [old])).accepted).toEqual([old.id]);
    expect((await myNotes(me.token)).find((n) => n.note.id === old.id)?.note.mustRead).toBeNull();
  });
});
