// A unit's monthly attendance bulletin's inputs (programme/monthly-bulletin.ts): who belonged to the
// unit during the month, by their dated memberships (so a closed month reads the same whoever joins,
// leaves or moves afterwards), the month's sessions with who was expected or recorded at each, and the
// attendance entries.
import { bulletinPeople } from '../programme/bulletin-people.ts';
import type { monthlyBulletin } from '../programme/monthly-bulletin.ts';
import type { Store } from '../store/store-contract.ts';
import { onRoster, type Directory } from './directory.ts';

export async function bulletinInputs(
  store: Store,
  directory: Directory,
  unitId: string,
  month: string,
  nowMs: number,
): Promise<Parameters<typeof monthlyBulletin>[0]> {
  const people = bulletinPeople(directory.people, unitId, month, directory.parentOf);
  // Every date of the month lies between its first day and day 31 (ISO dates compare as strings).
  const sessions = await store.programme.sessions({ from: `${month}-01`, to: `${month}-31` });
  const entries = await store.programme.attendance({ sessionIds: sessions.map((s) => s.id) });
  const recordedAt = new Map<string, Set<string>>();
  for (const e of entries) {
    const recorded = recordedAt.get(e.sessionId);
    if (recorded) recorded.add(e.personId);
    else recordedAt.set(e.sessionId, new Set([e.personId]));
  }
  return {
    unitId,
    month,
    people,
    sessions: sessions.map((s) => {
      const recorded = recordedAt.get(s.id) ?? new Set<string>();
      const rosterIds = new Set(people.filter((p) => recorded.has(p.id) || onRoster(s, p.id, directory)).map((p) => p.id));
      return { id: s.id, date: s.date, kind: s.kind, topic: s.topic, endMs: Date.parse(s.endsAt), rosterIds };
    }),
    entries,
    nowMs,
  };
}
