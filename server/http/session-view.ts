// Sessions as they leave the server: the code only for those who run the session (its organiser,
// leaders over any of its units, admins), never for the people checking in with it.
import type { Session } from '../../shared/schemas/programme-calendar.ts';
import { leadsUnit } from '../access/access-rules.ts';
import { mayOrganise } from '../programme/organiser-rule.ts';
import type { SessionRecord } from '../store/programme/records.ts';
import type { UserRecord } from '../store/store-contract.ts';
import type { Directory } from '../report-inputs/directory.ts';

/** The organiser (while still inside the session's units or over them), leaders over any of its units, admins. */
export function runsSession(viewer: UserRecord, session: SessionRecord, directory: Directory): boolean {
  if (session.unitIds.some((u) => leadsUnit(viewer, u, directory.parentOf))) return true;
  const organiser = viewer.id === session.organiserId ? directory.person(viewer.id) : undefined;
  return organiser !== undefined && mayOrganise(organiser, session.unitIds, directory.parentOf);
}

export function sessionView(session: SessionRecord, viewer: UserRecord, directory: Directory): Session {
  const { createdBy: _createdBy, createdAt: _createdAt, updatedAt: _updatedAt, code, ...rest } = session;
  // A database row written before versions were kept has no `creditRule` at all.
  return { ...rest, creditRule: rest.creditRule ?? null, materials: [...rest.materials], unitIds: [...rest.unitIds], code: runsSession(viewer, session, directory) ? code : null };
}
