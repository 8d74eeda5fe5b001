// Wire shapes of the dashboard's API (docs: api-plan) that had no schema yet: cookie sessions, people as
// listed, devices, audit entries, organisation settings, segments of a person and the PATCH bodies.
import { z } from 'zod';
import { categorySchema, idSchema, instantSchema, resourceKindSchema, roleSchema, segmentModeSchema } from './domain.ts';
import { userSchema, usernameSchema } from './auth.ts';
import { discountsSchema } from './reports.ts';
import { matchPatternSchema } from './policy.ts';
import { passwordSchema } from './organisation.ts';

/** `POST /api/auth/login` with `cookie: true` also sets the session cookie and returns its CSRF token. */
export const cookieLoginRequestSchema = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
  cookie: z.literal(true).optional(),
});
export const cookieLoginResponseSchema = z.object({
  token: z.string(),
  user: userSchema,
  csrfToken: z.string().min(1).optional(),
});
export type CookieLoginResponse = z.infer<typeof cookieLoginResponseSchema>;

/** `GET /api/auth/session`: who the session cookie belongs to, and the token to send on writes. */
export const sessionResponseSchema = z.object({ user: userSchema, csrfToken: z.string().min(1) });
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

/** A person as `GET /api/people` lists them. */
export const personRecordSchema = z.object({
  id: idSchema,
  username: usernameSchema,
  name: z.string(),
  role: roleSchema,
  unitId: idSchema.nullable(),
  active: z.boolean(),
  createdAt: instantSchema,
});
export type PersonRecord = z.infer<typeof personRecordSchema>;

const displayName = z.string().trim().min(1).max(100);

export const updateUnitSchema = z.object({ name: displayName.optional(), parentId: idSchema.nullable().optional() });
export type UpdateUnit = z.infer<typeof updateUnitSchema>;

export const updatePersonSchema = z.object({
  name: displayName.optional(),
  role: roleSchema.optional(),
  unitId: idSchema.optional(),
  active: z.boolean().optional(),
});
export type UpdatePerson = z.infer<typeof updatePersonSchema>;

export const setPasswordSchema = z.object({ currentPassword: z.string().min(1).max(256).optional(), password: passwordSchema });

export const updateResourceSchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  category: categorySchema.optional(),
  kind: resourceKindSchema.optional(),
  patterns: z.array(matchPatternSchema).min(1).max(50).optional(),
  active: z.boolean().optional(),
});
export type UpdateResource = z.infer<typeof updateResourceSchema>;

/** A device token of a person: one per signed-in extension. */
export const deviceSchema = z.object({
  id: idSchema,
  deviceId: z.string(),
  label: z.string(),
  createdAt: instantSchema,
  lastUsedAt: instantSchema.nullable(),
});
export type Device = z.infer<typeof deviceSchema>;

export const auditEntrySchema = z.object({
  id: idSchema,
  at: instantSchema,
  actorId: idSchema.nullable(),
  actorName: z.string(),
  action: z.string(),
  target: z.string(),
  details: z.unknown(),
  reason: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** Organisation-wide settings; the tracking ones also travel in the policy. */
export const orgSettingsSchema = z.object({
  idleSeconds: z.number().int().min(15).max(3600),
  mediaPresenceSeconds: z.number().int().min(60).max(86_400),
  dailyCapSeconds: z.number().int().min(0).max(86_400),
  annualTargetHours: z.number().min(0).max(2000),
  retentionDays: z.number().int().min(1).max(36_500),
});
export type OrgSettings = z.infer<typeof orgSettingsSchema>;

/** One stored segment of a person, with what was credited and why the rest was not. */
export const segmentDetailSchema = z.object({
  id: z.string(),
  resourceId: idSchema,
  url: z.string(),
  title: z.string(),
  startedAt: instantSchema,
  endedAt: instantSchema,
  mode: segmentModeSchema,
  deviceId: z.string(),
  rawSeconds: z.number().int().min(0),
  creditedSeconds: z.number().int().min(0),
  discounts: discountsSchema,
});
export type SegmentDetail = z.infer<typeof segmentDetailSchema>;
