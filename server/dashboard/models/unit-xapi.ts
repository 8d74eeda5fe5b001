// Whether the overview's range can be downloaded as the unit's xAPI statements: the server answers at
// most UNIT_XAPI_MAX_DAYS days, so a longer range gets the reason instead of a button that would fail.
import { UNIT_XAPI_MAX_DAYS } from '../../../shared/schemas/xapi.ts';
import { daysInRange, type DateRange } from '../../../shared/time/periods.ts';

export type UnitXapiChoice = { ok: true; fileName: string } | { ok: false; days: number; maxDays: number };

export function unitXapiChoice(unitName: string, range: DateRange): UnitXapiChoice {
  const days = daysInRange(range);
  if (days > UNIT_XAPI_MAX_DAYS) return { ok: false, days, maxDays: UNIT_XAPI_MAX_DAYS };
  return { ok: true, fileName: `studytrail-${unitName}-xapi-${range.from}-${range.to}` };
}
