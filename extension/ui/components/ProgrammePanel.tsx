// The popup's programme part: progress against this year's study plan, and check-in to a session with
// the code its organiser shows.
import { browser } from 'wxt/browser';
import { t } from '../../i18n/t.ts';
import { hoursText, useProgrammeModel } from '../models/programme-model.ts';

export function ProgrammePanel() {
  const { plan, busy, answer, checkIn } = useProgrammeModel();
  const locale = browser.i18n.getUILanguage();
  return (
    <section class="programme">
      {plan !== null && (
        <div class="plan" data-plan-year={plan.year}>
          <h2>{t('planHeading', String(plan.year))}</h2>
          <p data-plan-achieved={plan.achievedSeconds}>
            {plan.targetHours > 0 ? t('planHours', hoursText(plan.achievedSeconds, locale), String(plan.targetHours)) : t('planNoTarget')}
          </p>
          {plan.readingTotal > 0 && <p>{t('planReading', String(plan.readingDone), String(plan.readingTotal))}</p>}
        </div>
      )}
      <form
        class="check-in"
        onSubmit={(e) => {
          e.preventDefault();
          const code = String(new FormData(e.currentTarget as HTMLFormElement).get('code') ?? '').trim();
          if (code !== '') checkIn(code);
        }}
      >
        <label>
          <span>{t('checkInCodeLabel')}</span>
          <input name="code" autoComplete="off" maxLength={32} required />
        </label>
        <button type="submit" name="check-in" disabled={busy}>
          {t('checkInButton')}
        </button>
      </form>
      {answer !== null && (
        <p class={answer.ok ? 'check-in-answer' : 'warning'} data-check-in={answer.ok ? 'ok' : 'refused'} role="status">
          {t(answer.key, ...answer.subs)}
        </p>
      )}
    </section>
  );
}
