// canViewPerson's rule (can-view-person.ts) as a read of the store: a leader sees the people whose
// unit is in their subtree, so only those are asked for; admins everyone; anyone else themselves.
import type { Store, UnitRecord, UserRecord } from '../store/store-contract.ts';
import { subtreeOf } from './visibility.ts';

export async function visiblePeople(store: Pick<Store, 'listUsers'>, viewer: UserRecord, units: readonly UnitRecord[]): Promise<UserRecord[]> {
  if (viewer.role === 'admin') return store.listUsers();
  // The leader's own unit is the subtree's root, so they are among its people.
  if (viewer.role === 'leader' && viewer.unitId !== null) return store.listUsers({ unitIds: [...subtreeOf(viewer.unitId, units)] });
  return store.listUsers({ ids: [viewer.id] });
}
