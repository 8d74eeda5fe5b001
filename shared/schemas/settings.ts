// The organisation's settings (`GET/PUT /api/settings`): the tracking ones travel in the policy; the
// daily cap, the annual target and the retention window stay on the server.
import { z } from 'zod';
import { plainTextSchema } from './domain.ts';

export const settingsSchema = z.object({
  idleSeconds: z.number().int().min(15).max(3600),
  mediaPresenceSeconds: z.number().int().min(60).max(14_400),
  /** Credited study time per person per day never exceeds this. */
  dailyCapSeconds: z.number().int().min(600).max(86_400),
  /** Hours each person is expected to study in a year; reports pro-rate it to their range. */
  annualTargetHours: z.number().int().min(0).max(2000),
  /**
   * Raw segments older than this are folded into the daily totals. At least 60 days, so a segment the
   * server still accepts (30 days old at most) never lands on a day already folded.
   */
  retentionDays: z.number().int().min(60).max(3660),
});
export type Settings = z.infer<typeof settingsSchema>;

export const updateSettingsSchema = settingsSchema.extend({ reason: plainTextSchema(500).optional() });

export const DEFAULT_SETTINGS: Settings = {
  idleSeconds: 120,
  mediaPresenceSeconds: 1800,
  dailyCapSeconds: 28_800,
  annualTargetHours: 50,
  retentionDays: 400,
};
