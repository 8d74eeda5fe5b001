// What the store keeps of the learning programme, in domain terms, and the one snapshot shape that
// holds it (validated on load like the rest of the store file).
import { z } from 'zod';
import type { PersonalPlan as PlanOfRules } from '../../programme/plan-resolution.ts';
import { idSchema, instantSchema } from '../../../shared/schemas/domain.ts';
import { attendanceEntrySchema, type AttendanceEntry } from '../../../shared/schemas/programme-attendance.ts';
import { calendarExceptionSchema, sessionCancellationSchema, sessionKindSchema, tariffKindSchema, type CalendarException } from '../../../shared/schemas/programme-calendar.ts';
import { planStageSchema, planTargetsSchema, readingItemSchema, readingStatusSchema } from '../../../shared/schemas/programme-plans.ts';
import { gradeDecisionSchema, type GradeDecision } from '../../../shared/schemas/programme-record.ts';
import { changeRequestSchema, type ChangeRequest } from '../../../shared/schemas/programme-changes.ts';
import { holidayArrangementSchema, type HolidayArrangement } from '../../../shared/schemas/holiday-arrangement.ts';
import { fieldVisitSchema, researchReportSchema, type FieldVisit, type ResearchReport } from '../../../shared/schemas/programme-research.ts';
import { creditRuleRefSchema, creditRuleSchema, DEFAULT_PROGRAMME_SETTINGS, programmeSettingsSchema, type ProgrammeSettings } from '../../../shared/schemas/programme-settings.ts';

export const personalPlanSchema = z.object({
  personId: idSchema,
  year: z.number().int(),
  stage: planStageSchema,
  targets: planTargetsSchema.nullable(),
  ownItems: z.array(readingItemSchema),
  unitItemStatus: z.record(idSchema, readingStatusSchema),
  updatedAt: instantSchema,
});
/** What the store keeps of a person's plan (the unit's items are referenced, not copied). */
export type PersonalPlan = z.infer<typeof personalPlanSchema>;
// The plan rules (programme/plan-resolution.ts) declare the same shape so as not to import the store:
// both must stay one shape, checked here at compile time.
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : never;
const _planShapesAgree: Same<PersonalPlan, PlanOfRules> = true;

export const unitDefaultsRecordSchema = z.object({
  unitId: idSchema,
  year: z.number().int(),
  stage: planStageSchema,
  targets: planTargetsSchema.nullable(),
  items: z.array(readingItemSchema),
  updatedAt: instantSchema,
});
export type UnitDefaultsRecord = z.infer<typeof unitDefaultsRecordSchema>;

export const sessionRecordSchema = z.object({
  id: idSchema,
  kind: sessionKindSchema,
  topic: z.string(),
  date: z.iso.date(),
  startsAt: instantSchema,
  endsAt: instantSchema,
  place: z.string(),
  link: z.string().nullable(),
  organiserId: idSchema,
  materials: z.array(idSchema),
  tariff: tariffKindSchema,
  /** Sessions stored before reasons were asked for have none. */
  tariffReason: z.string().default(''),
  creditedHours: z.number().min(0),
  /** The version of the credit rules `creditedHours` follows; null for sessions stored before versions were kept. */
  creditRule: creditRuleRefSchema.nullable().default(null),
  unitIds: z.array(idSchema),
  cancelled: sessionCancellationSchema.nullable().default(null),
  code: z.string().min(1),
  createdBy: idSchema,
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type SessionRecord = z.infer<typeof sessionRecordSchema>;

/** A person's year: the leader's remarks and the grade decision. */
export const annualNoteRecordSchema = z.object({
  personId: idSchema,
  year: z.number().int(),
  remarks: z.string(),
  decision: gradeDecisionSchema.nullable(),
  updatedAt: instantSchema,
});
export type AnnualNoteRecord = z.infer<typeof annualNoteRecordSchema>;

/** A year an admin closed: its records are read-only until it is reopened (with a reason). */
export const closedYearSchema = z.object({
  year: z.number().int(),
  closedAt: instantSchema,
  closedById: idSchema,
  closedByName: z.string(),
});
export type ClosedYear = z.infer<typeof closedYearSchema>;

/** The settings as kept: with every version of the credit rules (server/programme/credit-rules.ts); none in stores from before versions. */
export const storedProgrammeSettingsSchema = programmeSettingsSchema.extend({
  creditRules: z.array(creditRuleSchema).default([]),
});
export type StoredProgrammeSettings = z.output<typeof storedProgrammeSettingsSchema>;

export const programmeSnapshotSchema = z.object({
  settings: storedProgrammeSettingsSchema,
  plans: z.array(personalPlanSchema),
  unitDefaults: z.array(unitDefaultsRecordSchema),
  exceptions: z.array(calendarExceptionSchema),
  /** The years' holiday arrangements (放假安排), one a year; stores from before they existed have none. */
  holidays: z.array(holidayArrangementSchema).default([]),
  sessions: z.array(sessionRecordSchema),
  attendance: z.array(attendanceEntrySchema),
  visits: z.array(fieldVisitSchema),
  reports: z.array(researchReportSchema),
  annual: z.array(annualNoteRecordSchema),
  closedYears: z.array(closedYearSchema).default([]),
  changes: z.array(changeRequestSchema).default([]),
});
export type ProgrammeSnapshot = z.infer<typeof programmeSnapshotSchema>;

export function emptyProgrammeSnapshot(): ProgrammeSnapshot {
  return {
    settings: { ...structuredClone(DEFAULT_PROGRAMME_SETTINGS), creditRules: [] },
    plans: [],
    unitDefaults: [],
    exceptions: [],
    holidays: [],
    sessions: [],
    attendance: [],
    visits: [],
    reports: [],
    annual: [],
    closedYears: [],
    changes: [],
  };
}

/** Every change to the programme's data, as data: the store applies and persists these. */
export type ProgrammeOp = z.output<typeof programmeOpSchema>;

export const programmeOpSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('programme.settings.put'), settings: storedProgrammeSettingsSchema }),
  z.object({ type: z.literal('programme.plan.put'), plan: personalPlanSchema }),
  z.object({ type: z.literal('programme.unit-defaults.put'), defaults: unitDefaultsRecordSchema }),
  z.object({ type: z.literal('programme.exception.put'), exception: calendarExceptionSchema }),
  z.object({ type: z.literal('programme.exception.delete'), date: z.iso.date() }),
  z.object({ type: z.literal('programme.holidays.put'), arrangement: holidayArrangementSchema }),
  z.object({ type: z.literal('programme.holidays.delete'), year: z.number().int() }),
  z.object({ type: z.literal('programme.session.put'), session: sessionRecordSchema }),
  z.object({ type: z.literal('programme.attendance.put'), entry: attendanceEntrySchema }),
  z.object({ type: z.literal('programme.visit.put'), visit: fieldVisitSchema }),
  z.object({ type: z.literal('programme.report.put'), report: researchReportSchema }),
  z.object({ type: z.literal('programme.annual.put'), record: annualNoteRecordSchema }),
  z.object({ type: z.literal('programme.attendance.delete'), sessionId: idSchema, personId: idSchema }),
  z.object({ type: z.literal('programme.visit.delete'), id: idSchema }),
  z.object({ type: z.literal('programme.report.delete'), id: idSchema }),
  z.object({ type: z.literal('programme.year.close'), closed: closedYearSchema }),
  z.object({ type: z.literal('programme.year.reopen'), year: z.number().int() }),
  z.object({ type: z.literal('programme.change.put'), change: changeRequestSchema }),
]);

export type { AttendanceEntry, ChangeRequest, CalendarException, FieldVisit, GradeDecision, HolidayArrangement, ProgrammeSettings, ResearchReport };
