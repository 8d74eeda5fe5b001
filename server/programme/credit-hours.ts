// 学时 for a year: online study converted at the configured rate and capped, plus session tariffs.
// What was counted and what is credited both stay visible; every difference carries its reason.
import type { OnlineCredit } from '../../shared/schemas/programme-settings.ts';

export interface CreditedHours {
  onlineSeconds: number;
  onlineCreditedHours: number;
  sessionHours: number;
  totalHours: number;
  adjustments: { reason: 'online_conversion' | 'online_cap'; hours: number }[];
}

const tenth = (h: number) => Math.round(h * 10) / 10;

export function creditHours(input: { onlineSeconds: number; sessionHours: number; online: OnlineCredit }): CreditedHours {
  const counted = input.onlineSeconds / 3600;
  const converted = counted * input.online.hoursPerHour;
  const capped = input.online.yearlyCapHours === null ? converted : Math.min(converted, input.online.yearlyCapHours);
  const adjustments: CreditedHours['adjustments'] = [];
  if (tenth(converted) !== tenth(counted)) adjustments.push({ reason: 'online_conversion', hours: tenth(converted - counted) });
  if (capped < converted) adjustments.push({ reason: 'online_cap', hours: tenth(capped - converted) });
  const onlineCreditedHours = tenth(capped);
  const sessionHours = tenth(input.sessionHours);
  return { onlineSeconds: input.onlineSeconds, onlineCreditedHours, sessionHours, totalHours: tenth(onlineCreditedHours + sessionHours), adjustments };
}
