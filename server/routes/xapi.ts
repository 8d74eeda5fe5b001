// xAPI export: `GET /api/people/{id}/xapi` (the person, their leaders, admin) and
// `GET /api/units/{id}/xapi` (the unit's leaders and those above, admin), for a date range, as an array
// of statements another learning system's LRS takes as is (POST /statements): reading and watching
// with the time the learning logs credit, and notes as annotations.
import { Hono } from 'hono';
import { canViewPerson } from '../access/can-view-person.ts';
import { subtreeOf } from '../access/visibility.ts';
import { dateRangeMs } from '../aggregation/date-range.ts';
import { forbidden, notFound } from '../http/api-error.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { MAX_RANGE_DAYS, reportRange } from '../http/report-range.ts';
import { signedIn } from '../http/signed-in.ts';
import { UNIT_XAPI_MAX_DAYS } from '../../shared/schemas/xapi.ts';
import { dayNumber } from '../../shared/time/day-numbers.ts';
import type { DateRange } from '../../shared/time/periods.ts';
import { xapiStatements, type XapiRecord, type XapiStatement } from '../xapi/xapi.ts';
import type { Store, UserRecord } from '../store/store-contract.ts';

const MAX_PERSON_DAYS = MAX_RANGE_DAYS;

export function xapiRoutes(deps: AppDeps) {
  const { store, clock, config } = deps;
  async function statementsFor(people: readonly UserRecord[], range: DateRange, homePage: string): Promise<XapiStatement[]> {
    const { fromMs, toMs } = dateRangeMs(range.from, range.to, config.timeZone);
    const resources = new Map((await store.listResources()).map((r) => [r.id, r]));
    const all: XapiStatement[] = [];
    for (const person of people) {
      // A record belongs to the range it starts in, so consecutive ranges never repeat one; a segment
      // running past midnight at the end of the range keeps the credit of its next day too.
      const credits = await store.segmentCredits(person.id, dayNumber(range.from), dayNumber(range.to) + 1);
      const records: XapiRecord[] = (await store.segmentsForPerson(person.id, fromMs, toMs))
        .filter((s) => s.startMs >= fromMs)
        .map((s) => ({
          kind: 'segment',
          id: s.id,
          resourceId: s.resourceId,
          url: s.url,
          title: s.title,
          startMs: s.startMs,
          mode: s.mode,
          creditedSeconds: credits.get(s.id)?.creditedSeconds ?? 0,
        }));
      for (const { note } of (await store.notesChangedSince(person.id, 0, Number.MAX_SAFE_INTEGER)).notes) {
        const createdMs = Date.parse(note.createdAt);
        if (note.deletedAt !== null || createdMs < fromMs || createdMs >= toMs) continue;
        const { id, url, title, resourceId, quote, comment, createdAt } = note;
        records.push({ kind: 'note', id, url, title, resourceId, quote, comment, createdAt });
      }
      all.push(...xapiStatements(person, records, { homePage, timeZone: config.timeZone, resourceOf: (id) => resources.get(id) }));
    }
    return all.sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp) || (a.id < b.id ? -1 : 1));
  }

  const range = (query: Record<string, string>, maxDays: number) => reportRange(query, { nowMs: clock(), timeZone: config.timeZone, maxDays });

  return new Hono<AppEnv>()
    .get('/people/:id/xapi', signedIn(deps), async (c) => {
      const person = await store.findUserById(c.req.param('id'));
      if (!person) throw notFound(`There is no person with id "${c.req.param('id')}"`);
      if (!canViewPerson(c.get('user'), person, await unitParents(store))) throw forbidden("You may not see this person's learning records");
      return c.json(await statementsFor([person], range(c.req.query(), MAX_PERSON_DAYS), homePage(config.publicUrl, c.get('client').origin)));
    })
    .get('/units/:id/xapi', signedIn(deps, 'leader', 'admin'), async (c) => {
      const unit = await store.findUnit(c.req.param('id'));
      if (!unit) throw notFound(`There is no unit with id "${c.req.param('id')}"`);
      const parentOf = await unitParents(store);
      const viewer = c.get('user');
      // The unit is in the viewer's reach when a person placed in it would be.
      if (!canViewPerson(viewer, { id: '', unitId: unit.id }, parentOf)) throw forbidden("You may not see this unit's learning records");
      const dates = range(c.req.query(), UNIT_XAPI_MAX_DAYS);
      const unitIds = [...subtreeOf(unit.id, await store.listUnits())];
      const people = (await store.listUsers({ unitIds })).sort((a, b) => (a.username < b.username ? -1 : 1));
      return c.json(await statementsFor(people, dates, homePage(config.publicUrl, c.get('client').origin)));
    });
}

/** The office's StudyTrail address: configured, or as the client reached it. */
function homePage(publicUrl: string | null | undefined, origin: string): string {
  return `${publicUrl ?? origin}/`;
}

async function unitParents(store: Store): Promise<(unitId: string) => string | null | undefined> {
  const parents = new Map((await store.listUnits()).map((u) => [u.id, u.parentId]));
  return (unitId) => parents.get(unitId);
}
