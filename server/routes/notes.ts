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
import { canViewPerson, oversees, parentLookup, subtreeOf, visiblePeople } from '../access/access-rules.ts';
import { dateRangeMs } from '../aggregation/date-range.ts';
import { forbidden, notFound } from '../http/api-error.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { auditContext } from '../http/audit-context.ts';
import { parseOrFail, readJson } from '../http/json-body.ts';
import { signedIn } from '../http/signed-in.ts';
import { storedNoteView } from '../http/records-to-wire.ts';
import { mustReadTitles } from '../report-inputs/must-read-lists.ts';
import type { NotePage } from '../store/note-query.ts';
import type { NoteRecord, UserRecord } from '../store/store-contract.ts';

/** The note with this id and its author, if the caller may review it. */
async function reviewable({ store }: AppDeps, c: Context<AppEnv>, id: string): Promise<{ record: NoteRecord; author: UserRecord }> {
  const record = await store.findNote(id);
  const author = record ? await store.findUserById(record.personId) : null;
  if (!record || record.note.deletedAt !== null || !author) throw notFound(`There is no note with id "${id}"`);
  const viewer = c.get('user');
  const parentOf = parentLookup(await store.listUnits());
  if (!canViewPerson(viewer, author, parentOf)) throw forbidden('You may not see this note');
  if (!oversees(viewer, author, parentOf)) throw forbidden('Only a leader over the author, or an admin, reviews a note; never its author');
  return { record, author };
}

/**
 * The page of notes the viewer may see that match the filters, newest first, and the true total. The
 * route decides whose notes qualify (visibility, the person and unit filters, `reviewOnly`: people the
 * viewer reviews); the store filters, orders and pages their notes.
 */
async function matching(
  { store, config }: AppDeps,
  viewer: UserRecord,
  query: Omit<NotesQuery, 'limit'> & { offset: number; limit: number },
  reviewOnly: boolean,
): Promise<NotePage> {
  const units = await store.listUnits();
  const parentOf = parentLookup(units);
  const inUnit = query.unitId === undefined ? null : subtreeOf(query.unitId, units);
  const personIds = (await visiblePeople(store, viewer, units))
    .filter((author) => {
      if (query.personId !== undefined && author.id !== query.personId) return false;
      if (inUnit !== null && (author.unitId === null || !inUnit.has(author.unitId))) return false;
      return !reviewOnly || oversees(viewer, author, parentOf);
    })
    .map((author) => author.id);
  return store.queryNotes({
    personIds,
    resourceId: query.resourceId,
    tag: query.tag,
    fromMs: query.from === undefined ? undefined : dateRangeMs(query.from, query.from, config.timeZone).fromMs,
    toMs: query.to === undefined ? undefined : dateRangeMs(query.to, query.to, config.timeZone).toMs,
    reviewed: query.reviewed === undefined ? 'any' : query.reviewed === 'true' ? 'yes' : 'no',
    text: query.q,
    offset: query.offset,
    limit: query.limit,
  });
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
      const { notes } = await matching(deps, c.get('user'), { ...query, offset: 0 }, false);
      return c.json(await views(notes));
    })
    // The review screen: only notes the caller may review (never their own), with the true total.
    .get('/reviewable', signedIn(deps, 'leader', 'admin'), async (c) => {
      const query = parseOrFail(reviewableNotesQuerySchema, c.req.query());
      const { notes, total } = await matching(deps, c.get('user'), query, true);
      return c.json({ total, offset: query.offset, limit: query.limit, notes: await views(notes) });
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
