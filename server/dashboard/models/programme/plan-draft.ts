// The plan editor's state: targets as typed (text, so a half-typed number is not lost) and the
// must-read list; turned into the save request with the shared schema, problems named by field.
import { CATEGORIES, type Category } from '../../../../shared/schemas/domain.ts';
import { savePlanSchema, type ReadingStatus, type SavePlan, type StudyPlan } from '../../../../shared/schemas/programme-plans.ts';

export interface DraftItem {
  id: string | undefined;
  title: string;
  author: string;
  resourceId: string | null;
  status: ReadingStatus;
  /** Unit items can change status only. */
  locked: boolean;
}

export interface PlanDraft {
  totalHours: string;
  byCategory: Record<Category, string>;
  items: DraftItem[];
}

export function draftFromPlan(plan: Pick<StudyPlan, 'targets' | 'readingList'>): PlanDraft {
  return {
    totalHours: String(plan.targets.totalHours),
    byCategory: Object.fromEntries(CATEGORIES.map((c) => [c, plan.targets.byCategory[c] === undefined ? '' : String(plan.targets.byCategory[c])])) as Record<Category, string>,
    items: plan.readingList.map((i) => ({ id: i.id, title: i.title, author: i.author, resourceId: i.resourceId, status: i.status, locked: i.source === 'unit' })),
  };
}

export type DraftProblem = 'negativeTarget' | 'notANumber' | 'categoriesOverTotal' | 'itemTitle';

function number(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : Number.NaN;
}

export function draftToSave(draft: PlanDraft): { ok: true; value: SavePlan } | { ok: false; problem: DraftProblem } {
  const numbers = [draft.totalHours, ...Object.values(draft.byCategory)].map(number);
  if (numbers.some((n) => Number.isNaN(n))) return { ok: false, problem: 'notANumber' };
  if (numbers.some((n) => n !== null && n < 0)) return { ok: false, problem: 'negativeTarget' };
  const byCategory: Partial<Record<Category, number>> = {};
  for (const c of CATEGORIES) {
    const n = number(draft.byCategory[c]);
    if (n !== null) byCategory[c] = n;
  }
  const checked = savePlanSchema.safeParse({
    targets: { totalHours: number(draft.totalHours) ?? 0, byCategory },
    readingList: draft.items.map(({ locked: _locked, ...item }) => item),
  });
  if (checked.success) return { ok: true, value: checked.data };
  const path = checked.error.issues[0]?.path ?? [];
  return { ok: false, problem: path[0] === 'readingList' ? 'itemTitle' : 'categoriesOverTotal' };
}
