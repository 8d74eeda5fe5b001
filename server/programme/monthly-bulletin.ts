// The monthly attendance bulletin (考勤通报) of a unit: the month's sessions its people were expected
// at, each person's counts and rate, and every late arrival, leave and absence named with its date.
import type { AttendanceEntry, MonthlyBulletin } from '../../shared/schemas/programme-attendance.ts';
import { countAttendance, sumCounts } from './attendance-counts.ts';

export interface BulletinSession {
  id: string;
  date: string;
  kind: string;
  topic: string;
  endMs: number;
  /** The people expected at it. */
  rosterIds: ReadonlySet<string>;
}

export function monthlyBulletin(input: {
  unitId: string;
  month: string;
  /** Everyone in the unit's subtree, already ordered by name. */
  people: readonly { id: string; name: string; unitId: string | null }[];
  sessions: readonly BulletinSession[];
  entries: readonly AttendanceEntry[];
  nowMs: number;
}): MonthlyBulletin {
  const inMonth = input.sessions.filter((s) => s.date.startsWith(`${input.month}-`)).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const entryOf = new Map(input.entries.map((e) => [`${e.sessionId}\u0000${e.personId}`, e]));
  const relevant = inMonth.filter((s) => input.people.some((p) => s.rosterIds.has(p.id)));
  const exceptions: MonthlyBulletin['exceptions'] = [];
  const people = input.people.map((p) => {
    const expected = relevant
      .filter((s) => s.rosterIds.has(p.id))
      .map((s) => ({ session: s, entry: entryOf.get(`${s.id}\u0000${p.id}`) ?? null }));
    for (const { session, entry } of expected) {
      const status = entry === null ? (session.endMs <= input.nowMs ? 'unrecorded' : null) : entry.status === 'present' ? null : entry.status;
      if (status === null) continue;
      exceptions.push({
        personId: p.id,
        name: p.name,
        sessionId: session.id,
        date: session.date,
        topic: session.topic,
        status,
        reason: entry?.reason ?? '',
        madeUp: entry?.makeUp != null,
      });
    }
    return { personId: p.id, name: p.name, unitId: p.unitId, counts: countAttendance(expected.map((x) => ({ endMs: x.session.endMs, entry: x.entry })), input.nowMs) };
  });
  return {
    unitId: input.unitId,
    month: input.month,
    sessions: relevant.map((s) => ({ id: s.id, date: s.date, kind: s.kind, topic: s.topic })),
    totals: sumCounts(people.map((p) => p.counts)),
    people,
    // By date, then in the people's (name) order.
    exceptions: exceptions.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
  };
}
