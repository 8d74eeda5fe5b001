// Sessions as they leave the server: the code only for those who run the session (its organiser,
// leaders over any of its units, admins), never for the people checking in with it.
import type { Session } from '../../shared/schemas/programme-calendar.ts';
import type { SessionRecord } from '../store/programme/records.ts';
import type { UserRecord } from '../store/records.ts';
import type { Directory } from './directory.ts';

export function runsSession(viewer: UserRecord, session: SessionRecord, directory: Directory): boolean {
  return viewer.id === session.organiserId || session.unitIds.some((u) => directory.manages(viewer, u));
}

export function sessionView(session: SessionRecord, viewer: UserRecord, directory: Directory): Session {
  const { createdBy: _createdBy, createdAt: _createdAt, updatedAt: _updatedAt, code, ...rest } = session;
  return { ...rest, materials: [...rest.materials], unitIds: [...rest.unitIds], code: runsSession(viewer, session, directory) ? code : null };
}
