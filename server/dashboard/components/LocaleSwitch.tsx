// The language choice: zh-CN (default) or English, remembered in this browser.
import type { Translate } from '../i18n/t.ts';
import { LOCALES, type Locale } from '../models/format.ts';

export function LocaleSwitch({ locale, t, onChange }: { locale: Locale; t: Translate; onChange(locale: Locale): void }) {
  return (
    <label class="locale-switch">
      <span>{t('field.language')}</span>
      <select value={locale} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value as Locale)}>
        {LOCALES.map((l) => (
          <option value={l} key={l}>
            {l === 'zh-CN' ? '简体中文' : 'English'}
          </option>
        ))}
      </select>
    </label>
  );
}
