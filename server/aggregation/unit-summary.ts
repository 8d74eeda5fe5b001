// A unit's summary for a range: everyone in the unit's subtree with credited hours, target, gap and
// notes, ordered by name (never a ranking), and who is below target (a gap above 0.0 h). Each person's
// figures come from the one computation (report-inputs/person-figures.ts); the split by category and the
// raw time add up their totals (days, or whole months summed), the trend the members' credited seconds
// by day.
import type { UnitSummary, PersonSummary } from '../../shared/schemas/reports.ts';
import type { Category } from '../../shared/schemas/domain.ts';
import { dateOfDay, dayNumber } from '../../shared/time/day-numbers.ts';
import { CategorySeconds, type DayTotal } from './learning-log.ts';
import type { StudyHours } from '../programme/study-hours.ts';
import { targetBasis, type EffectiveTarget } from '../programme/effective-target.ts';

/** The fields of a person the summary lists (the store's user records have them). */
export type SummaryPerson = Pick<PersonSummary, 'name' | 'username' | 'role' | 'unitId'> & { id: string };

export interface SummaryMember {
  person: SummaryPerson;
  /** Their totals within the range: days, or whole months summed (Store.periodTotalsOf). */
  totals: readonly DayTotal[];
  notesCount: number;
  credit: Pick<StudyHours, 'totalSeconds' | 'onlineSeconds' | 'sessionHours'>;
  target: EffectiveTarget;
  gapSeconds: number;
}

const collator = new Intl.Collator('zh-CN');

export function unitSummary(input: {
  unitId: string;
  from: string;
  to: string;
  members: readonly SummaryMember[];
  /** The members' credited seconds together by day number (Store.creditedByDay): the trend. */
  creditedByDay: ReadonlyMap<number, number>;
  categoryOf: (resourceId: string) => Category | undefined;
}): UnitSummary {
  const first = dayNumber(input.from);
  const last = dayNumber(input.to);
  const daySeconds = new Array<number>(last - first + 1).fill(0);
  const byCategory = new CategorySeconds(input.categoryOf);
  const people: PersonSummary[] = [];
  let totalSeconds = 0;
  let rawSeconds = 0;
  let targetSeconds = 0;
  let notesCount = 0;
  for (const [day, seconds] of input.creditedByDay) if (day >= first && day <= last) daySeconds[day - first]! += seconds;
  for (const { person, totals, notesCount: notes, credit, target, gapSeconds } of input.members) {
    let raw = 0;
    for (const day of totals) {
      if (day.day < first || day.day > last) continue;
      raw += day.rawSeconds;
      byCategory.add(day.byResource);
    }
    totalSeconds += credit.totalSeconds;
    rawSeconds += raw;
    targetSeconds += target.targetSeconds;
    notesCount += notes;
    people.push({
      personId: person.id,
      name: person.name,
      username: person.username,
      role: person.role,
      unitId: person.unitId,
      seconds: credit.totalSeconds,
      rawSeconds: raw,
      onlineSeconds: credit.onlineSeconds,
      sessionSeconds: Math.round(credit.sessionHours * 3600),
      targetSeconds: target.targetSeconds,
      targetBasis: targetBasis(target),
      gapSeconds,
      notesCount: notes,
    });
  }
  people.sort((a, b) => collator.compare(a.name, b.name) || (a.username < b.username ? -1 : 1));
  return {
    unitId: input.unitId,
    from: input.from,
    to: input.to,
    totalSeconds,
    rawSeconds,
    targetSeconds,
    notesCount,
    days: daySeconds.map((seconds, i) => ({ date: dateOfDay(first + i), seconds })),
    byCategory: byCategory.result(),
    people,
    belowTarget: people.filter((p) => p.gapSeconds > 0),
  };
}
