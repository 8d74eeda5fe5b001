// An admin deletes a person's data in two steps: a required reason, then typing the username to
// confirm; the server erases everything about the person and records the reason in the audit log.
import { useApp } from '../../app/context.ts';
import type { Person } from '../../../../shared/schemas/organisation.ts';
import { erasedCounts, useErasePerson } from '../../models/erase-person.ts';
import { useSubmit } from '../../models/use-submit.ts';
import { Field, FormActions } from '../form/Field.tsx';

export function ErasePersonData({ person, onErased }: { person: Person; onErased(message: string): void }) {
  const { api, t } = useApp();
  const submit = useSubmit();
  const erase = useErasePerson(api, person);
  return (
    <details class="danger-zone">
      <summary>{t('erase.open')}</summary>
      <h3>{t('erase.title', { name: person.name })}</h3>
      <p>{t('erase.warning')}</p>
      {erase.step.step === 'reason' ? (
        <form class="form-grid" onSubmit={submit.form(erase.continueWith)}>
          <Field label={t('erase.reason')} wide error={erase.problem === null ? null : t(erase.problem)}>
            <textarea name="reason" required maxLength={500} rows={2} />
          </Field>
          <FormActions submit={submit} label={t('erase.continue')} kind="plain" status="none" />
        </form>
      ) : (
        <form class="form-grid" onSubmit={submit.form(erase.erase, { onSaved: (result) => onErased(t('erase.done', erasedCounts(result))) })}>
          <p class="wide">{t('erase.confirmPrompt', { username: person.username, reason: erase.step.reason })}</p>
          <Field label={t('erase.confirmLabel')}>
            <input name="confirm" autocomplete="off" value={erase.typed} onInput={(e) => erase.type((e.currentTarget as HTMLInputElement).value)} />
          </Field>
          <FormActions
            submit={submit}
            label={t('erase.confirm')}
            kind="danger"
            disabled={!erase.matches}
            status="failure"
            before={
              <button type="button" onClick={erase.back} disabled={submit.busy}>
                {t('erase.back')}
              </button>
            }
          />
        </form>
      )}
    </details>
  );
}
