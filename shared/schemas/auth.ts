// Wire shapes of sign-in and of the signed-in user.
import { z } from 'zod';
import { idSchema, roleSchema } from './domain.ts';

export const usernameSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._@-]+$/, 'letters, digits and . _ @ - only');

export const loginRequestSchema = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
  /** The dashboard asks for an HttpOnly session cookie (and gets a CSRF token) instead of keeping the token. */
  cookie: z.boolean().optional(),
  /** How the device lists in the person's devices ("Chrome on the office PC"); the User-Agent otherwise. */
  deviceLabel: z.string().trim().max(100).optional(),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const userSchema = z.object({
  id: idSchema,
  username: usernameSchema,
  name: z.string(),
  role: roleSchema,
  unitId: idSchema.nullable(),
});
export type User = z.infer<typeof userSchema>;

export const loginResponseSchema = z.object({ token: z.string(), user: userSchema, csrfToken: z.string().optional() });
export type LoginResponse = z.infer<typeof loginResponseSchema>;

/** `GET /api/auth/session`: the user behind the session cookie and the token to send as X-CSRF-Token. */
export const sessionResponseSchema = z.object({ user: userSchema, csrfToken: z.string() });
export type SessionResponse = z.infer<typeof sessionResponseSchema>;
