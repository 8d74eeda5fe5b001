// Everything the server holds about one person, as the file they download: pure, from records the
// route has loaded. Token hashes and password hashes are secrets, not data about the person: left out.
import type { PersonProgrammeRecords } from '../store/programme/state.ts';
import { PERSONAL_EXPORT_FORMAT, type PersonalExport } from '../../shared/schemas/personal-data.ts';
import { dateOfDay } from '../../shared/time/day-numbers.ts';
import type {
  AuditRecord,
  DayTotalRecord,
  NoteRecord,
  RejectedSegmentRecord,
  ResourceRecord,
  SegmentRecord,
  TokenRecord,
  UnitRecord,
  UserRecord,
} from '../store/store-contract.ts';

const iso = (ms: number) => new Date(ms).toISOString();

export function personalExport(input: {
  person: UserRecord;
  unit: UnitRecord | null;
  tokens: readonly TokenRecord[];
  segments: readonly SegmentRecord[];
  refused: readonly RejectedSegmentRecord[];
  dayTotals: readonly DayTotalRecord[];
  notes: readonly NoteRecord[];
  resources: readonly ResourceRecord[];
  audit: readonly AuditRecord[];
  programme: PersonProgrammeRecords;
  nowMs: number;
}): PersonalExport {
  const { person } = input;
  const used = new Set<string>(input.segments.map((s) => s.resourceId));
  for (const { note } of input.notes) if (note.resourceId !== null) used.add(note.resourceId);
  const byStart = <T extends { startMs: number; id: string }>(list: readonly T[]) =>
    [...list].sort((a, b) => a.startMs - b.startMs || (a.id < b.id ? -1 : 1));
  return {
    format: PERSONAL_EXPORT_FORMAT,
    formatVersion: 2,
    exportedAt: iso(input.nowMs),
    person: {
      id: person.id,
      username: person.username,
      name: person.name,
      role: person.role,
      unitId: person.unitId,
      active: person.active,
      createdAt: person.createdAt,
    },
    unit: input.unit && { id: input.unit.id, name: input.unit.name },
    signIns: input.tokens.map(({ id, kind, label, deviceId, createdAt, lastUsedAt, expiresAt }) => ({
      id,
      kind,
      label,
      deviceId,
      createdAt,
      lastUsedAt,
      expiresAt,
    })),
    segments: byStart(input.segments).map((s) => ({
      id: s.id,
      resourceId: s.resourceId,
      url: s.url,
      title: s.title,
      startedAt: iso(s.startMs),
      endedAt: iso(s.endMs),
      mode: s.mode,
      deviceId: s.deviceId,
      policyVersion: s.policyVersion,
      receivedAt: iso(s.receivedMs),
    })),
    refusedSegments: byStart(input.refused).map((r) => ({
      id: r.id,
      deviceId: r.deviceId,
      reason: r.reason,
      code: r.code,
      message: r.message,
      startedAt: iso(r.startMs),
      endedAt: iso(r.endMs),
      receivedAt: iso(r.receivedMs),
    })),
    dayTotals: input.dayTotals.map((d) => {
      const byResource: { resourceId: string; seconds: number }[] = [];
      for (let i = 0; i + 1 < d.byResource.length; i += 2) byResource.push({ resourceId: String(d.byResource[i]), seconds: Number(d.byResource[i + 1]) });
      return {
        date: dateOfDay(d.day),
        rawSeconds: d.rawSeconds,
        creditedSeconds: d.creditedSeconds,
        overlapSeconds: d.overlapSeconds,
        dailyCapSeconds: d.dailyCapSeconds,
        outsideAllowlistSeconds: d.outsideAllowlistSeconds,
        invalidSeconds: d.invalidSeconds,
        byResource,
      };
    }),
    notes: [...input.notes]
      .sort((a, b) => (a.note.createdAt < b.note.createdAt ? -1 : a.note.createdAt > b.note.createdAt ? 1 : 0))
      .map(({ note, review }) => ({ note, review })),
    resources: input.resources.filter((r) => used.has(r.id)).map(({ id, name, category, kind }) => ({ id, name, category, kind })),
    audit: input.audit.map(({ at, action, actorName, details, reason }) => ({ at, action, actorName, details, reason })),
    programme: {
      plans: input.programme.plans.map(({ personId: _personId, ...plan }) => plan),
      attendance: input.programme.attendance,
      visits: input.programme.visits,
      reports: input.programme.reports,
      annualNotes: input.programme.annual.map(({ year, remarks, decision, updatedAt }) => ({ year, remarks, decision, updatedAt })),
    },
  };
}
