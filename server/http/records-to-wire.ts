// Store records → wire objects: what leaves the server, and nothing more (never a password hash or a
// token hash). records-to-wire.test.ts checks that each view sends every field of its record but those it lists
// as kept back, so a field added to a record is either sent or kept back on purpose, never forgotten.
import type { User } from '../../shared/schemas/auth.ts';
import type { StoredNote } from '../../shared/schemas/notes.ts';
import type { AuditEntry, Device, Person, Unit } from '../../shared/schemas/organisation.ts';
import type { ManagedResource, Resource } from '../../shared/schemas/policy.ts';
import type { AuditRecord, NoteRecord, ResourceRecord, TokenRecord, UnitRecord, UserRecord } from '../store/store-contract.ts';

export function userView(u: UserRecord): User {
  return { id: u.id, username: u.username, name: u.name, role: u.role, unitId: u.unitId };
}

export function personView(u: UserRecord): Person {
  return { ...userView(u), active: u.active, createdAt: u.createdAt, memberships: u.memberships.map((m) => ({ ...m })) };
}

export function unitView(u: UnitRecord): Unit {
  return { id: u.id, name: u.name, parentId: u.parentId };
}

export function resourceView(r: ResourceRecord): Resource {
  return { id: r.id, name: r.name, category: r.category, kind: r.kind, patterns: [...r.patterns] };
}

export function managedResourceView(r: ResourceRecord): ManagedResource {
  return { ...resourceView(r), active: r.active };
}

export function deviceView(t: TokenRecord): Device {
  return { id: t.id, deviceId: t.deviceId, label: t.label, createdAt: t.createdAt, lastUsedAt: t.lastUsedAt };
}

/** `labelOf` names the target (`person:<id>` → the person's name) so the log never shows a bare id. */
export function auditView(a: AuditRecord, labelOf: (target: string) => string | null): AuditEntry {
  return { ...a, targetLabel: labelOf(a.target) };
}

/** `mustReadTitleOf` names the note's linked book (report-inputs/must-read-lists.ts). */
export function storedNoteView(n: NoteRecord, mustReadTitleOf: (n: NoteRecord) => string | null): StoredNote {
  return { note: n.note, personId: n.personId, review: n.review, mustReadTitle: mustReadTitleOf(n) };
}
