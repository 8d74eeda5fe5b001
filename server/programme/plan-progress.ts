// Progress against a plan: the credited hours and effective target every screen shows (study-hours.ts,
// effective-target.ts), the split by category as counted (the learning log plus sessions attended),
// and the must-read list with the notes linked to each item. A note the author linked to a book in the
// note editor (note.mustRead) counts for that book alone. A note without a link (every note written
// before the choice existed) counts as before: for each item whose designated resource it was written on
// or whose title one of its tags names (ignoring 《》, quotation marks and spaces, book-title.ts).
import { CATEGORIES, type Category } from '../../shared/schemas/domain.ts';
import type { PlanProgress, StudyPlan } from '../../shared/schemas/programme-plans.ts';
import type { DateRange } from '../../shared/time/periods.ts';
import type { StudyHours } from './study-hours.ts';
import { targetBasis, type EffectiveTarget } from './effective-target.ts';
import { sameBookTitle } from './book-title.ts';

export interface AttendedSession {
  creditedHours: number;
  /** The category of the session's materials when they agree on one, else null (counts in the total only). */
  category: Category | null;
}

export interface LinkableNote {
  resourceId: string | null;
  tags: readonly string[];
  mustRead: { bookId: string } | null;
}

/** Whether a note counts for a must-read item (see the head of this file). */
export function noteCountsFor(note: LinkableNote, item: { id: string; title: string; resourceId: string | null }): boolean {
  if (note.mustRead !== null) return note.mustRead.bookId === item.id;
  return (item.resourceId !== null && note.resourceId === item.resourceId) || note.tags.some((t) => sameBookTitle(t, item.title));
}

const share = (achievedSeconds: number, targetHours: number | null) =>
  targetHours === null || targetHours === 0 ? null : achievedSeconds / (targetHours * 3600);

export function planProgress(input: {
  plan: StudyPlan;
  range: DateRange;
  onlineSecondsByCategory: Partial<Record<Category, number>>;
  sessions: readonly AttendedSession[];
  notes: readonly LinkableNote[];
  credit: StudyHours;
  target: EffectiveTarget;
}): PlanProgress {
  const { plan } = input;
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, input.onlineSecondsByCategory[c] ?? 0])) as Record<Category, number>;
  for (const s of input.sessions) {
    if (s.category !== null) byCategory[s.category] += Math.round(s.creditedHours * 3600);
  }
  const achievedSeconds = input.credit.totalSeconds;
  const targetHours = input.target.targetSeconds / 3600;
  // Category targets are due in the same proportion as the total (the days elapsed of the stage).
  const due = input.target.totalHours > 0 ? targetHours / input.target.totalHours : 1;

  const items = plan.readingList.map((item) => ({
    ...item,
    notesCount: input.notes.filter((n) => noteCountsFor(n, item)).length,
  }));
  return {
    personId: plan.personId,
    year: plan.year,
    stage: plan.stage,
    from: input.range.from,
    to: input.range.to,
    total: { targetHours, targetBasis: targetBasis(input.target), achievedSeconds, share: share(achievedSeconds, targetHours) },
    byCategory: CATEGORIES.map((category) => {
      const set = plan.targets.byCategory[category];
      const targetHours = set === undefined ? null : Math.round(set * due * 10) / 10;
      return { category, targetHours, achievedSeconds: byCategory[category], share: share(byCategory[category], targetHours) };
    }),
    reading: {
      total: items.length,
      done: items.filter((i) => i.status === 'done').length,
      reading: items.filter((i) => i.status === 'reading').length,
      notStarted: items.filter((i) => i.status === 'not-started').length,
      items,
    },
  };
}

/** The one category a session's materials share, else null. */
export function sessionCategory(materialCategories: readonly (Category | undefined)[]): Category | null {
  const known = new Set(materialCategories.filter((c): c is Category => c !== undefined));
  return known.size === 1 ? [...known][0]! : null;
}
