// Whom a unit's monthly bulletin (考勤通报) lists: everyone who belonged to the unit or a unit under it
// on some day of the month, by their dated memberships, shown in the unit they were in at the month's
// end (or when they left). Joiners, leavers and transfers after the month change nothing.
import type { Membership } from '../../shared/schemas/membership.ts';
import { byName } from './roster.ts';
import { isUnder } from './unit-tree.ts';

export interface BulletinPerson {
  id: string;
  name: string;
  unitId: string | null;
}

export function bulletinPeople(
  people: readonly { id: string; name: string; memberships: readonly Membership[] }[],
  unitId: string,
  month: string,
  parentOf: (unitId: string) => string | null | undefined,
): BulletinPerson[] {
  const first = `${month}-01`;
  const last = `${month}-31`;
  const listed: BulletinPerson[] = [];
  for (const p of people) {
    const during = p.memberships.filter((m) => m.from <= last && (m.to === null || m.to >= first) && isUnder(m.unitId, [unitId], parentOf));
    if (during.length === 0) continue;
    const latest = during.reduce((a, b) => (b.from > a.from ? b : a));
    listed.push({ id: p.id, name: p.name, unitId: latest.unitId });
  }
  return listed.sort(byName);
}
