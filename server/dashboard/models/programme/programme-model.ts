// What the programme screens load and send: the calendar's exceptions and holidays, a new session, the
// roster's marks, self check-in, research visits and reports, plans, proposed changes and the annual
// grade. Components render these; each request body is read from its form here.
import { useMemo, useState } from 'preact/hooks';
import type { AttendanceStatus } from '../../../../shared/schemas/programme-attendance.ts';
import type { HolidayArrangement } from '../../../../shared/schemas/holiday-arrangement.ts';
import type { PlanProgress, SavePlan } from '../../../../shared/schemas/programme-plans.ts';
import type { Grade } from '../../../../shared/schemas/programme-record.ts';
import type { ReportStatus, VisitKind } from '../../../../shared/schemas/programme-research.ts';
import { formatArrangement, parseArrangement } from '../../../programme/holiday-arrangement.ts';
import type { Api } from '../../api/endpoints.ts';
import type { FormFields } from '../form-fields.ts';
import { useLoad } from '../use-load.ts';
import { draftToSave, type DraftProblem, type PlanDraft } from './plan-draft.ts';
import { sessionBody, sessionFields } from './session-form.ts';

type Stage = PlanProgress['stage'];

export type ExceptionAction = 'cancel' | 'move';

/** A cancelled or moved Friday: the new date only for a move. */
export function saveException(api: Api, action: ExceptionAction, form: FormFields) {
  return api.programme.setException(form.trimmed('date'), { action, movedTo: action === 'move' ? form.trimmed('movedTo') : null, reason: form.trimmed('reason') });
}

/** What the new-session form chooses from: people (the organiser), units and designated resources. */
export function useSessionDirectory(api: Api) {
  return useLoad(async () => {
    const [people, units, resources] = await Promise.all([api.people(), api.units(), api.resources()]);
    return { people, units, resources };
  }, [api]);
}

export function createSession(api: Api, form: FormFields, timeZone: string) {
  return api.programme.createSession(sessionBody(sessionFields(form), timeZone));
}

/** A roster mark: the reason counts for a leave, a make-up only for a missed session with its date. */
export function markAttendance(api: Api, sessionId: string, personId: string, status: AttendanceStatus, form: FormFields) {
  const missed = status === 'leave' || status === 'absent';
  const doneOn = form.trimmed('makeUp');
  return api.programme.markAttendance(sessionId, personId, {
    status,
    reason: form.trimmed('reason'),
    makeUp: missed && doneOn !== '' ? { doneOn, note: form.trimmed('makeUpNote') } : null,
  });
}

export const checkIn = (api: Api, form: FormFields) => api.programme.checkIn(form.text('code'));

export function addVisit(api: Api, form: FormFields) {
  return api.programme.addVisit({ personId: form.trimmed('personId'), kind: form.trimmed('kind') as VisitKind, date: form.trimmed('date'), place: form.trimmed('place'), summary: form.trimmed('summary') });
}

/** A new report: an empty file link is none. */
export function addReport(api: Api, form: FormFields) {
  const fileUrl = form.trimmed('fileUrl');
  return api.programme.addReport({
    personId: form.trimmed('personId'),
    title: form.trimmed('title'),
    status: form.trimmed('status') as ReportStatus,
    date: form.trimmed('date'),
    fileUrl: fileUrl === '' ? null : fileUrl,
  });
}

/** A year's research with the people and units to filter and record by. */
export function useResearch(api: Api, year: number, unitId: string) {
  return useLoad(async () => {
    const [overview, people, units] = await Promise.all([api.programme.research(year, unitId || undefined), api.people(), api.units()]);
    return { overview, people, units };
  }, [api, year, unitId]);
}

/** The person's proposed changes still waiting for a decision. */
export function usePendingChanges(api: Api, personId: string) {
  const changes = useLoad(() => api.programme.changes(personId), [api, personId]);
  return changes.state === 'ready' ? { ...changes, data: changes.data.filter((c) => c.state === 'pending') } : changes;
}

/** The holiday arrangement the server holds for the year. */
export const useHolidays = (api: Api, year: number) => useLoad(() => api.programme.holidays(year), [api, year]);

/**
 * The holiday arrangement as typed: read on every change with the server's own parser. `loaded` is
 * what the server holds now; the editor restarts from it after a save or a clear.
 */
export function useHolidayEditor(api: Api, loaded: HolidayArrangement, onSaved: () => void) {
  const [current, setCurrent] = useState(loaded);
  const [text, setText] = useState(() => formatArrangement(loaded));
  const parsed = useMemo(() => parseArrangement(text, current.year), [text, current.year]);
  const show = (arrangement: HolidayArrangement) => {
    setCurrent(arrangement);
    setText(formatArrangement(arrangement));
    onSaved();
  };
  return {
    current,
    text,
    parsed,
    entries: parsed.holidays.length + parsed.workdays.length,
    type: setText,
    save: async () => show(await api.programme.saveHolidays(current.year, text)),
    clear: async () => {
      await api.programme.clearHolidays(current.year);
      show({ year: current.year, holidays: [], workdays: [], updatedAt: null });
    },
  };
}

/** A person's plan for a year and stage with its progress; another person's page names them too. */
export function usePlanPage(api: Api, personId: string, year: number, stage: Stage, self: boolean) {
  return useLoad(async () => {
    const [plan, progress, resources, people] = await Promise.all([
      api.programme.plan(personId, year, stage),
      api.programme.planProgress(personId, year, stage),
      api.resources(),
      self ? Promise.resolve(null) : api.people(),
    ]);
    return { plan, progress, resources, name: people?.find((p) => p.id === personId)?.name ?? null };
  }, [api, personId, year, stage]);
}

/** A unit's default plan (targets and must-reads) for a year and stage. */
export function useUnitDefaults(api: Api, unitId: string, year: number, stage: Stage) {
  return useLoad(async () => ({ defaults: await api.programme.unitDefaults(unitId, year, stage), resources: await api.resources() }), [api, unitId, year, stage]);
}

/** The plan editor's draft; `save` names the first problem instead of sending. */
export function usePlanEditor(initial: PlanDraft, onSave: (plan: SavePlan) => Promise<unknown>) {
  const [draft, setDraft] = useState(initial);
  const [problem, setProblem] = useState<DraftProblem | null>(null);
  return {
    draft,
    problem,
    set: (patch: Partial<PlanDraft>) => setDraft({ ...draft, ...patch }),
    setItem: (index: number, patch: Partial<PlanDraft['items'][number]>) => setDraft({ ...draft, items: draft.items.map((item, i) => (i === index ? { ...item, ...patch } : item)) }),
    removeItem: (index: number) => setDraft({ ...draft, items: draft.items.filter((_, j) => j !== index) }),
    addItem: () => setDraft({ ...draft, items: [...draft.items, { id: undefined, title: '', author: '', resourceId: null, status: 'not-started', locked: false }] }),
    save(): Promise<unknown> | null {
      const checked = draftToSave(draft);
      if (!checked.ok) {
        setProblem(checked.problem);
        return null;
      }
      setProblem(null);
      return onSave(checked.value);
    },
  };
}

/** One person's annual record with the units to name theirs. */
export function useAnnualRecord(api: Api, personId: string, year: number) {
  return useLoad(async () => {
    const [record, units] = await Promise.all([api.programme.annualRecord(personId, year), api.units()]);
    return { record, units };
  }, [api, personId, year]);
}

/** The decision to send: keeping the suggested grade needs no reason, changing it does (null: missing). */
export function gradeDecision(grade: Grade, suggested: Grade, reason: string): { grade: Grade; reason: string } | null {
  return grade !== suggested && reason === '' ? null : { grade, reason };
}

/** The grade form's state: the grade chosen, and whether the reason a change needs is missing. */
export function useGradeDecision(api: Api, record: { personId: string; year: number; suggested: Grade; decided: Grade | null }) {
  const [grade, setGrade] = useState<Grade>(record.decided ?? record.suggested);
  const [reasonMissing, setReasonMissing] = useState(false);
  return {
    grade,
    reasonMissing,
    choose: setGrade,
    keepsSuggested: grade === record.suggested,
    decide(form: FormFields) {
      const decision = gradeDecision(grade, record.suggested, form.trimmed('reason'));
      setReasonMissing(decision === null);
      return decision === null ? null : api.programme.decideGrade(record.personId, record.year, decision);
    },
    saveRemarks: (form: FormFields) => api.programme.saveRemarks(record.personId, record.year, form.text('remarks')),
  };
}

/** Gives a changed Friday back to the generated calendar. */
export const removeException = (api: Api, date: string) => api.programme.removeException(date);

export const cancelSession = (api: Api, sessionId: string, reason: string) => api.programme.cancelSession(sessionId, reason);

/** Marks everyone not yet recorded as present, one after another (a failure stops at that person). */
export async function markAllPresent(api: Api, sessionId: string, unrecorded: readonly { personId: string }[]): Promise<void> {
  for (const p of unrecorded) await api.programme.markAttendance(sessionId, p.personId, { status: 'present' });
}

export const withdrawAttendance = (api: Api, sessionId: string, personId: string, reason: string) =>
  api.programme.withdrawAttendance(sessionId, personId, reason);

export const setReportStatus = (api: Api, reportId: string, status: ReportStatus) => api.programme.setReportStatus(reportId, status);
export const withdrawReport = (api: Api, reportId: string, reason: string) => api.programme.withdrawReport(reportId, reason);
export const withdrawVisit = (api: Api, visitId: string, reason: string) => api.programme.withdrawVisit(visitId, reason);

export const approveChange = (api: Api, changeId: string) => api.programme.approveChange(changeId);
export const rejectChange = (api: Api, changeId: string, reason: string) => api.programme.rejectChange(changeId, reason);

export const savePlan = (api: Api, personId: string, year: number, stage: Stage, plan: SavePlan) => api.programme.savePlan(personId, year, stage, plan);
export const saveUnitDefaults = (api: Api, unitId: string, year: number, stage: Stage, plan: SavePlan) =>
  api.programme.saveUnitDefaults(unitId, year, stage, plan);
