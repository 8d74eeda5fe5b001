// The foot of the printed record: who reviewed it, a line to sign on, and the date. Print only.
import { useApp } from '../../app/context.ts';

export function SignatureBlock() {
  const { t } = useApp();
  return (
    <section class="signature print-only" aria-label={t('print.signature')}>
      <div class="signature-line">
        <span>{t('print.reviewer')}</span>
        <span class="line" />
      </div>
      <div class="signature-line">
        <span>{t('print.signature')}</span>
        <span class="line" />
      </div>
      <div class="signature-line">
        <span>{t('print.date')}</span>
        <span class="line" />
      </div>
    </section>
  );
}
