// Designated resources and the policy the server hands to every extension.
import { z } from 'zod';
import { categorySchema, idSchema, resourceKindSchema } from './domain.ts';
import { parseMatchPattern } from '../url/match-pattern.ts';

export const matchPatternSchema = z
  .string()
  .max(2048)
  .refine((p) => parseMatchPattern(p) !== null, 'must be a browser match pattern such as https://*.example.org/learn/*');

export const createResourceSchema = z.object({
  name: z.string().trim().min(1).max(200),
  category: categorySchema,
  kind: resourceKindSchema,
  patterns: z.array(matchPatternSchema).min(1).max(50),
});
export type CreateResource = z.infer<typeof createResourceSchema>;

export const resourceSchema = createResourceSchema.extend({ id: idSchema });
export type Resource = z.infer<typeof resourceSchema>;

export const trackingSettingsSchema = z.object({
  /** Seconds without input after which a reader counts as idle (chrome.idle threshold, min 15). */
  idleSeconds: z.number().int().min(15).max(3600),
  /**
   * Seconds of media playing without any input after which the extension asks whether the person is
   * still there. Optional on the wire, so policies from servers that predate it stay valid.
   */
  mediaPresenceSeconds: z.number().int().min(60).max(86_400).optional(),
});
export type TrackingSettings = z.infer<typeof trackingSettingsSchema>;

export const DEFAULT_TRACKING_SETTINGS: TrackingSettings = { idleSeconds: 120 };

/** What a policy without mediaPresenceSeconds means: ask after half an hour of media-only counting. */
export const DEFAULT_MEDIA_PRESENCE_SECONDS = 1800;

export const policySchema = z.object({
  version: z.number().int().min(0),
  resources: z.array(resourceSchema),
  settings: trackingSettingsSchema,
});
export type Policy = z.infer<typeof policySchema>;
