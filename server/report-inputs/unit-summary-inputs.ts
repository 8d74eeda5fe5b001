// A unit's summary's inputs over a date range (aggregation/unit-summary.ts): whoever belonged to the
// unit or a unit under it on some day of the range, by membership history, each with their figures
// (person-figures.ts) and notes count. Someone deactivated before history was kept has none: they stay
// where they were, if they left a trace.
import { dateRangeMs } from '../aggregation/date-range.ts';
import type { SummaryMember, unitSummary } from '../aggregation/unit-summary.ts';
import { subtreeOf } from '../access/access-rules.ts';
import { belongedDuring } from '../programme/membership-history.ts';
import { dayNumber } from '../../shared/time/day-numbers.ts';
import type { DateRange } from '../../shared/time/periods.ts';
import type { Store, UnitRecord } from '../store/store-contract.ts';
import { loadDirectory } from './directory.ts';
import { loadFiguresContext, personFigures, withMembersPreloaded } from './person-figures.ts';

export async function unitSummaryInputs(
  store: Store,
  input: { unitId: string; units: readonly UnitRecord[]; range: DateRange; nowMs: number; timeZone: string },
): Promise<Parameters<typeof unitSummary>[0]> {
  const { unitId, range, timeZone } = input;
  const { fromMs, toMs } = dateRangeMs(range.from, range.to, timeZone);
  const subtree = subtreeOf(unitId, input.units);
  const inSubtree = (id: string | null) => id !== null && subtree.has(id);
  const notes = await store.countNotesByPerson({ fromMs, toMs });
  const categories = new Map((await store.listResources()).map((r) => [r.id, r.category]));
  const users = await store.listUsers();
  const candidates = users.flatMap((person) => {
    const legacy = person.memberships.length === 0 && inSubtree(person.unitId);
    return legacy || belongedDuring(person.memberships, range.from, range.to, inSubtree) ? [{ person, legacy }] : [];
  });
  // The members' daily totals and plans in one store read each, not one per member (issue 19); the
  // directory takes the people already read (the organisation's list is read once, not twice).
  const base = await loadFiguresContext(store, await loadDirectory(store, users), input.nowMs, timeZone, range);
  const ids = candidates.map((m) => m.person.id);
  // The trend is by day, so it is read by day (summed in the store: one number a day, not a row a
  // person a day); the figures read whole months summed (withMembersPreloaded).
  const [ctx, creditedByDay] = await Promise.all([withMembersPreloaded(base, ids, range), store.creditedByDay(ids, dayNumber(range.from), dayNumber(range.to))]);
  const members: SummaryMember[] = [];
  for (const { person, legacy } of candidates) {
    const notesCount = notes.get(person.id) ?? 0;
    const figures = await personFigures(ctx, person, range);
    if (legacy && figures.totals.length === 0 && notesCount === 0) continue;
    members.push({ person, totals: figures.totals, notesCount, credit: figures.credit, target: figures.target, gapSeconds: figures.gapSeconds });
  }
  return { unitId, ...range, members, creditedByDay, categoryOf: (id) => categories.get(id) };
}
