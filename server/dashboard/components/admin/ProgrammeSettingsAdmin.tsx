// Programme settings (admin): the session tariffs, how online study converts to credited hours and its
// yearly cap, the check-in window and the yearly report target, through PUT /api/programme/settings.
import { useApp } from '../../app/context.ts';
import type { MessageKey } from '../../i18n/t.ts';
import { PROGRAMME_SETTING_FIELDS, settingsFields, settingsFromFields } from '../../models/programme/programme-settings-form.ts';
import { useLoad } from '../../models/use-load.ts';
import { Loaded } from '../States.tsx';
import { FormStatus } from './FormStatus.tsx';
import { useSubmit } from './useSubmit.ts';
import { formFields } from '../form-fields.ts';

export function ProgrammeSettingsAdmin() {
  const { api, t } = useApp();
  const settings = useLoad(() => api.programme.settings(), [api]);
  const submit = useSubmit();
  return (
    <Loaded load={settings}>
      {(current) => {
        const values = settingsFields(current);
        return (
          <form
            class="panel form-grid"
            aria-labelledby="programme-settings-title"
            onSubmit={(e) => {
              e.preventDefault();
              const form = formFields(e.currentTarget);
              const next = settingsFromFields((name) => form.text(name));
              void submit.run(() => api.programme.saveSettings(next)).then((ok) => ok && settings.reload());
            }}
          >
            <h2 id="programme-settings-title" class="wide">
              {t('admin.programme')}
            </h2>
            {PROGRAMME_SETTING_FIELDS.map((f) => (
              <label key={f.name}>
                <span>{t(`programmeSettings.${f.name}` as MessageKey)}</span>
                <input
                  type="number"
                  name={f.name}
                  required={!f.optional}
                  min={f.min}
                  max={f.max}
                  step={f.step}
                  defaultValue={values[f.name]}
                  aria-describedby={`${f.name}-hint`}
                />
                <small id={`${f.name}-hint`}>{t(`programmeSettings.${f.name}Hint` as MessageKey)}</small>
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
        );
      }}
    </Loaded>
  );
}
