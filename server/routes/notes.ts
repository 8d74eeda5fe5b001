// Notes on the server: the list a person or leader may see (filtered, newest first, never a ranking),
// and leaders' reviews (严查学习笔记) of other people's notes.
import { Hono, type Context } from 'hono';
import { notesQuerySchema, reviewNoteRequestSchema } from '../../shared/schemas/notes.ts';
import { canViewPerson } from '../access/can-view-person.ts';
import { canReviewNoteOf, parentLookup, subtreeOf } from '../access/visibility.ts';
import { dateRangeMs } from '../aggregation/date-range.ts';
import { forbidden, notFound } from '../http/api-error.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { auditContext } from '../http/audit-context.ts';
import { parseOrFail, readJson } from '../http/json-body.ts';
import { signedIn } from '../http/signed-in.ts';
import { storedNoteView } from '../http/views.ts';
import { filterNotes, newestFirst } from '../notes/note-filters.ts';
import type { NoteRecord, UserRecord } from '../store/records.ts';

/** The note named in the path and its author, if the caller may review it. */
async function reviewable({ store }: AppDeps, c: Context<AppEnv>): Promise<{ record: NoteRecord; author: UserRecord }> {
  const id = c.req.param('id')!;
  const record = await store.findNote(id);
  const author = record ? await store.findUserById(record.personId) : null;
  if (!record || record.note.deletedAt !== null || !author) throw notFound(`There is no note with id "${id}"`);
  const viewer = c.get('user');
  const parentOf = parentLookup(await store.listUnits());
  if (!canViewPerson(viewer, author, parentOf)) throw forbidden('You may not see this note');
  if (!canReviewNoteOf(viewer, author, parentOf)) throw forbidden('Only a leader over the author, or an admin, reviews a note; never its author');
  return { record, author };
}

export function noteRoutes(deps: AppDeps) {
  const { store, clock, config } = deps;
  return new Hono<AppEnv>()
    .get('/', signedIn(deps), async (c) => {
      const query = parseOrFail(notesQuerySchema, c.req.query());
      const viewer = c.get('user');
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
      const found = filterNotes(visible, { ...query, fromMs, toMs }).sort(newestFirst).slice(0, query.limit);
      return c.json(found.map(storedNoteView));
    })
    .put('/:id/review', signedIn(deps, 'leader', 'admin'), async (c) => {
      const { record } = await reviewable(deps, c);
      const { comment } = await readJson(c, reviewNoteRequestSchema);
      const viewer = c.get('user');
      const review = { reviewerId: viewer.id, reviewerName: viewer.name, reviewedAt: new Date(clock()).toISOString(), comment };
      return c.json(storedNoteView(await store.setNoteReview(record.note.id, review, auditContext(c, undefined))));
    })
    .delete('/:id/review', signedIn(deps, 'leader', 'admin'), async (c) => {
      const { record } = await reviewable(deps, c);
      await store.setNoteReview(record.note.id, null, auditContext(c, undefined));
      return c.body(null, 204);
    });
}
