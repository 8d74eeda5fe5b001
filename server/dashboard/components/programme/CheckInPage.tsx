// Self check-in with the session's short code (the code may come in the link, ?code=): the answer says
// which session and whether it was on time, or why not in words.
import { useState } from 'preact/hooks';
import { useApp } from '../../app/context.ts';
import { checkInMessage } from '../../models/programme/check-in-message.ts';
import { FormStatus } from '../admin/FormStatus.tsx';
import { useSubmit } from '../admin/useSubmit.ts';
import { formFields } from '../form-fields.ts';

export function CheckInPage() {
  const { api, t, query } = useApp();
  const submit = useSubmit();
  const [result, setResult] = useState<string | null>(null);
  return (
    <article class="check-in" aria-labelledby="check-in-title">
      <h1 id="check-in-title">{t('checkIn.title')}</h1>
      <form
        class="panel form-grid"
        onSubmit={async (e) => {
          e.preventDefault();
          const code = formFields(e.currentTarget).text('code');
          setResult(null);
          await submit.run(async () => {
            const { session, entry } = await api.programme.checkIn(code);
            setResult(t('checkIn.done', { topic: session.topic, status: t(`attendance.${entry.status}`) }));
          });
        }}
      >
        <p class="wide muted">{t('checkIn.intro')}</p>
        <label>
          <span>{t('checkIn.code')}</span>
          <input name="code" required autoComplete="off" autoCapitalize="characters" maxLength={32} defaultValue={query.get('code') ?? ''} class="code-input" />
        </label>
        <div class="form-actions">
          <button type="submit" class="primary" disabled={submit.busy}>
            {t('checkIn.submit')}
          </button>
        </div>
      </form>
      {result !== null && (
        <p class="check-in-result" role="status" data-testid="check-in-result">
          {result}
        </p>
      )}
      {submit.failure !== null &&
        (checkInMessage(submit.failure) === null ? (
          <FormStatus failure={submit.failure} done={false} />
        ) : (
          <p class="form-error" role="alert" data-testid="check-in-error">
            {t(checkInMessage(submit.failure)!)}
          </p>
        ))}
    </article>
  );
}
