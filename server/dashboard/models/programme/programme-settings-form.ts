// The programme settings screen's fields (tariffs, online-hours ratio and cap, check-in window, report
// target) and the settings they become. An empty cap means no cap; the server checks every bound again.
import type { ProgrammeSettings } from '../../../../shared/schemas/programme-settings.ts';
import type { Api } from '../../api/endpoints.ts';
import type { FormFields } from '../form-fields.ts';

export const PROGRAMME_SETTING_FIELDS = [
  { name: 'halfDayHours', min: 0, max: 24, step: 0.5, optional: false },
  { name: 'dayHours', min: 0, max: 24, step: 0.5, optional: false },
  { name: 'hoursPerHour', min: 0, max: 10, step: 0.05, optional: false },
  { name: 'yearlyCapHours', min: 0, max: 8784, step: 1, optional: true },
  { name: 'opensMinutesBefore', min: 0, max: 240, step: 1, optional: false },
  { name: 'lateAfterMinutes', min: 0, max: 240, step: 1, optional: false },
  { name: 'reportMin', min: 0, max: 20, step: 1, optional: false },
  { name: 'reportMax', min: 0, max: 20, step: 1, optional: false },
] as const;
export type ProgrammeSettingField = (typeof PROGRAMME_SETTING_FIELDS)[number]['name'];

/** The current settings as the form's text values. */
export function settingsFields(s: ProgrammeSettings): Record<ProgrammeSettingField, string> {
  return {
    halfDayHours: String(s.tariff.halfDayHours),
    dayHours: String(s.tariff.dayHours),
    hoursPerHour: String(s.online.hoursPerHour),
    yearlyCapHours: s.online.yearlyCapHours === null ? '' : String(s.online.yearlyCapHours),
    opensMinutesBefore: String(s.checkIn.opensMinutesBefore),
    lateAfterMinutes: String(s.checkIn.lateAfterMinutes),
    reportMin: String(s.reportTarget.min),
    reportMax: String(s.reportTarget.max),
  };
}

/** The form's text values as the request body; a blank required field is sent as NaN so the server names it. */
export function settingsFromFields(text: (name: ProgrammeSettingField) => string): ProgrammeSettings {
  const num = (name: ProgrammeSettingField) => (text(name).trim() === '' ? Number.NaN : Number(text(name)));
  return {
    tariff: { halfDayHours: num('halfDayHours'), dayHours: num('dayHours') },
    online: { hoursPerHour: num('hoursPerHour'), yearlyCapHours: text('yearlyCapHours').trim() === '' ? null : num('yearlyCapHours') },
    checkIn: { opensMinutesBefore: num('opensMinutesBefore'), lateAfterMinutes: num('lateAfterMinutes') },
    reportTarget: { min: num('reportMin'), max: num('reportMax') },
  };
}

export const saveProgrammeSettings = (api: Api, form: FormFields) => api.programme.saveSettings(settingsFromFields((name) => form.text(name)));
