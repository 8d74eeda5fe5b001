// A new session on the calendar: kind, topic, date and times in the organisation's zone, place or link,
// organiser, materials, tariff and the units expected (a leader's own unit chosen to begin with). The
// server checks times and clashes again.
import { useApp } from '../../app/context.ts';
import { SESSION_KINDS, TARIFF_KINDS } from '../../../../shared/schemas/programme-calendar.ts';
import { createSession, useSessionDirectory } from '../../models/programme/programme-model.ts';
import { preselectedUnits } from '../../models/programme/session-form.ts';
import { routePath } from '../../models/router.ts';
import { useSubmit } from '../../models/use-submit.ts';
import { Loaded } from '../States.tsx';
import { ActivePersonSelect, EnumSelect } from '../form/Selects.tsx';
import { ListOptions } from '../ListOptions.tsx';
import { Field, FormActions, FormPanel } from '../form/Field.tsx';

export function SessionForm({ timeZone, defaultDate, onCreated }: { timeZone: string; defaultDate: string; onCreated(): void }) {
  const { api, t, user, navigate } = useApp();
  const submit = useSubmit();
  const directory = useSessionDirectory(api);
  return (
    <Loaded load={directory}>
      {({ people, units, resources }) => {
        const preselected = preselectedUnits(user, units);
        return (
          <FormPanel
            id="new-session"
            title={t('calendar.newSession')}
            class="no-print"
            onSubmit={submit.form((form) => createSession(api, form, timeZone), {
              onSaved: (created) => {
                onCreated();
                navigate(routePath({ name: 'session', sessionId: created.id }));
              },
            })}
          >
            <Field label={t('session.kind')}>
              <EnumSelect name="kind" values={SESSION_KINDS} label={(k) => t(`sessionKind.${k}`)} />
            </Field>
            <Field label={t('session.topic')}>
              <input name="topic" required maxLength={200} />
            </Field>
            <Field label={t('field.date')}>
              <input name="date" type="date" required defaultValue={defaultDate} />
            </Field>
            <Field label={t('session.start')}>
              <input name="start" type="time" required defaultValue="14:30" />
            </Field>
            <Field label={t('session.end')}>
              <input name="end" type="time" required defaultValue="17:30" />
            </Field>
            <Field label={t('session.place')}>
              <input name="place" maxLength={200} />
            </Field>
            <Field label={t('session.link')}>
              <input name="link" type="url" maxLength={2048} />
            </Field>
            <Field label={t('session.organiser')}>
              <ActivePersonSelect name="organiserId" people={people} />
            </Field>
            <Field label={t('session.tariff')}>
              <EnumSelect name="tariff" values={TARIFF_KINDS} label={(k) => t(`tariff.${k}`)} selected="actual" />
            </Field>
            <Field label={t('session.tariffReason')}>
              <input name="tariffReason" maxLength={200} />
            </Field>
            <Field label={t('session.units')}>
              <select name="unitIds" multiple required size={Math.min(6, Math.max(2, units.length))}>
                <ListOptions items={units} id={(u) => u.id} label={(u) => u.name} selected={preselected} />
              </select>
            </Field>
            <Field label={t('session.materials')}>
              <select name="materials" multiple size={Math.min(6, Math.max(2, resources.length))}>
                <ListOptions items={resources} id={(r) => r.id} label={(r) => r.name} />
              </select>
            </Field>
            <FormActions submit={submit} label={t('session.create')} />
          </FormPanel>
        );
      }}
    </Loaded>
  );
}
