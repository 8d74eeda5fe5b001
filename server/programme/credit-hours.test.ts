import { describe, expect, it } from 'vitest';
import { creditHours } from './credit-hours.ts';

describe('creditHours', () => {
  it('credits online study hour for hour with no cap by default, plus sessions', () => {
    expect(creditHours({ onlineSeconds: 36_000, sessionHours: 12, online: { hoursPerHour: 1, yearlyCapHours: null } })).toEqual({
      onlineSeconds: 36_000,
      onlineCreditedHours: 10,
      sessionHours: 12,
      totalHours: 22,
      adjustments: [],
    });
  });

  it('shows a conversion rate as an adjustment', () => {
    const c = creditHours({ onlineSeconds: 36_000, sessionHours: 0, online: { hoursPerHour: 0.5, yearlyCapHours: null } });
    expect(c.onlineCreditedHours).toBe(5);
    expect(c.adjustments).toEqual([{ reason: 'online_conversion', hours: -5 }]);
  });

  it('caps online hours after conversion, saying by how much', () => {
    const c = creditHours({ onlineSeconds: 50 * 3600, sessionHours: 8, online: { hoursPerHour: 1, yearlyCapHours: 40 } });
    expect(c).toMatchObject({ onlineCreditedHours: 40, totalHours: 48, adjustments: [{ reason: 'online_cap', hours: -10 }] });
  });

  it('rounds to the tenth of an hour', () => {
    expect(creditHours({ onlineSeconds: 1000, sessionHours: 0, online: { hoursPerHour: 1, yearlyCapHours: null } }).onlineCreditedHours).toBe(0.3);
  });
});
