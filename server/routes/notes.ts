// Notes on the server: the list a person or leader may see (filtered, newest first, never a ranking),
// and leaders' reviews (严查学习笔记) of other people's notes: one at a time, or a page at a time.
import { Hono, type Context } from 'hono';
import {
  bulkReviewRequestSchema,
  notesQuerySchema,
  reviewableNotesQuerySchema,
  reviewNoteRequestSchema,
  type NotesQuery,
} from '../../shared/schemas/notes.ts';
import { canViewPerson } from '../access/can-view-person.ts';
import { canReviewNoteOf, parentLookup, subtreeOf } from '../access/visibility.ts';
import { dateRangeMs } from '../aggregation/date-range.ts';
import { forbidden, notFound } from '../http/api-error.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { auditContext } from '../http/audit-context.ts';
import { parseOrFail, readJson } from '../http/json-body.ts';
import { signedIn } from '../http/signed-in.ts';
import { storedNoteView } from '../http/views.ts';
import { mustReadTitles } from '../programme-io/must-read-lists.ts';
import { notesMatchingQuery, newestFirst } from '../notes/query-notes.ts';
import type { NoteRecord, UserRecord } from '../store/records.ts';

/** The note with this id and its author, if the caller may review it. */
async function reviewable({ store }: AppDeps, c: Context<AppEnv>, id: string): Promise<{ record: NoteRecord; author: UserRecord }> {
  const record = await store.findNote(id);
  const author = record ? await store.findUserById(record.personId) : null;
  if (!record || record.note.deletedAt !== null || !author) throw notFound(`There is no note with id "${id}"`);
  const viewer = c.get('user');
  const parentOf = parentLookup(await store.listUnits());
  if (!canViewPerson(viewer, author, parentOf)) throw forbidden('You may not see this note');
  if (!canReviewNoteOf(viewer, author, parentOf)) throw forbidden('Only a leader over the author, or an admin, reviews a note; never its author');
  return { record, author };
}

/** The notes the viewer may see that match the filters, newest first, with the lookups used. */
async function matching({ store, config }: AppDeps, viewer: UserRecord, query: Omit<NotesQuery, 'limit'>) {
  const units = await store.listUnits();
  const parentOf = parentLookup(units);
  const inUnit = query.unitId === undefined ? null : subtreeOf(query.unitId, units);
  const people = new Map((await store.listUsers()).map((u) => [u.id, u]));
  const visible = (await store.listNotes()).filter((n) => {
    const author = people.get(n.personId);
    if (!author || !canViewPerson(viewer, author, parentOf)) return false;
    if (query.personId !== undefined && n.personId !== query.personId) return false;
    return inUnit === null || (author.unitId !== null && inUnit.has(author.unitId));
  });
  const fromMs = query.from === undefined ? undefined : dateRangeMs(query.from, query.from, config.timeZone).fromMs;
  const toMs = query.to === undefined ? undefined : dateRangeMs(query.to, query.to, config.timeZone).toMs;
  return { found: notesMatchingQuery(visible, { ...query, fromMs, toMs }).sort(newestFirst), people, parentOf };
}

export function noteRoutes(deps: AppDeps) {
  const { store, clock, config } = deps;
  /** The notes as they leave the server, each with its linked book's title. */
  const views = async (records: readonly NoteRecord[]) => {
    const titleOf = await mustReadTitles(store, config.timeZone, records);
    return records.map((r) => storedNoteView(r, titleOf));
  };
  return new Hono<AppEnv>()
    .get('/', signedIn(deps), async (c) => {
      const query = parseOrFail(notesQuerySchema, c.req.query());
      const { found } = await matching(deps, c.get('user'), query);
      return c.json(await views(found.slice(0, query.limit)));
    })
    // The review screen: only notes the caller may review (never their own), with the true total.
    .get('/reviewable', signedIn(deps, 'leader', 'admin'), async (c) => {
      const query = parseOrFail(reviewableNotesQuerySchema, c.req.query());
      const viewer = c.get('user');
      const { found, people, parentOf } = await matching(deps, viewer, query);
      const mine = found.filter((n) => canReviewNoteOf(viewer, people.get(n.personId)!, parentOf));
      const notes = await views(mine.slice(query.offset, query.offset + query.limit));
      return c.json({ total: mine.length, offset: query.offset, limit: query.limit, notes });
    })
    // Bulk 已阅: every named note is checked first, so one refused note marks none of them.
    .post('/reviews', signedIn(deps, 'leader', 'admin'), async (c) => {
      const { noteIds, comment } = await readJson(c, bulkReviewRequestSchema);
      const records: NoteRecord[] = [];
      for (const id of noteIds) records.push((await reviewable(deps, c, id)).record);
      const viewer = c.get('user');
      const review = { reviewerId: viewer.id, reviewerName: viewer.name, reviewedAt: new Date(clock()).toISOString(), comment };
      let marked = 0;
      const notes: NoteRecord[] = [];
      for (const record of records) {
        if (record.review !== null) {
          notes.push(record);
          continue;
        }
        notes.push(await store.setNoteReview(record.note.id, review, auditContext(c, undefined)));
        marked += 1;
      }
      return c.json({ marked, notes: await views(notes) });
    })
    .put('/:id/review', signedIn(deps, 'leader', 'admin'), async (c) => {
      const { record } = await reviewable(deps, c, c.req.param('id'));
      const { comment } = await readJson(c, reviewNoteRequestSchema);
      const viewer = c.get('user');
      const review = { reviewerId: viewer.id, reviewerName: viewer.name, reviewedAt: new Date(clock()).toISOString(), comment };
      const [view] = await views([await store.setNoteReview(record.note.id, review, auditContext(c, undefined))]);
      return c.json(view);
    })
    .delete('/:id/review', signedIn(deps, 'leader', 'admin'), async (c) => {
      const { record } = await reviewable(deps, c, c.req.param('id'));
      await store.setNoteReview(record.note.id, null, auditContext(c, undefined));
      return c.body(null, 204);
    });
}
