// Gathers what the programme's pure cores need about one person over a range from the stores: the
// effective plan, sessions expected and attended, attendance entries, and the learning log figures.
import type { PlanStage, StudyPlan } from '../../shared/schemas/programme-plans.ts';
import type { AttendanceCounts } from '../../shared/schemas/programme-attendance.ts';
import { countAttendance } from '../programme/attendance-counts.ts';
import { resolvePlan, type UnitDefaults } from '../programme/plan-resolution.ts';
import { sessionCategory, type AttendedSession } from '../programme/plan-progress.ts';
import { expectedOn } from '../programme/roster.ts';
import { unitsAbove } from '../programme/unit-tree.ts';
import type { ProgrammeStore } from '../store/programme/programme-store.ts';
import type { AttendanceEntry, SessionRecord } from '../store/programme/records.ts';
import type { DateRange } from '../../shared/time/periods.ts';
import type { FiguresContext } from './person-figures.ts';
import type { Directory, DirectoryPerson } from './directory.ts';

export function effectivePlan(programme: ProgrammeStore, directory: Directory, person: DirectoryPerson, year: number, stage: PlanStage): StudyPlan {
  const unitDefaults: UnitDefaults[] = person.unitId === null
    ? []
    : unitsAbove(person.unitId, directory.parentOf).flatMap((unitId) => {
        const d = programme.unitDefaults(unitId, year, stage);
        return d ? [{ unitId, targets: d.targets, items: d.items }] : [];
      });
  return resolvePlan({ personId: person.id, year, stage, personal: programme.personalPlan(person.id, year, stage), unitDefaults });
}

/** The ids of every item on the unit lists a person's plan draws from (they may only change status). */
export function unitItemIds(programme: ProgrammeStore, directory: Directory, person: DirectoryPerson, year: number, stage: PlanStage): Set<string> {
  const plan = effectivePlan(programme, directory, person, year, stage);
  return new Set(plan.readingList.filter((i) => i.source === 'unit').map((i) => i.id));
}

/** Whether the person is expected at the session: in its units on its date, or recorded there. */
export function expectedAt(session: SessionRecord, person: DirectoryPerson, directory: Directory, entry: AttendanceEntry | null): boolean {
  return entry !== null || expectedOn(person, session.unitIds, session.date, directory.parentOf);
}

export interface PersonSessions {
  attendance: AttendanceCounts;
  attended: AttendedSession[];
  sessionHours: number;
}

/** Sessions dated in the range: attendance counts and the credited sessions attended (or made up). */
export function personSessions(ctx: Pick<FiguresContext, 'sessions' | 'entryOf' | 'directory' | 'categoryOf' | 'nowMs'>, person: DirectoryPerson, range: DateRange): PersonSessions {
  const expected: { session: SessionRecord; entry: AttendanceEntry | null }[] = [];
  for (const session of ctx.sessions) {
    if (session.date < range.from || session.date > range.to) continue;
    const entry = ctx.entryOf(session.id, person.id);
    if (expectedAt(session, person, ctx.directory, entry)) expected.push({ session, entry });
  }
  const attended = expected
    .filter(({ entry }) => entry !== null && (entry.status === 'present' || entry.status === 'late' || entry.makeUp !== null))
    .map(({ session }) => ({ creditedHours: session.creditedHours, category: sessionCategory(session.materials.map((m) => ctx.categoryOf(m))) }));
  return {
    attendance: countAttendance(expected.map(({ session, entry }) => ({ endMs: Date.parse(session.endsAt), entry })), ctx.nowMs),
    attended,
    sessionHours: attended.reduce((sum, s) => sum + s.creditedHours, 0),
  };
}
