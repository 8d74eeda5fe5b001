import { describe, expect, it } from 'vitest';
import { DEFAULT_PROGRAMME_SETTINGS, programmeSettingsSchema } from '../../../../shared/schemas/programme-settings.ts';
import { PROGRAMME_SETTING_FIELDS, settingsFields, settingsFromFields } from './programme-settings-form.ts';

describe('programme settings form', () => {
  it('round-trips the settings through the form, no cap as an empty field', () => {
    const fields = settingsFields(DEFAULT_PROGRAMME_SETTINGS);
    expect(fields.yearlyCapHours).toBe('');
    expect(settingsFromFields((n) => fields[n])).toEqual(DEFAULT_PROGRAMME_SETTINGS);
    const tuned = { tariff: { halfDayHours: 3.5, dayHours: 7 }, online: { hoursPerHour: 0.5, yearlyCapHours: 40 }, checkIn: { opensMinutesBefore: 30, lateAfterMinutes: 5 }, reportTarget: { min: 1, max: 4 } };
    const again = settingsFields(tuned);
    expect(again).toMatchObject({ halfDayHours: '3.5', hoursPerHour: '0.5', yearlyCapHours: '40', reportMax: '4' });
    expect(settingsFromFields((n) => again[n])).toEqual(tuned);
  });

  it('sends a blank required field as not a number, which the schema refuses', () => {
    const fields = { ...settingsFields(DEFAULT_PROGRAMME_SETTINGS), dayHours: ' ' };
    const body = settingsFromFields((n) => fields[n]);
    expect(body.tariff.dayHours).toBeNaN();
    expect(programmeSettingsSchema.safeParse(body).success).toBe(false);
  });

  it('offers the same bounds as the schema', () => {
    const fields = settingsFields(DEFAULT_PROGRAMME_SETTINGS);
    for (const f of PROGRAMME_SETTING_FIELDS) {
      const at = (v: number) => programmeSettingsSchema.safeParse(settingsFromFields((n) => (n === f.name ? String(v) : n === 'reportMax' && f.name === 'reportMin' ? '20' : fields[n]))).success;
      expect(at(f.max), f.name).toBe(true);
      expect(at(f.max + 1), f.name).toBe(false);
      expect(at(f.min - 1), f.name).toBe(false);
    }
  });
});
