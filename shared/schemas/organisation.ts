// Wire shapes for creating units and people.
import { z } from 'zod';
import { idSchema, roleSchema } from './domain.ts';
import { usernameSchema } from './auth.ts';

const displayName = z.string().trim().min(1).max(100);

export const createUnitSchema = z.object({
  name: displayName,
  parentId: idSchema.nullish(),
});
export type CreateUnit = z.infer<typeof createUnitSchema>;

export const unitSchema = z.object({
  id: idSchema,
  name: z.string(),
  parentId: idSchema.nullable(),
});
export type Unit = z.infer<typeof unitSchema>;

export const passwordSchema = z.string().min(8, 'at least 8 characters').max(256);

export const createPersonSchema = z.object({
  username: usernameSchema,
  name: displayName,
  password: passwordSchema,
  role: roleSchema,
  unitId: idSchema,
});
export type CreatePerson = z.infer<typeof createPersonSchema>;
