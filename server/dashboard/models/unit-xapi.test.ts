import { describe, expect, it } from 'vitest';
import { UNIT_XAPI_MAX_DAYS } from '../../../shared/schemas/xapi.ts';
import { unitXapiChoice } from './unit-xapi.ts';

describe('unitXapiChoice', () => {
  it('offers a download for a day, a month and a full quarter of 92 days', () => {
    expect(unitXapiChoice('办公室', { from: '2026-03-05', to: '2026-03-05' })).toEqual({ ok: true, fileName: 'studytrail-办公室-xapi-2026-03-05-2026-03-05' });
    expect(unitXapiChoice('u', { from: '2026-03-01', to: '2026-03-31' }).ok).toBe(true);
    expect(UNIT_XAPI_MAX_DAYS).toBe(92);
    expect(unitXapiChoice('u', { from: '2026-07-01', to: '2026-09-30' }).ok).toBe(true); // 92 days
  });

  it('explains instead of offering one for a longer range', () => {
    expect(unitXapiChoice('u', { from: '2026-07-01', to: '2026-10-01' })).toEqual({ ok: false, days: 93, maxDays: 92 });
    expect(unitXapiChoice('u', { from: '2026-01-01', to: '2026-12-31' })).toEqual({ ok: false, days: 365, maxDays: 92 });
  });
});
