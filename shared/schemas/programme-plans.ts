// Personal study plans (学习计划): hour targets per year or quarter, in total and per category, and the
// must-read list (必读书目). Leaders set unit defaults; each person keeps their own plan on top.
import { z } from 'zod';
import { targetBasisSchema } from './figures.ts';
import { CATEGORIES, categorySchema, dateSchema, idSchema, instantSchema } from './domain.ts';

/** A plan covers a whole year or one of its quarters (the office's "stage" plans). */
export const PLAN_STAGES = ['year', 'q1', 'q2', 'q3', 'q4'] as const;
export const planStageSchema = z.enum(PLAN_STAGES);
export type PlanStage = z.infer<typeof planStageSchema>;

export const READING_STATUSES = ['not-started', 'reading', 'done'] as const;
export const readingStatusSchema = z.enum(READING_STATUSES);
export type ReadingStatus = z.infer<typeof readingStatusSchema>;

export const planYearSchema = z.number().int().min(2000).max(2100);

/** Study hours (学时): never negative, at most every hour of a year. */
export const targetHoursSchema = z.number().finite().min(0, 'targets cannot be negative').max(8784);

export const planTargetsSchema = z
  .object({
    totalHours: targetHoursSchema,
    /** Categories left out have no target of their own. */
    byCategory: z.partialRecord(categorySchema, targetHoursSchema),
  })
  .refine((t) => CATEGORIES.reduce((sum, c) => sum + (t.byCategory[c] ?? 0), 0) <= t.totalHours + 1e-9, {
    message: 'the category targets add up to more than the total',
    path: ['byCategory'],
  });
export type PlanTargets = z.infer<typeof planTargetsSchema>;

export const READING_LIST_MAX = 100;

/** One must-read item as written by a person or a leader (id given when editing an existing item). */
export const readingItemInputSchema = z.object({
  id: idSchema.optional(),
  title: z.string().trim().min(1).max(200),
  author: z.string().trim().max(100).default(''),
  /** The designated resource where it is read online, if any: notes on it count as notes on the item. */
  resourceId: idSchema.nullable().default(null),
  status: readingStatusSchema.default('not-started'),
});
export type ReadingItemInput = z.input<typeof readingItemInputSchema>;

export const readingItemSchema = z.object({
  id: idSchema,
  title: z.string(),
  author: z.string(),
  resourceId: idSchema.nullable(),
  status: readingStatusSchema,
  /** `unit`: copied from the unit's default list (the person may not remove it); `own`: added by the person. */
  source: z.enum(['unit', 'own']),
});
export type ReadingItem = z.infer<typeof readingItemSchema>;

/** `PUT /api/people/{id}/plans/{year}/{stage}` */
export const savePlanSchema = z.object({
  targets: planTargetsSchema,
  readingList: z.array(readingItemInputSchema).max(READING_LIST_MAX),
});
export type SavePlan = z.infer<typeof savePlanSchema>;

export const studyPlanSchema = z.object({
  personId: idSchema,
  year: planYearSchema,
  stage: planStageSchema,
  targets: planTargetsSchema,
  readingList: z.array(readingItemSchema),
  /** null when the plan is the unit default nobody has saved yet. */
  updatedAt: instantSchema.nullable(),
});
export type StudyPlan = z.infer<typeof studyPlanSchema>;

/** `PUT /api/units/{id}/plan-defaults/{year}/{stage}`: what every plan in the unit starts from. */
export const unitPlanDefaultsSchema = z.object({
  unitId: idSchema,
  year: planYearSchema,
  stage: planStageSchema,
  targets: planTargetsSchema,
  readingList: z.array(readingItemSchema),
  updatedAt: instantSchema.nullable(),
});
export type UnitPlanDefaults = z.infer<typeof unitPlanDefaultsSchema>;

const seconds = z.number().int().min(0);

/** How far a plan has come: hours from the learning log plus credited sessions, and the reading list. */
export const planProgressSchema = z.object({
  personId: idSchema,
  year: planYearSchema,
  stage: planStageSchema,
  from: dateSchema,
  to: dateSchema,
  /** The effective target pro-rated to the days elapsed, and credited hours (online under the settings plus sessions). */
  total: z.object({ targetHours: targetHoursSchema, targetBasis: targetBasisSchema, achievedSeconds: seconds, share: z.number().min(0).nullable() }),
  byCategory: z.array(
    z.object({
      category: categorySchema,
      targetHours: targetHoursSchema.nullable(),
      achievedSeconds: seconds,
      share: z.number().min(0).nullable(),
    }),
  ),
  reading: z.object({
    total: seconds,
    done: seconds,
    reading: seconds,
    notStarted: seconds,
    items: z.array(readingItemSchema.extend({ notesCount: seconds })),
  }),
});
export type PlanProgress = z.infer<typeof planProgressSchema>;
