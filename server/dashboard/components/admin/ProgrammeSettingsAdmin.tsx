// Programme settings (admin): the session tariffs, how online study converts to credited hours and its
// yearly cap, the check-in window and the yearly report target, through PUT /api/programme/settings;
// and every version of the credit rules, so an admin sees from which day a change applies.
import { useApp } from '../../app/context.ts';
import type { CreditRule } from '../../../../shared/schemas/programme-settings.ts';
import { formatInstant } from '../../models/format.ts';
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
          <>
            <FormPanel id="programme-settings" title={t('admin.programme')} onSubmit={submit.form((form) => saveProgrammeSettings(api, form), { onSaved: settings.reload })}>
              {PROGRAMME_SETTING_FIELDS.map((f) => (
                <Field key={f.name} label={t(`programmeSettings.${f.name}` as MessageKey)} hint={{ name: f.name, text: t(`programmeSettings.${f.name}Hint` as MessageKey) }}>
                  <input type="number" name={f.name} required={!f.optional} min={f.min} max={f.max} step={f.step} defaultValue={values[f.name]} aria-describedby={hintId(f.name)} />
                </Field>
              ))}
              <FormActions submit={submit} label={t('action.save')} />
            </FormPanel>
            <CreditRuleHistory rules={current.creditRules} />
          </>
        );
      }}
    </Loaded>
  );
}

function CreditRuleHistory({ rules }: { rules: readonly CreditRule[] }) {
  const { t, locale, timeZone } = useApp();
  return (
    <section class="panel" data-testid="credit-rule-history">
      <h2>{t('creditRule.history')}</h2>
      <p class="muted">{t('creditRule.historyHint')}</p>
      <table class="data compact">
        <thead>
          <tr>
            <th scope="col">{t('creditRule.version')}</th>
            <th scope="col">{t('creditRule.fromDay')}</th>
            <th scope="col" class="num">{t('programmeSettings.halfDayHours')}</th>
            <th scope="col" class="num">{t('programmeSettings.dayHours')}</th>
            <th scope="col" class="num">{t('programmeSettings.hoursPerHour')}</th>
            <th scope="col" class="num">{t('programmeSettings.yearlyCapHours')}</th>
            <th scope="col">{t('creditRule.savedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {[...rules].reverse().map((r) => (
            <tr key={r.version}>
              <td>{r.version}</td>
              <td>{r.from ?? t('creditRule.fromStart')}</td>
              <td class="num">{r.tariff.halfDayHours}</td>
              <td class="num">{r.tariff.dayHours}</td>
              <td class="num">{r.online.hoursPerHour}</td>
              <td class="num">{r.online.yearlyCapHours ?? '—'}</td>
              <td>{r.savedAt === null ? '—' : formatInstant(r.savedAt, locale, timeZone)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
