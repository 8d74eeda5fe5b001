// What an update to a person means beyond its fields, in both engines: the membership history it
// extends (a move, a new role or a deactivation takes effect today), whether it takes away an active
// admin (refused for the last one), and whether the person's sign-ins are revoked.
import { changeMembership } from '../programme/membership-history.ts';
import type { UserChanges, UserRecord } from './store-contract.ts';

export interface UserUpdate {
  user: UserRecord;
  /** The person was an active admin and no longer is: the store refuses it when they are the last one. */
  losesAdmin: boolean;
  /** Deactivated or given a new password: their tokens (but the one kept) are revoked. */
  revokesTokens: boolean;
}

export function planUserUpdate(old: UserRecord, changes: UserChanges, today: string): UserUpdate {
  const merged = { ...old, ...changes };
  const user: UserRecord = { ...merged, memberships: changeMembership(old.memberships, merged, today) };
  return {
    user,
    losesAdmin: old.role === 'admin' && old.active && (user.role !== 'admin' || !user.active),
    revokesTokens: (changes.active === false && old.active) || changes.passwordHash !== undefined,
  };
}

export const LAST_ADMIN_MESSAGE = 'This is the last active admin: make someone else admin first';

/** Whether putting unit `id` under `parentId` would make a cycle (under itself or one of its sub-units). */
export function makesUnitCycle(id: string, parentId: string, parentOf: (unitId: string) => string | null): boolean {
  for (let u: string | null = parentId; u !== null; u = parentOf(u)) if (u === id) return true;
  return false;
}

export const UNIT_CYCLE_MESSAGE = 'A unit cannot be moved under itself or one of its sub-units';
