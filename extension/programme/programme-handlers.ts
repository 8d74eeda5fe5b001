// The background's programme requests: they call the server (through the extension's one client,
// sync/server-client.ts) with the signed-in person's token and turn its answers into what the popup and
// the note editor show. Check-in and progress are live questions to the server; the must-read books are
// kept too (one person and year), so the note editor's picker still lists them, as last fetched, when the
// server cannot be reached. Years are the organisation's: on 1 January in Shanghai a browser set to UTC
// would still be in December.
import { dateInZone } from '../../shared/time/zoned-days.ts';
import { readOrganisationZone } from '../storage/organisation-zone.ts';
import { mustReadBooksItem, sessionItem, type Session } from '../storage/items.ts';
import { ownerOf } from '../storage/owner.ts';
import { BackgroundFailure } from '../rpc/failure.ts';
import type { HandlersOf } from '../rpc/handler-map.ts';
import { ServerError, type ServerClient } from '../sync/server-client.ts';
import { CHECK_IN_REFUSALS, type CheckInRefusal, type MustReadBook, type ProgrammeProtocol } from './programme-protocol.ts';

export interface ProgrammeDeps {
  readonly now: () => number;
  readonly client: Pick<ServerClient, 'checkIn' | 'getYearPlan' | 'getYearPlanProgress'>;
}

/** A failure of a server call as a code the popup and the note editor explain. */
function explained(error: unknown): unknown {
  if (!(error instanceof ServerError)) return error;
  switch (error.kind) {
    case 'unreachable':
      return new BackgroundFailure('unreachable', error.message);
    case 'unauthorized':
      // The client has already marked the account as needing sign-in.
      return new BackgroundFailure('signed_out', 'the server no longer accepts this sign-in');
    case 'http':
    case 'invalid-response':
      return new BackgroundFailure('server_error', error.message);
  }
}

/** The signed-in session; null when nobody is; a refused token (needing sign-in again) fails as signed out. */
async function askingSession(): Promise<Session | null> {
  const session = await sessionItem.getValue();
  if (session?.needsSignIn === true) throw new BackgroundFailure('signed_out', 'sign in first');
  return session;
}

async function organisationYear(instantMs: number): Promise<number> {
  return Number(dateInZone(instantMs, await readOrganisationZone()).slice(0, 4));
}

/** The year plan's books, fetched; on a failure to reach the server, the list kept for this person and year. */
async function mustReadBooks(deps: ProgrammeDeps, year: number): Promise<readonly MustReadBook[] | null> {
  const session = await askingSession();
  if (session === null) return null;
  const owner = ownerOf(session.server, session.user.id);
  try {
    const plan = await deps.client.getYearPlan(session.server, session.token, session.user.id, year);
    const books = plan.readingList.map((item) => ({ id: item.id, title: item.title }));
    await mustReadBooksItem.setValue({ owner, year, books, fetchedAt: deps.now() });
    return books;
  } catch (error) {
    const kept = await mustReadBooksItem.getValue();
    const offline = error instanceof ServerError && error.kind === 'unreachable';
    if (offline && kept !== null && kept.owner === owner && kept.year === year) return kept.books;
    throw explained(error);
  }
}

export function programmeHandlers(deps: ProgrammeDeps): HandlersOf<ProgrammeProtocol> {
  return {
    checkIn: async ({ code }) => {
      const session = await askingSession();
      if (session === null) throw new BackgroundFailure('signed_out', 'sign in first');
      try {
        const { session: checkedIn, entry } = await deps.client.checkIn(session.server, session.token, code);
        return { outcome: 'checked-in', topic: checkedIn.topic, late: entry.status === 'late' };
      } catch (error) {
        const reason = error instanceof ServerError && error.kind === 'http' ? (error.code ?? '') : '';
        if ((CHECK_IN_REFUSALS as readonly string[]).includes(reason)) return { outcome: 'refused', reason: reason as CheckInRefusal };
        throw explained(error);
      }
    },
    planProgress: async () => {
      const session = await askingSession();
      if (session === null) return null;
      const year = await organisationYear(deps.now());
      const p = await deps.client.getYearPlanProgress(session.server, session.token, session.user.id, year).catch((error: unknown) => {
        throw explained(error);
      });
      return { year, targetHours: p.total.targetHours, achievedSeconds: p.total.achievedSeconds, readingDone: p.reading.done, readingTotal: p.reading.total };
    },
    mustReadBooks: async ({ writtenAt }) => mustReadBooks(deps, await organisationYear(writtenAt)),
  };
}
