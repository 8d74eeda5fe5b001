// The admin's changes to the generated calendar: cancel a Friday (holiday) or move it, with a reason;
// and restore a changed day.
import { useState } from 'preact/hooks';
import { useApp } from '../../app/context.ts';
import type { Calendar } from '../../../../shared/schemas/programme-calendar.ts';
import { removeException, saveException, type ExceptionAction } from '../../models/programme/programme-model.ts';
import { useSubmit } from '../../models/use-submit.ts';
import { Field, FormActions } from '../form/Field.tsx';
import { FormStatus } from '../form/FormStatus.tsx';

export function ExceptionForm({ calendar, onSaved }: { calendar: Calendar; onSaved(): void }) {
  const { api, t } = useApp();
  const submit = useSubmit();
  const [action, setAction] = useState<ExceptionAction>('cancel');
  return (
    <section class="panel no-print" aria-labelledby="exceptions-title">
      <h2 id="exceptions-title">{t('calendar.exceptions')}</h2>
      <form class="form-grid" onSubmit={submit.form((form) => saveException(api, action, form), { onSaved })}>
        <Field label={t('calendar.exceptionDate')}>
          <input name="date" type="date" required />
        </Field>
        <Field label={t('calendar.action')}>
          <select value={action} onChange={(e) => setAction((e.currentTarget as HTMLSelectElement).value as ExceptionAction)}>
            <option value="cancel">{t('calendar.cancel')}</option>
            <option value="move">{t('calendar.move')}</option>
          </select>
        </Field>
        {action === 'move' && (
          <Field label={t('calendar.movedTo')}>
            <input name="movedTo" type="date" required />
          </Field>
        )}
        <Field label={t('calendar.reason')}>
          <input name="reason" required maxLength={200} />
        </Field>
        {/* The status stands under the list: it answers the restore buttons too. */}
        <FormActions submit={submit} label={t('action.save')} status="none" />
      </form>
      {calendar.exceptions.length > 0 && (
        <ul>
          {calendar.exceptions.map((x) => (
            <li key={x.date}>
              {x.date} · {x.action === 'cancel' ? t('calendar.cancel') : `${t('calendar.move')} ${x.movedTo ?? ''}`} · {x.reason}{' '}
              <button type="button" onClick={() => void submit.run(() => removeException(api, x.date)).then((ok) => ok && onSaved())}>
                {t('calendar.restore')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <FormStatus failure={submit.failure} done={submit.done} />
    </section>
  );
}
