// A person's figures for a date range, gathered once and computed by the one pair of rules
// (credit-hours.ts, effective-target.ts): credited hours, the effective target pro-rated to the days
// elapsed, the gap, attendance and the sessions attended. The overview, person page, plan progress,
// annual record, summaries and every export take their numbers from here, so they agree.
import { CATEGORIES, type Category } from '../../shared/schemas/domain.ts';
import type { PlanStage } from '../../shared/schemas/programme-plans.ts';
import { dayNumber } from '../../shared/time/day-numbers.ts';
import type { DateRange } from '../../shared/time/periods.ts';
import { dateInZone } from '../../shared/time/zoned-days.ts';
import { creditedHoursInRange, type CreditedHours } from '../programme/credit-hours.ts';
import { effectiveTarget, targetGapSeconds, type EffectiveTarget, type TargetCandidate } from '../programme/effective-target.ts';
import { firstDay, lastDay, latestMembershipBy } from '../programme/membership-history.ts';
import { stageRange } from '../programme/stage-range.ts';
import { isUnder, unitsAbove } from '../programme/unit-tree.ts';
import { sessionCategory, type AttendedSession } from '../programme/plan-progress.ts';
import type { ProgrammeStore } from '../store/programme/programme-store.ts';
import type { AttendanceEntry, FieldVisit, ResearchReport, SessionRecord } from '../store/programme/records.ts';
import type { DayTotalRecord, Store } from '../store/records.ts';
import type { Directory, DirectoryPerson } from './directory.ts';
import { notesInRange, type ProgrammeNote } from './learning-figures.ts';
import { personSessions, type PersonSessions } from './person-year.ts';

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

function sessionFacts(session: SessionRecord, programme: ProgrammeStore, categoryOf: (resourceId: string) => Category | undefined, parentOf: Directory['parentOf']): SessionFacts {
  // A handful of units against one session: each answer is worked out once.
  const byUnit = new Map<string, boolean>();
  return {
    session,
    endMs: Date.parse(session.endsAt),
    credit: { creditedHours: session.creditedHours, category: sessionCategory(session.materials.map(categoryOf)) },
    entries: programme.attendanceByPerson(session.id),
    expects(unitId) {
      if (unitId === null) return false;
      let yes = byUnit.get(unitId);
      if (yes === undefined) byUnit.set(unitId, (yes = isUnder(unitId, session.unitIds, parentOf)));
      return yes;
    },
  };
}

/** What every person's figures in one request share, read once. */
export interface FiguresContext {
  store: Store;
  programme: ProgrammeStore;
  directory: Directory;
  nowMs: number;
  today: string;
  organisationAnnualHours: number;
  categoryOf: (resourceId: string) => Category | undefined;
  /** The sessions that stand, by date. */
  sessions: readonly SessionFacts[];
  /** The person's live notes created in the range (asked of the store for that person and range). */
  notesOf: (personId: string, range: DateRange) => Promise<ProgrammeNote[]>;
  /** The person's research reports and field visits (all read once per request, when first asked). */
  researchOf: (personId: string) => { reports: ResearchReport[]; visits: FieldVisit[] };
}

function groupByPerson<T extends { personId: string }>(items: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const list = out.get(item.personId);
    if (list) list.push(item);
    else out.set(item.personId, [item]);
  }
  return out;
}

export async function loadFiguresContext(store: Store, directory: Directory, nowMs: number, timeZone: string): Promise<FiguresContext> {
  const categories = new Map((await store.listResources()).map((r) => [r.id, r.category]));
  const categoryOf = (id: string) => categories.get(id);
  const notesOf = (personId: string, range: DateRange) => notesInRange(store, timeZone, personId, range.from, range.to);
  let research: { reports: Map<string, ResearchReport[]>; visits: Map<string, FieldVisit[]> } | null = null;
  const researchOf = (personId: string) => {
    research ??= { reports: groupByPerson(store.programme.reports()), visits: groupByPerson(store.programme.visits()) };
    return { reports: research.reports.get(personId) ?? [], visits: research.visits.get(personId) ?? [] };
  };
  return {
    store,
    programme: store.programme,
    directory,
    nowMs,
    today: dateInZone(nowMs, timeZone),
    organisationAnnualHours: (await store.getSettings()).annualTargetHours,
    categoryOf,
    sessions: store.programme
      .sessions()
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
      .map((s) => sessionFacts(s, store.programme, categoryOf, directory.parentOf)),
    notesOf,
    researchOf,
  };
}

export interface PersonFigures {
  range: DateRange;
  /** The learning log's days in the range (credited online seconds, by resource). */
  days: DayTotalRecord[];
  onlineByCategory: Record<Category, number>;
  credit: CreditedHours;
  target: EffectiveTarget;
  gapSeconds: number;
  sessions: PersonSessions;
}

/**
 * The target a person is measured against over `range`: their own plan for `stage` (year, or a
 * quarter for that quarter's progress), else the nearest unit's defaults for it, else the
 * organisation's annual target. The units are those the person belonged to at the end of the range.
 */
export function targetOf(ctx: FiguresContext, person: DirectoryPerson, range: DateRange, stage: PlanStage = 'year'): EffectiveTarget {
  const year = Number(range.from.slice(0, 4));
  const period = stage === 'year' ? null : stageRange(year, stage);
  const asAt = range.to < ctx.today ? range.to : ctx.today;
  const unitId = latestMembershipBy(person.memberships, asAt)?.unitId ?? person.unitId;
  const personal = ctx.programme.personalPlan(person.id, year, stage);
  let unit: TargetCandidate | null = null;
  for (const u of unitId === null ? [] : unitsAbove(unitId, ctx.directory.parentOf)) {
    const targets = ctx.programme.unitDefaults(u, year, stage)?.targets;
    if (targets) {
      unit = { totalHours: targets.totalHours, period };
      break;
    }
  }
  return effectiveTarget({
    personal: personal?.targets ? { totalHours: personal.targets.totalHours, period } : null,
    unit,
    organisationAnnualHours: ctx.organisationAnnualHours,
    range,
    today: ctx.today,
    firstDay: firstDay(person.memberships),
    lastDay: lastDay(person.memberships),
  });
}

export async function personFigures(ctx: FiguresContext, person: DirectoryPerson, range: DateRange, stage: PlanStage = 'year'): Promise<PersonFigures> {
  const online = ctx.programme.settings().online;
  // With a cap, what the year credited before the range counts against it: read from 1 January.
  const readFrom = online.yearlyCapHours === null ? range.from : `${range.from.slice(0, 4)}-01-01`;
  const first = dayNumber(range.from);
  const last = dayNumber(range.to);
  const read = await ctx.store.dayTotals(person.id, dayNumber(readFrom), last);
  const days = read.filter((d) => d.day >= first);
  const onlineByCategory = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  for (const day of days) {
    for (let i = 0; i < day.byResource.length; i += 2) onlineByCategory[ctx.categoryOf(day.byResource[i] as string) ?? 'other'] += day.byResource[i + 1] as number;
  }
  const sessions = personSessions(ctx, person, range);
  const credit = creditedHoursInRange({ range, onlineDays: read.map((d) => ({ day: d.day, seconds: d.creditedSeconds })), sessionHours: sessions.sessionHours, online });
  const target = targetOf(ctx, person, range, stage);
  return { range, days, onlineByCategory, credit, target, gapSeconds: targetGapSeconds(target.targetSeconds, credit.totalSeconds), sessions };
}
