// The sign-in's last step where the browser asks for site access only on a click of its own (Firefox):
// the sites, a button whose click asks, and a way to leave it for later.
import { t } from '../../i18n/t.ts';

export interface AccessStepProps {
  readonly origins: readonly string[];
  readonly onGrantAccess: () => void;
  readonly onLater: () => void;
}

export function AccessStep({ origins, onGrantAccess, onLater }: AccessStepProps) {
  return (
    <section class="access-step card">
      <h2>{t('accessStepHeading')}</h2>
      <p class="hint">{t('accessStepIntro')}</p>
      <ul class="origins">
        {origins.map((origin) => (
          <li key={origin}>
            <code>{origin}</code>
          </li>
        ))}
      </ul>
      <div class="actions">
        <button type="button" name="grant-access" class="primary" onClick={onGrantAccess}>
          {t('grantAccessButton')}
        </button>
        <button type="button" name="access-later" onClick={onLater}>
          {t('accessLaterButton')}
        </button>
      </div>
    </section>
  );
}
