// Organisation settings: idle and media thresholds (sent to every extension), the daily cap, the
// annual target in hours and how long records are kept.
import { useApp } from '../../app/context.ts';
import { saveSettings, SETTING_FIELDS, useSettings } from '../../models/admin/admin-model.ts';
import { useSubmit } from '../../models/use-submit.ts';
import { Loaded } from '../States.tsx';
import { Field, FormActions, FormPanel, hintId } from '../form/Field.tsx';

export function SettingsAdmin() {
  const { api, t } = useApp();
  const settings = useSettings(api);
  const submit = useSubmit();
  return (
    <Loaded load={settings}>
      {(current) => (
        <FormPanel id="settings" title={t('admin.settings')} onSubmit={submit.form((form) => saveSettings(api, form), { onSaved: settings.reload })}>
          {SETTING_FIELDS.map((f) => (
            <Field key={f.key} label={t(f.label)} hint={{ name: f.key, text: t(f.hint) }}>
              <input type="number" name={f.key} required min={f.min} max={f.max} step={f.step} defaultValue={String(current[f.key])} aria-describedby={hintId(f.key)} />
            </Field>
          ))}
          <FormActions submit={submit} label={t('action.save')} />
        </FormPanel>
      )}
    </Loaded>
  );
}
