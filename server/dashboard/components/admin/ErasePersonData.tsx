// An admin deletes a person's data in two steps: a required reason, then typing the username to
// confirm; the server erases everything about the person and records the reason in the audit log.
import { useState } from 'preact/hooks';
import { useApp } from '../../app/context.ts';
import type { Person } from '../../../../shared/schemas/organisation.ts';
import { confirmationMatches, ERASE_START, erasedCounts, submitReason, type EraseStep } from '../../models/erase-person.ts';
import type { MessageKey } from '../../i18n/t.ts';
import { FormStatus } from './FormStatus.tsx';
import { useSubmit } from './useSubmit.ts';
import { formFields } from '../form-fields.ts';

export function ErasePersonData({ person, onErased }: { person: Person; onErased(message: string): void }) {
  const { api, t } = useApp();
  const submit = useSubmit();
  const [step, setStep] = useState<EraseStep>(ERASE_START);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [typed, setTyped] = useState('');
  return (
    <details class="danger-zone">
      <summary>{t('erase.open')}</summary>
      <h3>{t('erase.title', { name: person.name })}</h3>
      <p>{t('erase.warning')}</p>
      {step.step === 'reason' ? (
        <form
          class="form-grid"
          onSubmit={(e) => {
            e.preventDefault();
            const form = formFields(e.currentTarget);
            const checked = submitReason(form.text('reason'));
            if (checked.ok) {
              setProblem(null);
              setTyped('');
              setStep(checked.next);
            } else setProblem(checked.problem);
          }}
        >
          <label class="wide">
            <span>{t('erase.reason')}</span>
            <textarea name="reason" required maxLength={500} rows={2} />
          </label>
          {problem !== null && (
            <p class="wide form-error" role="alert">
              {t(problem)}
            </p>
          )}
          <div class="form-actions wide">
            <button type="submit">{t('erase.continue')}</button>
          </div>
        </form>
      ) : (
        <form
          class="form-grid"
          onSubmit={async (e) => {
            e.preventDefault();
            if (!confirmationMatches(person.username, typed)) return;
            const reason = step.reason;
            let message = '';
            const ok = await submit.run(async () => {
              message = t('erase.done', erasedCounts(await api.erasePersonData(person.id, { reason })));
            });
            if (ok) onErased(message);
          }}
        >
          <p class="wide">{t('erase.confirmPrompt', { username: person.username, reason: step.reason })}</p>
          <label>
            <span>{t('erase.confirmLabel')}</span>
            <input name="confirm" autocomplete="off" value={typed} onInput={(e) => setTyped((e.currentTarget as HTMLInputElement).value)} />
          </label>
          <div class="form-actions wide">
            <button type="button" onClick={() => setStep(ERASE_START)} disabled={submit.busy}>
              {t('erase.back')}
            </button>
            <button type="submit" class="danger" disabled={submit.busy || !confirmationMatches(person.username, typed)}>
              {t('erase.confirm')}
            </button>
          </div>
          <div class="wide">
            <FormStatus failure={submit.failure} done={false} />
          </div>
        </form>
      )}
    </details>
  );
}
