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
import type { AttendanceEntry, SessionRecord } from '../store/programme/records.ts';
import type { Directory, DirectoryPerson } from './directory.ts';

/**
 * What a person's effective plan reads: their own plan and their units' defaults, all of a person's
 * chain of units in one read. The programme store is one; a report's figures context is another that
 * answers many people's from what it read once (person-figures.ts).
 */
export type PlanReads = Pick<ProgrammeStore, 'personalPlan' | 'unitDefaultsOf'>;

/** `organisationAnnualHours`: the settings' annual target, the plan's target when no one set one. */
export async function effectivePlan(reads: PlanReads, directory: Directory, person: DirectoryPerson, year: number, stage: PlanStage, organisationAnnualHours: number): Promise<StudyPlan> {
  const chain = person.unitId === null ? [] : unitsAbove(person.unitId, directory.parentOf);
  const [personal, defaults] = await Promise.all([reads.personalPlan(person.id, year, stage), reads.unitDefaultsOf(chain, year, stage)]);
  const unitDefaults: UnitDefaults[] = chain.flatMap((unitId) => {
    const d = defaults.get(unitId);
    return d ? [{ unitId, targets: d.targets, items: d.items }] : [];
  });
  return resolvePlan({ personId: person.id, year, stage, personal, unitDefaults, organisationAnnualHours });
}

/** The ids of every item on the unit lists a person's plan draws from (they may only change status). */
export async function unitItemIds(reads: PlanReads, directory: Directory, person: DirectoryPerson, year: number, stage: PlanStage): Promise<Set<string>> {
  const chain = person.unitId === null ? [] : unitsAbove(person.unitId, directory.parentOf);
  const defaults = await reads.unitDefaultsOf(chain, year, stage);
  return new Set(chain.flatMap((unitId) => defaults.get(unitId)?.items.map((item) => item.id) ?? []));
}

/** A session as every person's figures read it, worked out once per request rather than once per person. */
export interface SessionFacts {
  session: SessionRecord;
  endMs: number;
  /** What attending it credits (hours, and the category its materials share): one object every attendee shares. */
  credit: AttendedSession;
  /** Its attendance entries by person. */
  entries: ReadonlyMap<string, AttendanceEntry>;
  /** Whether a member of the unit is expected: the unit is one of the session's units or under one. */
  expects(unitId: string | null): boolean;
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
export function personSessions(ctx: { sessions: readonly SessionFacts[]; nowMs: number }, person: DirectoryPerson, range: DateRange): PersonSessions {
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
