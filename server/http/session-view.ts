// Sessions as they leave the server: the code only for those who run the session (its organiser,
// leaders over any of its units, admins), never for the people checking in with it; and who is on a
// session's roster.
import type { Session } from '../../shared/schemas/programme-calendar.ts';
import { leadsUnit } from '../access/access-rules.ts';
import { mayOrganise } from '../programme/organiser-rule.ts';
import { expectedOn } from '../programme/roster.ts';
import type { SessionRecord } from '../store/programme/records.ts';
import type { UserRecord } from '../store/store-contract.ts';
import type { Directory } from '../report-inputs/directory.ts';

/** The organiser (while still inside the session's units or over them), leaders over any of its units, admins. */
export function runsSession(viewer: UserRecord, session: SessionRecord, directory: Directory): boolean {
  if (session.unitIds.some((u) => leadsUnit(viewer, u, directory.parentOf))) return true;
  const organiser = viewer.id === session.organiserId ? directory.person(viewer.id) : undefined;
  return organiser !== undefined && mayOrganise(organiser, session.unitIds, directory.parentOf);
}

/** In the session's units on its date (dated memberships: a later hire or move changes nothing). */
export function onRoster(session: SessionRecord, personId: string, directory: Directory): boolean {
  const person = directory.person(personId);
  return person !== undefined && expectedOn(person, session.unitIds, session.date, directory.parentOf);
}

export function sessionView(session: SessionRecord, viewer: UserRecord, directory: Directory): Session {
  const { createdBy: _createdBy, createdAt: _createdAt, updatedAt: _updatedAt, code, ...rest } = session;
  return { ...rest, materials: [...rest.materials], unitIds: [...rest.unitIds], code: runsSession(viewer, session, directory) ? code : null };
}
