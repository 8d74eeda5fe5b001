// Credited hours (学时) for a session by the tariff: a half day or a day count their fixed hours (default
// 4 and 8); an "actual" session counts its length, rounded down to the half hour. A half or whole day
// applies only to a session at least that long, unless a reason is stated (a day's training held short).
import type { TariffKind } from '../../shared/schemas/programme-calendar.ts';
import type { Tariff } from '../../shared/schemas/programme-settings.ts';

/** The hours a session of this length is credited under its tariff kind (stored on the session as `creditedHours`). */
export function sessionTariffHours(kind: TariffKind, durationMs: number, tariff: Tariff): number {
  switch (kind) {
    case 'half-day':
      return tariff.halfDayHours;
    case 'day':
      return tariff.dayHours;
    case 'actual':
      return Math.floor(Math.max(0, durationMs) / 1_800_000) / 2;
  }
}

/** Whether the tariff may be used for a session this long: null when it may, else the hours it needs. */
export function tariffShortfall(kind: TariffKind, durationMs: number, tariff: Tariff, reason: string): { neededHours: number } | null {
  if (kind === 'actual' || reason.trim() !== '') return null;
  const neededHours = kind === 'half-day' ? tariff.halfDayHours : tariff.dayHours;
  return durationMs >= neededHours * 3_600_000 ? null : { neededHours };
}
