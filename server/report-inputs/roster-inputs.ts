// A session's roster's inputs (programme/session-roster.ts): the people and unit tree of the directory the
// route has loaded, and the attendance entries recorded for the session.
import type { sessionRoster } from '../programme/session-roster.ts';
import type { SessionRecord } from '../store/programme/records.ts';
import type { Store } from '../store/store-contract.ts';
import type { Directory } from './directory.ts';

export async function rosterInputs(store: Store, directory: Directory, session: SessionRecord, nowMs: number): Promise<Parameters<typeof sessionRoster>[0]> {
  return {
    session,
    people: directory.people,
    parentOf: directory.parentOf,
    entries: await store.programme.attendance({ sessionIds: [session.id] }),
    nowMs,
  };
}
