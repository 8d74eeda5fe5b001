// The admin's changes to the generated calendar: cancel a Friday (holiday) or move it, with a reason;
// and restore a changed day.
import { useState } from 'preact/hooks';
import { useApp } from '../../app/context.ts';
import type { Calendar } from '../../../../shared/schemas/programme-calendar.ts';
import { FormStatus } from '../admin/FormStatus.tsx';
import { useSubmit } from '../admin/useSubmit.ts';
import { formFields } from '../form-fields.ts';

export function ExceptionForm({ calendar, onSaved }: { calendar: Calendar; onSaved(): void }) {
  const { api, t } = useApp();
  const submit = useSubmit();
  const [action, setAction] = useState<'cancel' | 'move'>('cancel');
  return (
    <section class="panel no-print" aria-labelledby="exceptions-title">
      <h2 id="exceptions-title">{t('calendar.exceptions')}</h2>
      <form
        class="form-grid"
        onSubmit={async (e) => {
          e.preventDefault();
          const form = formFields(e.currentTarget);
          const ok = await submit.run(() =>
            api.programme.setException(form.trimmed('date'), { action, movedTo: action === 'move' ? form.trimmed('movedTo') : null, reason: form.trimmed('reason') }),
          );
          if (ok) onSaved();
        }}
      >
        <label>
          <span>{t('calendar.exceptionDate')}</span>
          <input name="date" type="date" required />
        </label>
        <label>
          <span>{t('calendar.action')}</span>
          <select value={action} onChange={(e) => setAction((e.currentTarget as HTMLSelectElement).value as 'cancel' | 'move')}>
            <option value="cancel">{t('calendar.cancel')}</option>
            <option value="move">{t('calendar.move')}</option>
          </select>
        </label>
        {action === 'move' && (
          <label>
            <span>{t('calendar.movedTo')}</span>
            <input name="movedTo" type="date" required />
          </label>
        )}
        <label>
          <span>{t('calendar.reason')}</span>
          <input name="reason" required maxLength={200} />
        </label>
        <div class="form-actions wide">
          <button type="submit" class="primary" disabled={submit.busy}>
            {t('action.save')}
          </button>
        </div>
      </form>
      {calendar.exceptions.length > 0 && (
        <ul>
          {calendar.exceptions.map((x) => (
            <li key={x.date}>
              {x.date} · {x.action === 'cancel' ? t('calendar.cancel') : `${t('calendar.move')} ${x.movedTo ?? ''}`} · {x.reason}{' '}
              <button type="button" onClick={() => void submit.run(() => api.programme.removeException(x.date)).then((ok) => ok && onSaved())}>
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
