// Undo with a trace: a button that opens a short form asking why, then withdraws (cancels a session,
// withdraws an entry, a visit or a report). The reason goes to the audit log; a refusal is shown in words.
import { useApp } from '../../app/context.ts';
import { useSubmit } from '../../models/use-submit.ts';
import { Field } from '../form/Field.tsx';
import { FormStatus } from '../form/FormStatus.tsx';

export function WithdrawButton({ label, onWithdraw, onDone }: { label: string; onWithdraw(reason: string): Promise<unknown>; onDone(): void }) {
  const { t } = useApp();
  const submit = useSubmit();
  return (
    <details class="withdraw">
      <summary>{label}</summary>
      <form onSubmit={submit.form((form) => onWithdraw(form.trimmed('reason')), { onSaved: onDone })}>
        <Field label={t('withdraw.reason')}>
          <input name="reason" required maxLength={500} />
        </Field>
        <button type="submit" disabled={submit.busy}>
          {t('withdraw.confirm', { action: label })}
        </button>
        {submit.failure !== null && <FormStatus failure={submit.failure} done={false} />}
      </form>
    </details>
  );
}
