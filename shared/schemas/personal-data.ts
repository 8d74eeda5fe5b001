// A person's own data: the download of everything recorded about them, and an administrator's
// erasure of it when they leave.
import { z } from 'zod';
import { categorySchema, dateSchema, idSchema, instantSchema, resourceKindSchema, roleSchema, segmentModeSchema } from './domain.ts';
import { noteReviewSchema, noteSchema } from './notes.ts';
import { attendanceEntrySchema } from './programme-attendance.ts';
import { planStageSchema, planTargetsSchema, readingItemSchema, readingStatusSchema } from './programme-plans.ts';
import { gradeDecisionSchema } from './programme-record.ts';
import { fieldVisitSchema, researchReportSchema } from './programme-research.ts';

export const PERSONAL_EXPORT_FORMAT = 'studytrail.personal-export';

const seconds = z.number().int().min(0);

export const personalExportSchema = z.object({
  format: z.literal(PERSONAL_EXPORT_FORMAT),
  formatVersion: z.literal(2),
  exportedAt: instantSchema,
  person: z.object({
    id: idSchema,
    username: z.string(),
    name: z.string(),
    role: roleSchema,
    unitId: idSchema.nullable(),
    active: z.boolean(),
    createdAt: instantSchema,
  }),
  unit: z.object({ id: idSchema, name: z.string() }).nullable(),
  /** Signed-in devices and dashboard sessions (never the secret itself). */
  signIns: z.array(
    z.object({
      id: idSchema,
      kind: z.enum(['device', 'session']),
      label: z.string(),
      deviceId: z.string().nullable(),
      createdAt: instantSchema,
      lastUsedAt: instantSchema.nullable(),
      expiresAt: instantSchema.nullable(),
    }),
  ),
  /** Every segment of counted time, from every device, as received. */
  segments: z.array(
    z.object({
      id: z.string(),
      resourceId: idSchema,
      url: z.string(),
      title: z.string(),
      startedAt: instantSchema,
      endedAt: instantSchema,
      mode: segmentModeSchema,
      deviceId: z.string(),
      policyVersion: z.number().int().min(0),
      receivedAt: instantSchema,
    }),
  ),
  /** Time sent but not counted (outside the designated resources, or invalid): no page is kept. */
  refusedSegments: z.array(
    z.object({
      id: z.string(),
      deviceId: z.string(),
      reason: z.enum(['outside_allowlist', 'invalid']),
      code: z.string(),
      message: z.string(),
      startedAt: instantSchema,
      endedAt: instantSchema,
      receivedAt: instantSchema,
    }),
  ),
  /** The daily totals kept per calendar day in the organisation's zone. */
  dayTotals: z.array(
    z.object({
      date: dateSchema,
      rawSeconds: seconds,
      creditedSeconds: seconds,
      overlapSeconds: seconds,
      dailyCapSeconds: seconds,
      outsideAllowlistSeconds: seconds,
      invalidSeconds: seconds,
      byResource: z.array(z.object({ resourceId: idSchema, seconds })),
    }),
  ),
  /** Notes as last synced (deleted ones too, with deletedAt), with any leader's review. */
  notes: z.array(z.object({ note: noteSchema, review: noteReviewSchema.nullable() })),
  /** The designated resources those segments and notes belong to. */
  resources: z.array(z.object({ id: idSchema, name: z.string(), category: categorySchema, kind: resourceKindSchema })),
  /** Administrative acts done to this person's account and notes. */
  audit: z.array(z.object({ at: instantSchema, action: z.string(), actorName: z.string(), details: z.string(), reason: z.string().nullable() })),
  /** The learning programme's records about the person: plans, attendance, research, annual remarks and grades. */
  programme: z.object({
    plans: z.array(
      z.object({
        year: z.number().int(),
        stage: planStageSchema,
        targets: planTargetsSchema.nullable(),
        ownItems: z.array(readingItemSchema),
        unitItemStatus: z.record(idSchema, readingStatusSchema),
        updatedAt: instantSchema,
      }),
    ),
    attendance: z.array(attendanceEntrySchema),
    visits: z.array(fieldVisitSchema),
    reports: z.array(researchReportSchema),
    annualNotes: z.array(z.object({ year: z.number().int(), remarks: z.string(), decision: gradeDecisionSchema.nullable(), updatedAt: instantSchema })),
  }),
});
export type PersonalExport = z.infer<typeof personalExportSchema>;

export const eraseRequestSchema = z.object({
  /** Why, for the audit log (e.g. "left the office on 2026-03-31"). */
  reason: z.string().trim().min(1, 'say why the data is erased').max(500),
});

export const eraseResultSchema = z.object({
  personId: idSchema,
  removed: z.object({
    segments: z.number().int().min(0),
    refused: z.number().int().min(0),
    tokens: z.number().int().min(0),
    dayTotals: z.number().int().min(0),
    notes: z.number().int().min(0),
  }),
  auditId: z.string(),
});
export type EraseResult = z.infer<typeof eraseResultSchema>;
