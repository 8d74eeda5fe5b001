// Organisation settings: idle and media thresholds (sent to every extension), the daily cap, the
// annual target in hours and how long records are kept.
import { useApp } from '../../app/context.ts';
import type { Settings as OrgSettings } from '../../../../shared/schemas/settings.ts';
import type { MessageKey } from '../../i18n/t.ts';
import { useLoad } from '../../models/use-load.ts';
import { Loaded } from '../States.tsx';
import { FormStatus } from './FormStatus.tsx';
import { useSubmit } from './useSubmit.ts';
import { formFields } from '../form-fields.ts';

const FIELDS: { key: keyof OrgSettings; label: MessageKey; hint: MessageKey; min: number; max: number; step: number }[] = [
  { key: 'idleSeconds', label: 'settings.idleSeconds', hint: 'settings.idleSecondsHint', min: 15, max: 3600, step: 1 },
  { key: 'mediaPresenceSeconds', label: 'settings.mediaPresenceSeconds', hint: 'settings.mediaPresenceSecondsHint', min: 60, max: 14_400, step: 1 },
  { key: 'dailyCapSeconds', label: 'settings.dailyCapSeconds', hint: 'settings.dailyCapSecondsHint', min: 600, max: 86_400, step: 1 },
  { key: 'annualTargetHours', label: 'settings.annualTargetHours', hint: 'settings.annualTargetHoursHint', min: 0, max: 2000, step: 1 },
  { key: 'retentionDays', label: 'settings.retentionDays', hint: 'settings.retentionDaysHint', min: 60, max: 3660, step: 1 },
];

export function SettingsAdmin() {
  const { api, t } = useApp();
  const settings = useLoad(() => api.settings(), [api]);
  const submit = useSubmit();
  return (
    <Loaded load={settings}>
      {(current) => (
        <form
          class="panel form-grid"
          aria-labelledby="settings-title"
          onSubmit={(e) => {
            e.preventDefault();
            const form = formFields(e.currentTarget);
            const next = Object.fromEntries(FIELDS.map((f) => [f.key, Number(form.text(f.key))])) as unknown as OrgSettings;
            void submit.run(() => api.saveSettings(next)).then((ok) => ok && settings.reload());
          }}
        >
          <h2 id="settings-title">{t('admin.settings')}</h2>
          {FIELDS.map((f) => (
            <label key={f.key}>
              <span>{t(f.label)}</span>
              <input type="number" name={f.key} required min={f.min} max={f.max} step={f.step} defaultValue={String(current[f.key])} aria-describedby={`${f.key}-hint`} />
              <small id={`${f.key}-hint`}>{t(f.hint)}</small>
            </label>
          ))}
          <div class="form-actions wide">
            <button type="submit" class="primary" disabled={submit.busy}>
              {t('action.save')}
            </button>
          </div>
          <div class="wide">
            <FormStatus failure={submit.failure} done={submit.done} />
          </div>
        </form>
      )}
    </Loaded>
  );
}
