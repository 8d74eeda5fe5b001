// Changes a person proposes to what counts for their own assessment (their plan's hour targets, their
// report's status): they wait, visible to the person and their leaders with who and when, until a leader
// over the person (or an admin) approves or rejects them.
import { z } from 'zod';
import { idSchema, instantSchema } from './domain.ts';
import { planStageSchema, planTargetsSchema, planYearSchema } from './programme-plans.ts';
import { reportStatusSchema } from './programme-research.ts';

export const CHANGE_STATES = ['pending', 'approved', 'rejected'] as const;
export const changeStateSchema = z.enum(CHANGE_STATES);
export type ChangeState = z.infer<typeof changeStateSchema>;

export const proposedChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('plan-targets'), year: planYearSchema, stage: planStageSchema, from: planTargetsSchema, to: planTargetsSchema }),
  z.object({ kind: z.literal('report-status'), reportId: idSchema, title: z.string(), from: reportStatusSchema, to: reportStatusSchema }),
]);
export type ProposedChange = z.infer<typeof proposedChangeSchema>;

export const changeRequestSchema = z.object({
  id: idSchema,
  personId: idSchema,
  personName: z.string(),
  change: proposedChangeSchema,
  state: changeStateSchema,
  proposedAt: instantSchema,
  proposedById: idSchema,
  proposedByName: z.string(),
  decidedAt: instantSchema.nullable(),
  decidedById: idSchema.nullable(),
  decidedByName: z.string().nullable(),
  /** Why it was rejected (required) or approved (optional). */
  reason: z.string(),
});
export type ChangeRequest = z.infer<typeof changeRequestSchema>;

/** `POST /api/changes/{id}/approve` (reason optional) and `/reject` (reason required). */
export const changeDecisionInputSchema = z.object({ reason: z.string().trim().max(500).default('') });
export const changeRejectionInputSchema = z.object({ reason: z.string().trim().min(1).max(500) });

export const changeQuerySchema = z.object({ state: changeStateSchema.optional(), personId: idSchema.optional() });
