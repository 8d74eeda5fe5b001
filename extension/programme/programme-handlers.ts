// The background's programme requests: they call the server with the signed-in person's token and turn
// its answers into what the popup and the note editor show. Check-in and progress are live questions to
// the server; the must-read books are kept too (one person and year), so the note editor's picker still
// lists them, as last fetched, when the server cannot be reached.
import { z } from 'zod';
import { errorBodySchema } from '../../shared/schemas/errors.ts';
import { attendanceEntrySchema } from '../../shared/schemas/programme-attendance.ts';
import { sessionSchema } from '../../shared/schemas/programme-calendar.ts';
import { planProgressSchema, studyPlanSchema } from '../../shared/schemas/programme-plans.ts';
import { dateInZone } from '../../shared/time/zoned-days.ts';
import { readOrganisationZone } from '../account/organisation-zone.ts';
import { mustReadBooksItem, sessionItem } from '../storage/items.ts';
import { ownerOf } from '../storage/owner.ts';
import { BackgroundFailure, type Handlers } from '../messaging/protocol.ts';
import { CHECK_IN_REFUSALS, type CheckInRefusal, type MustReadBook } from './programme-protocol.ts';

const checkInResponseSchema = z.object({ session: sessionSchema, entry: attendanceEntrySchema });
const REQUEST_TIMEOUT_MS = 15_000;

export interface ProgrammeDeps {
  readonly now: () => number;
  readonly fetch: typeof fetch;
}

async function call(deps: ProgrammeDeps, method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const session = await sessionItem.getValue();
  if (session === null || session.needsSignIn) throw new BackgroundFailure('signed_out', 'sign in first');
  let response: Response;
  try {
    response = await deps.fetch(`${session.server}${path}`, {
      method,
      headers: { accept: 'application/json', authorization: `Bearer ${session.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      cache: 'no-store',
    });
  } catch (error) {
    throw new BackgroundFailure('unreachable', error instanceof Error ? error.message : String(error));
  }
  if (response.status === 401) throw new BackgroundFailure('signed_out', 'the server no longer accepts this sign-in');
  return { status: response.status, json: await response.json().catch(() => undefined) };
}

function parsed<S extends z.ZodType>(schema: S, json: unknown): z.output<S> {
  const checked = schema.safeParse(json);
  if (!checked.success) throw new BackgroundFailure('server_error', 'unexpected answer from the server');
  return checked.data;
}

/** The year plan's books, fetched; on a failure to reach the server, the list kept for this person and year. */
async function mustReadBooks(deps: ProgrammeDeps, year: number): Promise<readonly MustReadBook[] | null> {
  const session = await sessionItem.getValue();
  if (session === null) return null;
  const owner = ownerOf(session.server, session.user.id);
  try {
    const { status, json } = await call(deps, 'GET', `/api/people/${encodeURIComponent(session.user.id)}/plans/${year}/year`);
    if (status !== 200) throw new BackgroundFailure('server_error', `HTTP ${status}`);
    const books = parsed(studyPlanSchema, json).readingList.map((item) => ({ id: item.id, title: item.title }));
    await mustReadBooksItem.setValue({ owner, year, books, fetchedAt: deps.now() });
    return books;
  } catch (error) {
    const kept = await mustReadBooksItem.getValue();
    const offline = error instanceof BackgroundFailure && error.code === 'unreachable';
    if (offline && kept !== null && kept.owner === owner && kept.year === year) return kept.books;
    throw error;
  }
}

export function programmeHandlers(deps: ProgrammeDeps): Pick<Handlers, 'checkIn' | 'planProgress' | 'mustReadBooks'> {
  return {
    checkIn: async ({ code }) => {
      const { status, json } = await call(deps, 'POST', '/api/check-in', { code });
      if (status === 201) {
        const { session, entry } = parsed(checkInResponseSchema, json);
        return { outcome: 'checked-in', topic: session.topic, late: entry.status === 'late' };
      }
      const error = errorBodySchema.safeParse(json);
      const reason = error.success ? error.data.error.code : '';
      if ((CHECK_IN_REFUSALS as readonly string[]).includes(reason)) return { outcome: 'refused', reason: reason as CheckInRefusal };
      throw new BackgroundFailure('server_error', error.success ? error.data.error.message : `HTTP ${status}`);
    },
    planProgress: async () => {
      const session = await sessionItem.getValue();
      if (session === null) return null;
      // The organisation's year: on 1 January in Shanghai a browser set to UTC would still be in December.
      const year = Number(dateInZone(deps.now(), await readOrganisationZone()).slice(0, 4));
      const { status, json } = await call(deps, 'GET', `/api/people/${encodeURIComponent(session.user.id)}/plans/${year}/year/progress`);
      if (status !== 200) throw new BackgroundFailure('server_error', `HTTP ${status}`);
      const p = parsed(planProgressSchema, json);
      return { year, targetHours: p.total.targetHours, achievedSeconds: p.total.achievedSeconds, readingDone: p.reading.done, readingTotal: p.reading.total };
    },
    mustReadBooks: async ({ writtenAt }) => mustReadBooks(deps, Number(dateInZone(writtenAt, await readOrganisationZone()).slice(0, 4))),
  };
}
