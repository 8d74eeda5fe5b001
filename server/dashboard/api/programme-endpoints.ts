// The learning programme's API calls (plans, calendar, sessions, attendance, research, annual records),
// one typed function each with the shared schema that checks the answer.
import { z } from 'zod';
import {
  attendanceEntrySchema,
  monthlyBulletinSchema,
  rosterSchema,
  type MarkAttendance,
} from '../../../shared/schemas/programme-attendance.ts';
import { calendarExceptionSchema, calendarSchema, sessionSchema, type CalendarExceptionInput, type SessionInput } from '../../../shared/schemas/programme-calendar.ts';
import { planProgressSchema, studyPlanSchema, unitPlanDefaultsSchema, type PlanStage, type SavePlan } from '../../../shared/schemas/programme-plans.ts';
import { annualRecordSchema, organisationSummarySchema, type GradeDecisionInput } from '../../../shared/schemas/programme-record.ts';
import {
  fieldVisitSchema,
  researchOverviewSchema,
  researchReportSchema,
  type FieldVisitInput,
  type ReportStatus,
  type ResearchReportInput,
} from '../../../shared/schemas/programme-research.ts';
import { programmeSettingsViewSchema, type ProgrammeSettings } from '../../../shared/schemas/programme-settings.ts';
import { changeRequestSchema } from '../../../shared/schemas/programme-changes.ts';
import { holidayArrangementSchema } from '../../../shared/schemas/holiday-arrangement.ts';
import type { Http } from './http.ts';

const id = (value: string) => encodeURIComponent(value);

export const checkInResponseSchema = z.object({ session: sessionSchema, entry: attendanceEntrySchema });

export function programmeEndpoints(http: Http) {
  const plan = (personId: string, year: number, stage: PlanStage) => `/api/people/${id(personId)}/plans/${year}/${stage}`;
  const record = (personId: string, year: number) => `/api/annual-records/${id(personId)}/${year}`;
  return {
    settings: () => http.json('GET', '/api/programme/settings', programmeSettingsViewSchema),
    saveSettings: (body: ProgrammeSettings) => http.json('PUT', '/api/programme/settings', programmeSettingsViewSchema, { body }),

    plan: (personId: string, year: number, stage: PlanStage) => http.json('GET', plan(personId, year, stage), studyPlanSchema),
    savePlan: (personId: string, year: number, stage: PlanStage, body: SavePlan) => http.json('PUT', plan(personId, year, stage), studyPlanSchema, { body }),
    planProgress: (personId: string, year: number, stage: PlanStage) => http.json('GET', `${plan(personId, year, stage)}/progress`, planProgressSchema),
    unitDefaults: (unitId: string, year: number, stage: PlanStage) =>
      http.json('GET', `/api/units/${id(unitId)}/plan-defaults/${year}/${stage}`, unitPlanDefaultsSchema),
    saveUnitDefaults: (unitId: string, year: number, stage: PlanStage, body: SavePlan) =>
      http.json('PUT', `/api/units/${id(unitId)}/plan-defaults/${year}/${stage}`, unitPlanDefaultsSchema, { body }),

    calendar: (from: string, to: string) => http.json('GET', '/api/calendar', calendarSchema, { query: { from, to } }),
    setException: (date: string, body: CalendarExceptionInput) => http.json('PUT', `/api/calendar/exceptions/${date}`, calendarExceptionSchema, { body }),
    removeException: (date: string) => http.empty('DELETE', `/api/calendar/exceptions/${date}`),
    holidays: (year: number) => http.json('GET', `/api/calendar/holidays/${year}`, holidayArrangementSchema),
    saveHolidays: (year: number, text: string) => http.json('PUT', `/api/calendar/holidays/${year}`, holidayArrangementSchema, { body: { text } }),
    clearHolidays: (year: number) => http.empty('DELETE', `/api/calendar/holidays/${year}`),

    session: (sessionId: string) => http.json('GET', `/api/sessions/${id(sessionId)}`, sessionSchema),
    createSession: (body: SessionInput) => http.json('POST', '/api/sessions', sessionSchema, { body }),
    updateSession: (sessionId: string, body: SessionInput) => http.json('PUT', `/api/sessions/${id(sessionId)}`, sessionSchema, { body }),
    cancelSession: (sessionId: string, reason: string) => http.json('DELETE', `/api/sessions/${id(sessionId)}`, sessionSchema, { body: { reason } }),
    withdrawAttendance: (sessionId: string, personId: string, reason: string) =>
      http.empty('DELETE', `/api/sessions/${id(sessionId)}/attendance/${id(personId)}`, { body: { reason } }),
    roster: (sessionId: string) => http.json('GET', `/api/sessions/${id(sessionId)}/roster`, rosterSchema),
    markAttendance: (sessionId: string, personId: string, body: MarkAttendance) =>
      http.json('PUT', `/api/sessions/${id(sessionId)}/attendance/${id(personId)}`, attendanceEntrySchema, { body }),
    checkIn: (code: string) => http.json('POST', '/api/check-in', checkInResponseSchema, { body: { code } }),
    bulletin: (unitId: string, month: string) => http.json('GET', `/api/units/${id(unitId)}/bulletin`, monthlyBulletinSchema, { query: { month } }),

    research: (year: number, unitId?: string) =>
      http.json('GET', '/api/research', researchOverviewSchema, { query: unitId ? { year: String(year), unitId } : { year: String(year) } }),
    addVisit: (body: FieldVisitInput) => http.json('POST', '/api/research/visits', fieldVisitSchema, { body }),
    addReport: (body: ResearchReportInput) => http.json('POST', '/api/research/reports', researchReportSchema, { body }),
    setReportStatus: (reportId: string, status: ReportStatus) =>
      http.json('PATCH', `/api/research/reports/${id(reportId)}`, researchReportSchema, { body: { status } }),

    withdrawVisit: (visitId: string, reason: string) => http.empty('DELETE', `/api/research/visits/${id(visitId)}`, { body: { reason } }),
    withdrawReport: (reportId: string, reason: string) => http.empty('DELETE', `/api/research/reports/${id(reportId)}`, { body: { reason } }),

    changes: (personId?: string) => http.json('GET', '/api/changes', z.array(changeRequestSchema), { query: personId ? { personId } : {} }),
    approveChange: (changeId: string) => http.json('POST', `/api/changes/${id(changeId)}/approve`, changeRequestSchema, { body: {} }),
    rejectChange: (changeId: string, reason: string) => http.json('POST', `/api/changes/${id(changeId)}/reject`, changeRequestSchema, { body: { reason } }),

    annualRecord: (personId: string, year: number) => http.json('GET', record(personId, year), annualRecordSchema),
    decideGrade: (personId: string, year: number, body: GradeDecisionInput) => http.json('PUT', `${record(personId, year)}/grade`, annualRecordSchema, { body }),
    saveRemarks: (personId: string, year: number, remarks: string) =>
      http.json('PUT', `${record(personId, year)}/remarks`, annualRecordSchema, { body: { remarks } }),
    organisationSummary: (year: number, unitId?: string) =>
      http.json('GET', '/api/annual-records', organisationSummarySchema, { query: unitId ? { year: String(year), unitId } : { year: String(year) } }),
  };
}

export type ProgrammeApi = ReturnType<typeof programmeEndpoints>;
