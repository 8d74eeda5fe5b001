// Designated resources and the policy the server hands to every extension.
import { z } from 'zod';
import { categorySchema, displayNameSchema, hasSomeChange, idSchema, plainTextSchema, resourceKindSchema } from './domain.ts';
import { parseMatchPattern } from '../url/match-pattern.ts';

export const matchPatternSchema = z
  .string()
  .max(2048)
  .refine((p) => parseMatchPattern(p) !== null, 'must be a browser match pattern such as https://*.example.org/learn/*');

export const createResourceSchema = z.object({
  name: displayNameSchema(200),
  category: categorySchema,
  kind: resourceKindSchema,
  patterns: z.array(matchPatternSchema).min(1).max(50),
});
export type CreateResource = z.infer<typeof createResourceSchema>;

export const resourceSchema = createResourceSchema.extend({ id: idSchema });
export type Resource = z.infer<typeof resourceSchema>;

/** `PATCH /api/resources/{id}`: any subset; an inactive resource leaves the policy but keeps its history. */
export const updateResourceSchema = createResourceSchema
  .partial()
  .extend({ active: z.boolean().optional(), reason: plainTextSchema(500).optional() })
  .refine(hasSomeChange, 'send at least one field to change');
export type UpdateResource = z.infer<typeof updateResourceSchema>;

/** A resource as administrators list it: the policy's fields plus whether it is in force. */
export const managedResourceSchema = resourceSchema.extend({ active: z.boolean() });
export type ManagedResource = z.infer<typeof managedResourceSchema>;

export const trackingSettingsSchema = z.object({
  /** Seconds without input after which a reader counts as idle (chrome.idle threshold, min 15). */
  idleSeconds: z.number().int().min(15).max(3600),
  /**
   * How long a playing video counts without any input before the reader must show presence. Optional
   * on the wire so policies stored by older extensions still parse; the server always sends it.
   */
  mediaPresenceSeconds: z.number().int().min(60).max(14_400).optional(),
});
export type TrackingSettings = z.infer<typeof trackingSettingsSchema>;

export const DEFAULT_TRACKING_SETTINGS = { idleSeconds: 120, mediaPresenceSeconds: 1800 } as const satisfies TrackingSettings;

/** What a policy without mediaPresenceSeconds means: ask after half an hour of media-only counting. */
export const DEFAULT_MEDIA_PRESENCE_SECONDS = DEFAULT_TRACKING_SETTINGS.mediaPresenceSeconds;

export const policySchema = z.object({
  version: z.number().int().min(0),
  resources: z.array(resourceSchema),
  settings: trackingSettingsSchema,
  /**
   * The organisation's time zone (STUDYTRAIL_TZ): every day and time the extension shows is in it.
   * Optional on the wire so policies stored by older extensions still parse; the server always sends it.
   */
  timeZone: z.string().optional(),
});
export type Policy = z.infer<typeof policySchema>;

/** The zone of a policy from a server that did not send one: the contract's default for STUDYTRAIL_TZ. */
export const DEFAULT_ORGANISATION_TIME_ZONE = 'Asia/Shanghai';
