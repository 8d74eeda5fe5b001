// What saving a plan (a person's, or a unit's defaults) checks and writes beside the plan itself: the
// reading list names only resources that exist, a change of targets is told apart from a save that
// keeps them, and the audit entry describes the targets before and after.
import { CATEGORIES } from '../../shared/schemas/domain.ts';
import type { PlanTargets, SavePlan } from '../../shared/schemas/programme-plans.ts';
import { validationFailed } from './api-error.ts';
import type { Store } from '../store/store-contract.ts';

export const sameTargets = (a: PlanTargets, b: PlanTargets) =>
  a.totalHours === b.totalHours && CATEGORIES.every((k) => (a.byCategory[k] ?? null) === (b.byCategory[k] ?? null));

export const describeTargets = (t: PlanTargets | null) =>
  t === null ? 'unit default' : `total ${t.totalHours} h${CATEGORIES.filter((k) => t.byCategory[k] !== undefined).map((k) => `, ${k} ${t.byCategory[k]} h`).join('')}`;

export async function checkReadingListResources(store: Store, plan: SavePlan): Promise<void> {
  for (const item of plan.readingList) {
    if (item.resourceId !== null && !(await store.findResource(item.resourceId))) {
      throw validationFailed(`readingList: there is no resource with id "${item.resourceId}"`);
    }
  }
}
