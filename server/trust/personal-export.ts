// Everything the server holds about one person, as the file they download: pure, from records the
// route has loaded. Token hashes and password hashes are secrets, not data about the person: left out.
import { PERSONAL_EXPORT_FORMAT, type PersonalExport } from '../../shared/schemas/personal-data.ts';
import type { AuditRecord, ResourceRecord, SegmentRecord, UnitRecord, UserRecord } from '../store/records.ts';

export function personalExport(input: {
  person: UserRecord;
  unit: UnitRecord | null;
  segments: readonly SegmentRecord[];
  resources: readonly ResourceRecord[];
  audit: readonly AuditRecord[];
  nowMs: number;
}): PersonalExport {
  const { person } = input;
  const used = new Set(input.segments.map((s) => s.resourceId));
  return {
    format: PERSONAL_EXPORT_FORMAT,
    formatVersion: 1,
    exportedAt: new Date(input.nowMs).toISOString(),
    person: { id: person.id, username: person.username, name: person.name, role: person.role, unitId: person.unitId, createdAt: person.createdAt },
    unit: input.unit && { id: input.unit.id, name: input.unit.name },
    segments: [...input.segments]
      .sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt) || (a.id < b.id ? -1 : 1))
      .map(({ id, resourceId, url, title, startedAt, endedAt, mode, deviceId, policyVersion, receivedAt }) => ({
        id,
        resourceId,
        url,
        title,
        startedAt,
        endedAt,
        mode,
        deviceId,
        policyVersion,
        receivedAt,
      })),
    resources: input.resources.filter((r) => used.has(r.id)).map(({ id, name, category, kind }) => ({ id, name, category, kind })),
    audit: input.audit.map(({ at, action, actorName, reason }) => ({ at, action, actorName, reason })),
  };
}
