// A person's effective plan: their own targets (else the nearest unit's defaults, else the organisation's
// annual target, pro-rated to a quarter, as effective-target.ts measures against; never 0 by accident) and the
// must-read list of every unit above them followed by their own items, with the statuses they set.
// Editing applies the same split back: unit items take only a status, the rest are the person's own.
import type { PlanStage, PlanTargets, ReadingItem, ReadingStatus, SavePlan, StudyPlan } from '../../shared/schemas/programme-plans.ts';
import { daysInRange } from '../../shared/time/periods.ts';
import { stageRange } from './stage-range.ts';

/**
 * A person's own plan as these rules read and make it (the unit's items are referenced, not copied). The
 * store keeps it as `personalPlanSchema` (store/programme/records.ts), which a type check there holds
 * equal to this, so the rules need not import the store.
 */
export interface PersonalPlan {
  personId: string;
  year: number;
  stage: PlanStage;
  targets: PlanTargets | null;
  ownItems: ReadingItem[];
  unitItemStatus: Record<string, ReadingStatus>;
  updatedAt: string;
}

/** A unit's defaults for a year or stage. */
export interface UnitDefaults {
  unitId: string;
  targets: PlanTargets | null;
  items: ReadingItem[];
}

/**
 * The organisation's annual target as a plan for `stage`: the whole of it for the year, a quarter's
 * share of its days (to a tenth of an hour, as the target is shown) for a quarter, no category split.
 */
export function organisationTargets(annualHours: number, year: number, stage: PlanStage): PlanTargets {
  if (stage === 'year') return { totalHours: annualHours, byCategory: {} };
  const share = daysInRange(stageRange(year, stage)) / daysInRange(stageRange(year, 'year'));
  return { totalHours: Math.round(annualHours * share * 10) / 10, byCategory: {} };
}

/** `unitDefaults` ordered nearest unit first (the person's unit, then its parent, …). */
export function resolvePlan(input: {
  personId: string;
  year: number;
  stage: PlanStage;
  personal: PersonalPlan | null;
  unitDefaults: readonly UnitDefaults[];
  /** The organisation's annual target in hours, the target when neither the person nor a unit set one. */
  organisationAnnualHours: number;
}): StudyPlan {
  const { personal, unitDefaults } = input;
  const targets =
    personal?.targets ?? unitDefaults.find((d) => d.targets !== null)?.targets ?? organisationTargets(input.organisationAnnualHours, input.year, input.stage);
  // The office-wide list first, then each unit further down, then the person's own.
  const unitItems = [...unitDefaults].reverse().flatMap((d) => d.items);
  const status = personal?.unitItemStatus ?? {};
  return {
    personId: input.personId,
    year: input.year,
    stage: input.stage,
    targets,
    readingList: [
      ...unitItems.map((item) => ({ ...item, source: 'unit' as const, status: status[item.id] ?? 'not-started' })),
      ...(personal?.ownItems ?? []),
    ],
    updatedAt: personal?.updatedAt ?? null,
  };
}

/**
 * The personal plan after a save: statuses of unit items taken from the list, the other items kept as
 * the person's own (new ones get ids). Unit items left out of the list stay on it, unchanged.
 */
export function applyPlanEdit(input: {
  personId: string;
  year: number;
  stage: PlanStage;
  edit: SavePlan;
  unitItemIds: ReadonlySet<string>;
  previous: PersonalPlan | null;
  newId: () => string;
  now: string;
}): PersonalPlan {
  const unitItemStatus: Record<string, ReadingStatus> = { ...(input.previous?.unitItemStatus ?? {}) };
  const ownIds = new Set(input.previous?.ownItems.map((i) => i.id) ?? []);
  const ownItems: ReadingItem[] = [];
  for (const item of input.edit.readingList) {
    if (item.id !== undefined && input.unitItemIds.has(item.id)) {
      unitItemStatus[item.id] = item.status;
      continue;
    }
    ownItems.push({
      // An id the person does not own (a stale or foreign one) becomes a new item rather than a takeover.
      id: item.id !== undefined && ownIds.has(item.id) ? item.id : input.newId(),
      title: item.title,
      author: item.author,
      resourceId: item.resourceId,
      status: item.status,
      source: 'own',
    });
  }
  return { personId: input.personId, year: input.year, stage: input.stage, targets: input.edit.targets, ownItems, unitItemStatus, updatedAt: input.now };
}
