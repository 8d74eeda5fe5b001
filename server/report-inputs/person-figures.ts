// A person's figures for a date range, gathered once and computed by the one pair of rules
// (study-hours.ts, effective-target.ts): credited hours, the effective target pro-rated to the days
// elapsed, the gap, attendance and the sessions attended. The overview, person page, plan progress,
// annual record, summaries and every export take their numbers from here, so they agree.
import type { Category } from '../../shared/schemas/domain.ts';
import { CategorySeconds } from '../aggregation/learning-log.ts';
import type { PlanStage } from '../../shared/schemas/programme-plans.ts';
import { dayNumber } from '../../shared/time/day-numbers.ts';
import type { DateRange } from '../../shared/time/periods.ts';
import { dateInZone } from '../../shared/time/zoned-days.ts';
import { studyHoursInRange, summableMonths, type StudyHours } from '../programme/study-hours.ts';
import { effectiveTarget, targetGapSeconds, type EffectiveTarget, type TargetCandidate } from '../programme/effective-target.ts';
import { firstDay, lastDay, latestMembershipBy } from '../programme/membership-history.ts';
import { stageRange } from '../programme/stage-range.ts';
import { isUnder, unitsAbove } from '../programme/unit-tree.ts';
import { sessionCategory } from '../programme/plan-progress.ts';
import type { ProgrammeStore } from '../store/programme/programme-store.ts';
import type { ProgrammeSettingsView } from '../../shared/schemas/programme-settings.ts';
import type { AnnualNoteRecord, AttendanceEntry, FieldVisit, ResearchReport, SessionRecord, UnitDefaultsRecord } from '../store/programme/records.ts';
import type { PeriodTotalRecord, Store } from '../store/store-contract.ts';
import type { Directory, DirectoryPerson } from './directory.ts';
import { notesInRange, notesOfPeople, type ProgrammeNote } from './learning-figures.ts';
import { personSessions, type PersonSessions, type PlanReads, type SessionFacts } from './person-year.ts';

function sessionFacts(session: SessionRecord, entries: ReadonlyMap<string, AttendanceEntry>, categoryOf: (resourceId: string) => Category | undefined, parentOf: Directory['parentOf']): SessionFacts {
  // A handful of units against one session: each answer is worked out once.
  const byUnit = new Map<string, boolean>();
  return {
    session,
    endMs: Date.parse(session.endsAt),
    credit: { creditedHours: session.creditedHours, category: sessionCategory(session.materials.map(categoryOf)) },
    entries,
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
  /** The organisation's time zone (what a note's day is counted in). */
  timeZone: string;
  /** The programme's settings with every version of the credit rules, read once. */
  settings: ProgrammeSettingsView;
  directory: Directory;
  nowMs: number;
  today: string;
  organisationAnnualHours: number;
  categoryOf: (resourceId: string) => Category | undefined;
  /** The range the context was loaded for: every person's figures it serves lie within it. */
  range: DateRange;
  /** The sessions that stand dated in `range`, by date. */
  sessions: readonly SessionFacts[];
  /** The person's live notes created in the range (asked of the store for that person and range). */
  notesOf: (personId: string, range: DateRange) => Promise<ProgrammeNote[]>;
  /** The person's research reports and field visits, of every year (asked of the store for that person). */
  researchOf: (personId: string) => Promise<{ reports: ResearchReport[]; visits: FieldVisit[] }>;
  /**
   * The person's totals on [fromDay, toDay], in day order: their daily totals asked of the store, unless
   * preloaded for many people (withMembersPreloaded), where the months the credit rules allow come
   * summed (Store.periodTotalsOf).
   */
  totalsOf: (personId: string, fromDay: number, toDay: number) => Promise<readonly PeriodTotalRecord[]>;
  /** The person's year's annual note (remarks, grade decision): asked of the store, unless preloaded (withMembersPreloaded). */
  annualNoteOf: (personId: string, year: number) => Promise<AnnualNoteRecord | null>;
  /**
   * Plans: a person's own plan (asked of the store, unless preloaded for many people by
   * withMembersPreloaded), and the units' defaults, every unit's for a year and stage in one read per
   * request (every member of a unit shares them).
   */
  plans: PlanReads;
}

/** The sessions' attendance entries, by session and then by person. */
function entriesBySession(entries: readonly AttendanceEntry[]): Map<string, Map<string, AttendanceEntry>> {
  const out = new Map<string, Map<string, AttendanceEntry>>();
  for (const entry of entries) {
    const bySession = out.get(entry.sessionId);
    if (bySession) bySession.set(entry.personId, entry);
    else out.set(entry.sessionId, new Map([[entry.personId, entry]]));
  }
  return out;
}

const NO_ENTRIES: ReadonlyMap<string, AttendanceEntry> = new Map();

/** What the figures of any person over `range` (or a part of it) need, read once per request. */
export async function loadFiguresContext(store: Store, directory: Directory, nowMs: number, timeZone: string, range: DateRange): Promise<FiguresContext> {
  const categories = new Map((await store.listResources()).map((r) => [r.id, r.category]));
  const categoryOf = (id: string) => categories.get(id);
  const notesOf = (personId: string, range: DateRange) => notesInRange(store, timeZone, personId, range.from, range.to);
  const researchOf = async (personId: string) => ({
    reports: await store.programme.reports({ personIds: [personId] }),
    visits: await store.programme.visits({ personIds: [personId] }),
  });
  // Every unit's defaults for a year and stage in one read, whoever asks first; the rest share it (so
  // the answer holds other units' defaults too, which a caller looking up its chain never sees).
  const unitIds = directory.units.map((u) => u.id);
  const defaults = new Map<string, Promise<Map<string, UnitDefaultsRecord>>>();
  const unitDefaultsOf = (_units: readonly string[], year: number, stage: PlanStage) => {
    const key = `${year}\u0000${stage}`;
    let read = defaults.get(key);
    if (!read) defaults.set(key, (read = store.programme.unitDefaultsOf(unitIds, year, stage)));
    return read;
  };
  const sessions = (await store.programme.sessions({ from: range.from, to: range.to })).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const entries = entriesBySession(await store.programme.attendance({ sessionIds: sessions.map((s) => s.id) }));
  return {
    store,
    programme: store.programme,
    timeZone,
    settings: await store.programme.settings(),
    directory,
    nowMs,
    today: dateInZone(nowMs, timeZone),
    organisationAnnualHours: (await store.getSettings()).annualTargetHours,
    categoryOf,
    range,
    sessions: sessions.map((s) => sessionFacts(s, entries.get(s.id) ?? NO_ENTRIES, categoryOf, directory.parentOf)),
    notesOf,
    researchOf,
    totalsOf: (personId, fromDay, toDay) => store.dayTotals(personId, fromDay, toDay),
    annualNoteOf: (personId, year) => store.programme.annualNote(personId, year),
    plans: { personalPlan: (personId, year, stage) => store.programme.personalPlan(personId, year, stage), unitDefaultsOf },
  };
}

/** The first day personFigures reads daily totals from for `range`: when a version of the rules sets a yearly cap, 1 January (what the year credited before counts against it). */
function readFromDay(ctx: FiguresContext, range: DateRange): number {
  const capped = ctx.settings.creditRules.some((rule) => rule.online.yearlyCapHours !== null);
  return dayNumber(capped ? `${range.from.slice(0, 4)}-01-01` : range.from);
}

/**
 * `ctx` with what a report reads per person for `personIds` over `range` (its year, stage 'year'),
 * each kind read once for all of them rather than once per person (issue 19): their totals and year
 * plans (what personFigures reads), and with `records` also their notes in the range, research and
 * annual notes (what an annual record adds). Other people, ranges and stages are still asked of the
 * store. The totals come a month to a record wherever the month is whole in what is read, the range's
 * first day does not cut it and the credit rules do not change in it (summableMonths), the other days
 * one by one: a year of a person is about 12 records, not 250, and the figures are the same.
 */
export async function withMembersPreloaded(ctx: FiguresContext, personIds: readonly string[], range: DateRange, options: { records?: boolean } = {}): Promise<FiguresContext> {
  const fromDay = readFromDay(ctx, range);
  const toDay = dayNumber(range.to);
  const year = Number(range.from.slice(0, 4));
  const asked = new Set(personIds);
  const { store, programme } = ctx;
  const [days, plans, records] = await Promise.all([
    store.periodTotalsOf(personIds, fromDay, toDay, summableMonths(fromDay, range, ctx.settings.creditRules)),
    programme.personalPlansOf(personIds, year, 'year'),
    options.records ? recordsOf(ctx, personIds, range, year) : null,
  ]);
  const { totalsOf, plans: planReads, notesOf, researchOf, annualNoteOf } = ctx;
  const loaded = <T>(personId: string, matches: boolean, map: ReadonlyMap<string, T> | undefined, empty: T): T | undefined =>
    matches && map && asked.has(personId) ? (map.get(personId) ?? empty) : undefined;
  return {
    ...ctx,
    totalsOf: (personId, from, to) => {
      const found = from === fromDay && to === toDay ? days.get(personId) : undefined;
      return found ? Promise.resolve(found) : totalsOf(personId, from, to);
    },
    plans: {
      personalPlan: (personId, y, stage) => (y === year && stage === 'year' && asked.has(personId) ? Promise.resolve(plans.get(personId) ?? null) : planReads.personalPlan(personId, y, stage)),
      unitDefaultsOf: planReads.unitDefaultsOf,
    },
    notesOf: (personId, r) => {
      const found = loaded(personId, r.from === range.from && r.to === range.to, records?.notes, []);
      return found ? Promise.resolve(found) : notesOf(personId, r);
    },
    researchOf: (personId) => {
      const found = loaded(personId, true, records?.research, { reports: [], visits: [] });
      return found ? Promise.resolve(found) : researchOf(personId);
    },
    annualNoteOf: (personId, y) => {
      const found = loaded(personId, y === year, records?.annualNotes, null);
      return found !== undefined ? Promise.resolve(found) : annualNoteOf(personId, y);
    },
  };
}

/** The notes (in `range`), research (of every year) and `year`'s annual notes of `personIds`: one read of each. */
async function recordsOf(ctx: FiguresContext, personIds: readonly string[], range: DateRange, year: number) {
  const [notes, reports, visits, annualNotes] = await Promise.all([
    notesOfPeople(ctx.store, ctx.timeZone, personIds, range.from, range.to),
    ctx.programme.reports({ personIds }),
    ctx.programme.visits({ personIds }),
    ctx.programme.annualNotesOf(personIds, year),
  ]);
  const research = new Map<string, { reports: ResearchReport[]; visits: FieldVisit[] }>();
  const researchOf = (personId: string) => {
    let found = research.get(personId);
    if (!found) research.set(personId, (found = { reports: [], visits: [] }));
    return found;
  };
  for (const report of reports) researchOf(report.personId).reports.push(report);
  for (const visit of visits) researchOf(visit.personId).visits.push(visit);
  return { notes, research, annualNotes };
}

export interface PersonFigures {
  range: DateRange;
  /** The person's totals in the range (credited online seconds, by resource): days, or whole months summed; read-only. */
  totals: readonly PeriodTotalRecord[];
  credit: StudyHours;
  target: EffectiveTarget;
  gapSeconds: number;
  sessions: PersonSessions;
}

/**
 * The target a person is measured against over `range`: their own plan for `stage` (year, or a
 * quarter for that quarter's progress), else the nearest unit's defaults for it, else the
 * organisation's annual target. The units are those the person belonged to at the end of the range.
 */
export async function targetOf(ctx: FiguresContext, person: DirectoryPerson, range: DateRange, stage: PlanStage = 'year'): Promise<EffectiveTarget> {
  const year = Number(range.from.slice(0, 4));
  const period = stage === 'year' ? null : stageRange(year, stage);
  const asAt = range.to < ctx.today ? range.to : ctx.today;
  const unitId = latestMembershipBy(person.memberships, asAt)?.unitId ?? person.unitId;
  const chain = unitId === null ? [] : unitsAbove(unitId, ctx.directory.parentOf);
  const [personal, defaults] = await Promise.all([ctx.plans.personalPlan(person.id, year, stage), ctx.plans.unitDefaultsOf(chain, year, stage)]);
  // The nearest unit up the chain whose defaults set targets.
  const targets = chain.map((u) => defaults.get(u)?.targets).find((t) => t);
  const unit: TargetCandidate | null = targets ? { totalHours: targets.totalHours, period } : null;
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

/** The credited online seconds of a person's figures by category (what plan progress measures). */
export function onlineByCategory(ctx: FiguresContext, figures: PersonFigures): Record<Category, number> {
  const sums = new CategorySeconds(ctx.categoryOf);
  for (const day of figures.totals) sums.add(day.byResource);
  return sums.result();
}

/** `range` lies within the range `ctx` was loaded for (its sessions are those of the context's range). */
export async function personFigures(ctx: FiguresContext, person: DirectoryPerson, range: DateRange, stage: PlanStage = 'year'): Promise<PersonFigures> {
  if (range.from < ctx.range.from || range.to > ctx.range.to) throw new Error(`The figures of ${range.from}–${range.to} lie outside the ${ctx.range.from}–${ctx.range.to} they were loaded for`);
  const first = dayNumber(range.from);
  const last = dayNumber(range.to);
  const read = await ctx.totalsOf(person.id, readFromDay(ctx, range), last);
  // The totals as read, not a copy, when none lies before the range (a report asks this of every
  // member; copies were most of what it left for the collector).
  let skipped = 0;
  while (skipped < read.length && read[skipped]!.day < first) skipped++;
  const totals = skipped === 0 ? read : read.slice(skipped);
  const sessions = personSessions(ctx, person, range);
  const credit = studyHoursInRange({ range, onlineDays: read, sessionHours: sessions.sessionHours, rules: ctx.settings.creditRules });
  const target = await targetOf(ctx, person, range, stage);
  return { range, totals, credit, target, gapSeconds: targetGapSeconds(target.targetSeconds, credit.totalSeconds), sessions };
}
