// Research (调查研究): field visits of the "six into" kinds (六进) and research reports, against the
// yearly target of 2–3 reports per person.
import { z } from 'zod';
import { dateSchema, idSchema, instantSchema, linkUrlSchema } from './domain.ts';

export const VISIT_KINDS = ['enterprise', 'village', 'community', 'school', 'construction-site', 'market'] as const;
export const visitKindSchema = z.enum(VISIT_KINDS);
export type VisitKind = z.infer<typeof visitKindSchema>;

export const REPORT_STATUSES = ['draft', 'submitted', 'adopted'] as const;
export const reportStatusSchema = z.enum(REPORT_STATUSES);
export type ReportStatus = z.infer<typeof reportStatusSchema>;

export const fieldVisitInputSchema = z.object({
  personId: idSchema,
  kind: visitKindSchema,
  date: dateSchema,
  place: z.string().trim().min(1).max(200),
  summary: z.string().trim().max(2000).default(''),
});
export type FieldVisitInput = z.input<typeof fieldVisitInputSchema>;

export const fieldVisitSchema = z.object({
  id: idSchema,
  personId: idSchema,
  kind: visitKindSchema,
  date: dateSchema,
  place: z.string(),
  summary: z.string(),
  createdAt: instantSchema,
});
export type FieldVisit = z.infer<typeof fieldVisitSchema>;

export const researchReportInputSchema = z.object({
  personId: idSchema,
  title: z.string().trim().min(1).max(300),
  status: reportStatusSchema,
  date: dateSchema,
  fileUrl: linkUrlSchema(2048).nullable().default(null),
});
export type ResearchReportInput = z.input<typeof researchReportInputSchema>;

export const researchReportSchema = z.object({
  id: idSchema,
  personId: idSchema,
  title: z.string(),
  status: reportStatusSchema,
  date: dateSchema,
  fileUrl: z.string().nullable(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type ResearchReport = z.infer<typeof researchReportSchema>;

/** The office's rule: each person writes 2–3 research reports a year. */
export const reportTargetSchema = z
  .object({ min: z.number().int().min(0).max(20), max: z.number().int().min(0).max(20) })
  .refine((t) => t.min <= t.max, { message: 'min must not exceed max', path: ['min'] });
export type ReportTarget = z.infer<typeof reportTargetSchema>;
export const DEFAULT_REPORT_TARGET: ReportTarget = { min: 2, max: 3 };

/** `GET /api/research?unitId=&year=`: visits, reports and who is short of the target. */
export const researchOverviewSchema = z.object({
  year: z.number().int(),
  target: reportTargetSchema,
  visits: z.array(fieldVisitSchema),
  reports: z.array(researchReportSchema),
  people: z.array(
    z.object({
      personId: idSchema,
      name: z.string(),
      unitId: idSchema.nullable(),
      /** Submitted or adopted reports dated in the year (drafts do not count). */
      reportsCounted: z.number().int().min(0),
      drafts: z.number().int().min(0),
      visits: z.number().int().min(0),
      missing: z.number().int().min(0),
    }),
  ),
});
export type ResearchOverview = z.infer<typeof researchOverviewSchema>;
