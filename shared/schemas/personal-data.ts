// A person's own data: the download of everything recorded about them, and an administrator's
// erasure of it when they leave.
import { z } from 'zod';
import { categorySchema, idSchema, instantSchema, resourceKindSchema, roleSchema, segmentModeSchema } from './domain.ts';

export const PERSONAL_EXPORT_FORMAT = 'studytrail.personal-export';

export const personalExportSchema = z.object({
  format: z.literal(PERSONAL_EXPORT_FORMAT),
  formatVersion: z.literal(1),
  exportedAt: instantSchema,
  person: z.object({
    id: idSchema,
    username: z.string(),
    name: z.string(),
    role: roleSchema,
    unitId: idSchema.nullable(),
    createdAt: instantSchema,
  }),
  unit: z.object({ id: idSchema, name: z.string() }).nullable(),
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
  /** The designated resources those segments belong to. */
  resources: z.array(z.object({ id: idSchema, name: z.string(), category: categorySchema, kind: resourceKindSchema })),
  /** Administrative acts done to this person's account. */
  audit: z.array(z.object({ at: instantSchema, action: z.string(), actorName: z.string(), reason: z.string() })),
});
export type PersonalExport = z.infer<typeof personalExportSchema>;

export const eraseRequestSchema = z.object({
  /** Why, for the audit log (e.g. "left the office on 2026-03-31"). */
  reason: z.string().trim().min(1, 'say why the data is erased').max(500),
});

export const eraseResultSchema = z.object({
  personId: idSchema,
  removed: z.object({ segments: z.number().int().min(0), tokens: z.number().int().min(0) }),
  auditId: idSchema,
});
export type EraseResult = z.infer<typeof eraseResultSchema>;
