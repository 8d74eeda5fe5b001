// Gathers what the programme's pure cores need about one person over a range from the stores: the
// effective plan, sessions expected and attended, attendance entries, and the learning log figures.
import type { PlanStage, StudyPlan } from '../../shared/schemas/programme-plans.ts';
import type { AttendanceCounts } from '../../shared/schemas/programme-attendance.ts';
import { addAttendance, emptyCounts, withRate } from '../programme/attendance-counts.ts';
import { resolvePlan, type UnitDefaults } from '../programme/plan-resolution.ts';
import type { AttendedSession } from '../programme/plan-progress.ts';
import { membershipOn } from '../programme/membership-history.ts';
import { unitsAbove } from '../programme/unit-tree.ts';
import type { ProgrammeStore } from '../store/programme/programme-store.ts';
import type { DateRange } from '../../shared/time/periods.ts';
import type { FiguresContext } from './person-figures.ts';
import type { Directory, DirectoryPerson } from './directory.ts';

/** `organisationAnnualHours`: the settings' annual target, the plan's target when no one set one. */
export async function effectivePlan(programme: ProgrammeStore, directory: Directory, person: DirectoryPerson, year: number, stage: PlanStage, organisationAnnualHours: number): Promise<StudyPlan> {
  const unitDefaults: UnitDefaults[] = [];
  for (const unitId of person.unitId === null ? [] : unitsAbove(person.unitId, directory.parentOf)) {
    const d = await programme.unitDefaults(unitId, year, stage);
    if (d) unitDefaults.push({ unitId, targets: d.targets, items: d.items });
  }
  return resolvePlan({ personId: person.id, year, stage, personal: await programme.personalPlan(person.id, year, stage), unitDefaults, organisationAnnualHours });
}

/** The ids of every item on the unit lists a person's plan draws from (they may only change status). */
export async function unitItemIds(programme: ProgrammeStore, directory: Directory, person: DirectoryPerson, year: number, stage: PlanStage): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const unitId of person.unitId === null ? [] : unitsAbove(person.unitId, directory.parentOf)) {
    for (const item of (await programme.unitDefaults(unitId, year, stage))?.items ?? []) ids.add(item.id);
  }
  return ids;
}

export interface PersonSessions {
  attendance: AttendanceCounts;
  attended: AttendedSession[];
  sessionHours: number;
}

/**
 * Sessions dated in the range: attendance counts and the credited sessions attended (or made up). A
 * person is expected at a session when recorded there, or when in one of its units (or under one) on
 * its date. Runs once per person over every session, so it reads the per-request session facts.
 */
export function personSessions(ctx: Pick<FiguresContext, 'sessions' | 'nowMs'>, person: DirectoryPerson, range: DateRange): PersonSessions {
  const attendance = emptyCounts();
  const attended: AttendedSession[] = [];
  let sessionHours = 0;
  for (const facts of ctx.sessions) {
    const { session } = facts;
    if (session.date < range.from || session.date > range.to) continue;
    const entry = facts.entries.get(person.id) ?? null;
    if (entry === null && !facts.expects(membershipOn(person.memberships, session.date)?.unitId ?? null)) continue;
    addAttendance(attendance, facts.endMs, entry, ctx.nowMs);
    if (entry !== null && (entry.status === 'present' || entry.status === 'late' || entry.makeUp !== null)) {
      attended.push(facts.credit);
      sessionHours += session.creditedHours;
    }
  }
  return { attendance: withRate(attendance), attended, sessionHours };
}
