// Self check-in with the session's short code (the code may come in the link, ?code=): the answer says
// which session and whether it was on time, or why not in words.
import { useApp } from '../../app/context.ts';
import { checkInMessage } from '../../models/programme/check-in-message.ts';
import { useCheckInPage } from '../../models/programme/check-in-page.ts';
import { useSubmit } from '../../models/use-submit.ts';
import { Field, FormActions } from '../form/Field.tsx';
import { FormStatus } from '../form/FormStatus.tsx';

export function CheckInPage() {
  const { api, t, query } = useApp();
  const submit = useSubmit();
  const page = useCheckInPage(api);
  return (
    <article class="check-in" aria-labelledby="check-in-title">
      <h1 id="check-in-title">{t('checkIn.title')}</h1>
      <form
        class="panel form-grid"
        onSubmit={submit.form(page.send, { onSaved: page.saved })}
      >
        <p class="wide muted">{t('checkIn.intro')}</p>
        <Field label={t('checkIn.code')}>
          <input name="code" required autoComplete="off" autoCapitalize="characters" maxLength={32} defaultValue={query.get('code') ?? ''} class="code-input" />
        </Field>
        {/* Its answer, or why not, stands under the form in words of its own. */}
        <FormActions submit={submit} label={t('checkIn.submit')} wide={false} status="none" />
      </form>
      {page.checkedIn !== null && (
        <p class="check-in-result" role="status" data-testid="check-in-result">
          {t('checkIn.done', { topic: page.checkedIn.topic, status: t(`attendance.${page.checkedIn.status}`) })}
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
