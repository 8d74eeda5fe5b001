// Store records → wire objects: what leaves the server, and nothing more (never a password hash).
import type { User } from '../../shared/schemas/auth.ts';
import type { Unit } from '../../shared/schemas/organisation.ts';
import type { Resource } from '../../shared/schemas/policy.ts';
import type { ResourceRecord, UnitRecord, UserRecord } from '../store/records.ts';

export function userView(u: UserRecord): User {
  return { id: u.id, username: u.username, name: u.name, role: u.role, unitId: u.unitId };
}

export function unitView(u: UnitRecord): Unit {
  return { id: u.id, name: u.name, parentId: u.parentId };
}

export function resourceView(r: ResourceRecord): Resource {
  return { id: r.id, name: r.name, category: r.category, kind: r.kind, patterns: [...r.patterns] };
}
