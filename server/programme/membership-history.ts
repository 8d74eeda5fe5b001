// A person's unit and role as dated periods: what a change on a date does to them, and where the
// person stood on a date. Rosters, bulletins and summaries ask "on that day", never "now", so joiners,
// leavers and transfers never rewrite the past.
import type { Role } from '../../shared/schemas/domain.ts';
import type { Membership } from '../../shared/schemas/membership.ts';
import { dateOfDay, dayNumber } from '../../shared/time/day-numbers.ts';

export interface MembershipState {
  unitId: string | null;
  role: Role;
  active: boolean;
}

const dayBefore = (date: string) => dateOfDay(dayNumber(date) - 1);

/**
 * Where history begins for a person stored before it was kept: in their unit and role since the day
 * their account was created. Someone already deactivated has no known leaving date, so they get no
 * period at all and appear only where they were recorded (as rosters showed them before).
 */
export function originMemberships(person: MembershipState, createdOn: string): Membership[] {
  return person.active ? [{ from: createdOn, to: null, unitId: person.unitId, role: person.role }] : [];
}

/**
 * The periods after a change taking effect on `date`: the open period ends the day before and, while
 * the person stays active, a new one starts that day. A period that would end before it began (two
 * changes on one day) is dropped; a change to neither unit, role nor active state changes nothing.
 */
export function changeMembership(memberships: readonly Membership[], next: MembershipState, date: string): Membership[] {
  const open = memberships.find((m) => m.to === null) ?? null;
  if (open && next.active && open.unitId === next.unitId && open.role === next.role) return [...memberships];
  if (!open && !next.active) return [...memberships];
  const closed = memberships.flatMap((m) => {
    if (m.to !== null) return [m];
    return m.from <= dayBefore(date) ? [{ ...m, to: dayBefore(date) }] : [];
  });
  return next.active ? [...closed, { from: date, to: null, unitId: next.unitId, role: next.role }] : closed;
}

/** The period the person was in on `date`, or null (not yet joined, or left). */
export function membershipOn(memberships: readonly Membership[], date: string): Membership | null {
  return memberships.find((m) => m.from <= date && (m.to === null || date <= m.to)) ?? null;
}

/** The latest period begun by `date` (the unit someone belonged to last, as at that day), or null. */
export function latestMembershipBy(memberships: readonly Membership[], date: string): Membership | null {
  let latest: Membership | null = null;
  for (const m of memberships) if (m.from <= date && (latest === null || m.from > latest.from)) latest = m;
  return latest;
}

/** The first day the person belonged anywhere, or null. */
export function firstDay(memberships: readonly Membership[]): string | null {
  return memberships.reduce<string | null>((first, m) => (first === null || m.from < first ? m.from : first), null);
}

/** The last day the person belonged anywhere, or null while they still do (or never did). */
export function lastDay(memberships: readonly Membership[]): string | null {
  if (memberships.length === 0 || memberships.some((m) => m.to === null)) return null;
  return memberships.reduce((last, m) => (m.to! > last ? m.to! : last), memberships[0]!.to!);
}

/** Whether some period overlapping the range was in a unit `inUnit` accepts. */
export function belongedDuring(memberships: readonly Membership[], from: string, to: string, inUnit: (unitId: string | null) => boolean): boolean {
  return memberships.some((m) => m.from <= to && (m.to === null || m.to >= from) && inUnit(m.unitId));
}
