// Undo with a trace: a button that opens a short form asking why, then withdraws (cancels a session,
// withdraws an entry, a visit or a report). The reason goes to the audit log; a refusal is shown in words.
import { useApp } from '../../app/context.ts';
import { FormStatus } from '../admin/FormStatus.tsx';
import { useSubmit } from '../admin/useSubmit.ts';
import { formFields } from '../form-fields.ts';

export function WithdrawButton({ label, onWithdraw, onDone }: { label: string; onWithdraw(reason: string): Promise<unknown>; onDone(): void }) {
  const { t } = useApp();
  const submit = useSubmit();
  return (
    <details class="withdraw">
      <summary>{label}</summary>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const reason = formFields(e.currentTarget).trimmed('reason');
          if (await submit.run(() => onWithdraw(reason))) onDone();
        }}
      >
        <input name="reason" aria-label={t('withdraw.reason')} placeholder={t('withdraw.reason')} required maxLength={500} />
        <button type="submit" disabled={submit.busy}>
          {t('withdraw.confirm', { action: label })}
        </button>
        {submit.failure !== null && <FormStatus failure={submit.failure} done={false} />}
      </form>
    </details>
  );
}
