// Programme settings (admin): the session tariffs, how online study converts to credited hours and its
// yearly cap, the check-in window and the yearly report target, through PUT /api/programme/settings.
import { useApp } from '../../app/context.ts';
import type { MessageKey } from '../../i18n/t.ts';
import { PROGRAMME_SETTING_FIELDS, saveProgrammeSettings, settingsFields } from '../../models/programme/programme-settings-form.ts';
import { useProgrammeSettings } from '../../models/admin/admin-model.ts';
import { useSubmit } from '../../models/use-submit.ts';
import { Loaded } from '../States.tsx';
import { Field, FormActions, FormPanel, hintId } from '../form/Field.tsx';

export function ProgrammeSettingsAdmin() {
  const { api, t } = useApp();
  const settings = useProgrammeSettings(api);
  const submit = useSubmit();
  return (
    <Loaded load={settings}>
      {(current) => {
        const values = settingsFields(current);
        return (
          <FormPanel id="programme-settings" title={t('admin.programme')} onSubmit={submit.form((form) => saveProgrammeSettings(api, form), { onSaved: settings.reload })}>
            {PROGRAMME_SETTING_FIELDS.map((f) => (
              <Field key={f.name} label={t(`programmeSettings.${f.name}` as MessageKey)} hint={{ name: f.name, text: t(`programmeSettings.${f.name}Hint` as MessageKey) }}>
                <input type="number" name={f.name} required={!f.optional} min={f.min} max={f.max} step={f.step} defaultValue={values[f.name]} aria-describedby={hintId(f.name)} />
              </Field>
            ))}
            <FormActions submit={submit} label={t('action.save')} />
          </FormPanel>
        );
      }}
    </Loaded>
  );
}
