// Wire shapes for creating units and people.
import { z } from 'zod';
import { membershipSchema } from './membership.ts';
import { dateSchema, displayNameSchema, hasSomeChange, idSchema, instantSchema, plainTextSchema, roleSchema } from './domain.ts';
import { usernameSchema } from './auth.ts';

const displayName = displayNameSchema(100);

/** Why an administrator made a change; kept in the audit log. */
const reason = plainTextSchema(500).optional();

export const createUnitSchema = z.object({
  name: displayName,
  parentId: idSchema.nullish(),
  reason,
});
export type CreateUnit = z.infer<typeof createUnitSchema>;

export const unitSchema = z.object({
  id: idSchema,
  name: z.string(),
  parentId: idSchema.nullable(),
});
export type Unit = z.infer<typeof unitSchema>;

/** `PATCH /api/units/{id}`: rename or move; moving a unit under its own subtree is refused. */
export const updateUnitSchema = z
  .object({ name: displayName.optional(), parentId: idSchema.nullable().optional(), reason })
  .refine(hasSomeChange, 'send at least one field to change');
export type UpdateUnit = z.infer<typeof updateUnitSchema>;

/** A password's length in characters; the server's configuration check words its message from it. */
export const PASSWORD_LENGTH = { min: 8, max: 256 } as const;
export const passwordSchema = z.string().min(PASSWORD_LENGTH.min, 'at least 8 characters').max(PASSWORD_LENGTH.max);

export const createPersonSchema = z.object({
  username: usernameSchema,
  name: displayName,
  password: passwordSchema,
  role: roleSchema,
  unitId: idSchema,
  /**
   * The day they joined that unit in that role, for people entered after the fact (an office taking the
   * product into use); not in the future. Without it, membership starts today.
   */
  memberSince: dateSchema.optional(),
  reason,
});
export type CreatePerson = z.infer<typeof createPersonSchema>;

/** A person as the people list shows them. */
export const personSchema = z.object({
  id: idSchema,
  username: z.string(),
  name: z.string(),
  role: roleSchema,
  unitId: idSchema.nullable(),
  active: z.boolean(),
  createdAt: instantSchema,
  /** Unit and role over time, oldest first: a move or deactivation closes a period on its date. */
  memberships: z.array(membershipSchema),
});
export type Person = z.infer<typeof personSchema>;

/** `PATCH /api/people/{id}` (admin). Deactivating signs the person out everywhere. */
export const updatePersonSchema = z
  .object({
    name: displayName.optional(),
    role: roleSchema.optional(),
    unitId: idSchema.optional(),
    active: z.boolean().optional(),
    reason,
  })
  .refine(hasSomeChange, 'send at least one field to change');
export type UpdatePerson = z.infer<typeof updatePersonSchema>;

/** `POST /api/people/{id}/password`: an admin sets it; a person changes their own with the current one. */
export const setPasswordSchema = z.object({ password: passwordSchema, currentPassword: z.string().min(1).max(256).optional(), reason });
export type SetPassword = z.infer<typeof setPasswordSchema>;

/** A signed-in device (a bearer token), as listed for its owner and their leaders. */
export const deviceSchema = z.object({
  id: idSchema,
  deviceId: z.string().nullable(),
  label: z.string(),
  createdAt: instantSchema,
  lastUsedAt: instantSchema.nullable(),
});
export type Device = z.infer<typeof deviceSchema>;

/** One administrative change: who, when, what, to what, and why. */
export const auditEntrySchema = z.object({
  id: z.string(),
  at: instantSchema,
  actorId: idSchema,
  actorName: z.string(),
  action: z.string(),
  target: z.string(),
  details: z.string(),
  reason: z.string().nullable(),
  /** The client's address as the server saw it; null when unknown. */
  address: z.string().nullable(),
  /** What the target is called now (a name, a session's topic, a date); null when it no longer exists. */
  targetLabel: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Entries older than this entry id (paging backwards). */
  before: z.string().regex(/^\d{1,15}$/, 'must be an audit entry id').optional(),
});
