// The annual learning record (年度学习档案) of one person, the suggested assessment grade a leader
// confirms or changes with a reason, and the organisation's summary for the year.
import { z } from 'zod';
import { targetBasisSchema } from './figures.ts';
import { categorySchema, idSchema, instantSchema } from './domain.ts';
import { attendanceCountsSchema } from './programme-attendance.ts';
import { reportStatusSchema, reportTargetSchema, visitKindSchema } from './programme-research.ts';

/** The grades of the annual assessment (年度考核): 优秀, 称职, 基本称职, 不称职. */
export const GRADES = ['excellent', 'competent', 'basically-competent', 'not-competent'] as const;
export const gradeSchema = z.enum(GRADES);
export type Grade = z.infer<typeof gradeSchema>;

/** Why hours were credited differently from what was counted. */
export const CREDIT_REASONS = ['online_conversion', 'online_cap'] as const;
export const creditReasonSchema = z.enum(CREDIT_REASONS);

const seconds = z.number().int().min(0);
const hours = z.number().min(0);
const share = z.number().min(0).nullable();

/** `PUT /api/annual-records/{personId}/{year}/grade`: the reason is required when departing from the suggestion. */
export const gradeDecisionInputSchema = z.object({
  grade: gradeSchema,
  reason: z.string().trim().max(1000).default(''),
});
export type GradeDecisionInput = z.input<typeof gradeDecisionInputSchema>;

/** `PUT /api/annual-records/{personId}/{year}/remarks` */
export const remarksInputSchema = z.object({ remarks: z.string().trim().max(4000) });

/** The figures a grade decision was made on; when they differ later the decision is stale. */
export const decisionFiguresSchema = z.object({
  suggested: gradeSchema,
  totalHours: hours,
  targetHours: hours,
  attendanceRate: share,
  reportsCounted: seconds,
  notesCount: seconds,
});
export type DecisionFigures = z.infer<typeof decisionFiguresSchema>;

export const gradeDecisionSchema = z.object({
  grade: gradeSchema,
  reason: z.string(),
  decidedBy: idSchema,
  decidedByName: z.string(),
  decidedAt: instantSchema,
  /** Null for decisions stored before the figures were kept. */
  figures: decisionFiguresSchema.nullable().default(null),
});
export type GradeDecision = z.infer<typeof gradeDecisionSchema>;

export const annualRecordSchema = z.object({
  personId: idSchema,
  name: z.string(),
  unitId: idSchema.nullable(),
  year: z.number().int(),
  hours: z.object({
    /** The effective target pro-rated to the days elapsed (effective-target.ts), and how it was set. */
    targetHours: hours,
    targetBasis: targetBasisSchema,
    /** Online study as counted (after overlap and daily-cap discounts), before conversion. */
    onlineSeconds: seconds,
    onlineCreditedHours: hours,
    sessionHours: hours,
    totalHours: hours,
    share,
    /** Every difference between counted and credited, with its reason. */
    adjustments: z.array(z.object({ reason: creditReasonSchema, hours: z.number() })),
    byCategory: z.array(z.object({ category: categorySchema, targetHours: hours.nullable(), achievedHours: hours })),
  }),
  reading: z.object({ total: seconds, done: seconds }),
  attendance: attendanceCountsSchema,
  notes: z.object({ count: seconds, characters: seconds, reviewed: seconds, reviewedShare: share }),
  research: z.object({
    target: reportTargetSchema,
    reports: z.array(z.object({ title: z.string(), status: reportStatusSchema, date: z.string() })),
    reportsCounted: seconds,
    visits: z.array(z.object({ kind: visitKindSchema, count: seconds })),
  }),
  remarks: z.string(),
  grade: z.object({
    suggested: gradeSchema,
    /** The rule's findings, as message keys with figures, so the suggestion explains itself. */
    basis: z.array(z.object({ criterion: z.enum(['hours', 'attendance', 'reports', 'notes']), met: gradeSchema })),
    decision: gradeDecisionSchema.nullable(),
    /** The figures that changed since the decision (建议等级已变化): non-empty asks the leader to reconfirm. */
    staleFigures: z.array(decisionFiguresSchema.keyof()),
  }),
});
export type AnnualRecord = z.infer<typeof annualRecordSchema>;

/** `GET /api/annual-records?unitId=&year=`: the organisation (or a unit) over the year. */
/** The year's figures for a group of people (the organisation, a unit, or one committee in it). */
const yearTallySchema = z.object({
  people: seconds,
  totalHours: hours,
  targetHours: hours,
  onTarget: seconds,
  attendance: attendanceCountsSchema,
  notesCount: seconds,
  reportsCounted: seconds,
  missingReports: seconds,
  suggested: z.record(gradeSchema, seconds),
  final: z.record(gradeSchema, seconds),
  undecided: seconds,
});

export const organisationSummarySchema = yearTallySchema.extend({
  year: z.number().int(),
  /** The same figures per committee: each unit directly under the one summarised (or each top unit). */
  units: z.array(yearTallySchema.extend({ unitId: idSchema, name: z.string() })),
  records: z.array(annualRecordSchema),
});
export type OrganisationSummary = z.infer<typeof organisationSummarySchema>;
