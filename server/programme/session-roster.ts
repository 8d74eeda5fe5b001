// A session's roster as those who run it tick it: everyone in its units on its date (roster.ts), then
// anyone recorded there from elsewhere, each in the unit they were in on that date, with their entry and
// the session's counts so far.
import type { AttendanceEntry, Roster } from '../../shared/schemas/programme-attendance.ts';
import { countAttendance } from './attendance-counts.ts';
import { membershipOn } from './membership-history.ts';
import { rosterFor, type RosterPerson } from './roster.ts';

export interface SessionRosterPerson extends RosterPerson {
  unitId: string | null;
}

export function sessionRoster(input: {
  session: { id: string; unitIds: readonly string[]; date: string; endsAt: string };
  people: readonly SessionRosterPerson[];
  parentOf: (unitId: string) => string | null | undefined;
  entries: readonly AttendanceEntry[];
  nowMs: number;
}): Roster {
  const { session } = input;
  const entries = new Map(input.entries.map((e) => [e.personId, e]));
  const byId = new Map(input.people.map((p) => [p.id, p]));
  const people = rosterFor(session.unitIds, session.date, input.people, input.parentOf);
  for (const personId of entries.keys()) {
    const p = byId.get(personId);
    if (p && !people.includes(p)) people.push(p);
  }
  const rows = people.map((p) => ({ personId: p.id, name: p.name, unitId: membershipOn(p.memberships, session.date)?.unitId ?? p.unitId, entry: entries.get(p.id) ?? null }));
  return {
    sessionId: session.id,
    people: rows,
    counts: countAttendance(rows.map((r) => ({ endMs: Date.parse(session.endsAt), entry: r.entry })), input.nowMs),
  };
}
