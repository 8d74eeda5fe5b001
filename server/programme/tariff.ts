// Credited hours (学时) for a session by the tariff: a half day or a day count their fixed hours (default
// 4 and 8); an "actual" session counts its length, rounded down to the half hour.
import type { TariffKind } from '../../shared/schemas/programme-calendar.ts';
import type { Tariff } from '../../shared/schemas/programme-settings.ts';

export function creditedHours(kind: TariffKind, durationMs: number, tariff: Tariff): number {
  switch (kind) {
    case 'half-day':
      return tariff.halfDayHours;
    case 'day':
      return tariff.dayHours;
    case 'actual':
      return Math.floor(Math.max(0, durationMs) / 1_800_000) / 2;
  }
}
