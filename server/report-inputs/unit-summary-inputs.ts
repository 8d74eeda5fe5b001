// A unit's summary's inputs over a date range (aggregation/unit-summary.ts): whoever belonged to the
// unit or a unit under it on some day of the range, by membership history, each with their figures
// (person-figures.ts) and notes count. Someone deactivated before history was kept has none: they stay
// where they were, if they left a trace.
import { dateRangeMs } from '../aggregation/date-range.ts';
import type { SummaryMember, unitSummary } from '../aggregation/unit-summary.ts';
import { subtreeOf } from '../access/access-rules.ts';
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
  // Whoever belonged to the subtree on some day of the range, asked of the store (the organisation may
  // be 20,000 people; a unit's report reads its own). Someone with no history kept is counted by their
  // current unit (legacy), and only if they left a trace in the range (below).
  const people = await store.listUsers({ belongedTo: { unitIds: [...subtree], from: range.from, to: range.to } });
  const candidates = people.map((person) => ({ person, legacy: person.memberships.length === 0 }));
  const ids = people.map((p) => p.id);
  const notes = await store.countNotesByPerson({ personIds: ids, fromMs, toMs });
  const categories = new Map((await store.listResources()).map((r) => [r.id, r.category]));
  // The members' daily totals and plans in one store read each, not one per member (issue 19). The
  // figures need the units (plans and sessions go by the tree), not the organisation's other people.
  const base = await loadFiguresContext(store, await loadDirectory(store, people), input.nowMs, timeZone, range);
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
