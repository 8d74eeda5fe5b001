// The report range control: this week / month / quarter / year or custom dates, with previous and
// next. The choice lives in the URL query, so the page can be bookmarked and reloaded.
import { useApp } from '../app/context.ts';
import { PERIODS, type Period } from '../../../shared/time/periods.ts';
import { formatDateRange } from '../models/format.ts';
import { rangeToQuery, resolveRange, shiftRange, switchPeriod, type RangeChoice } from '../models/range.ts';
import { withQuery } from './Link.tsx';
import { EnumOptions } from './EnumOptions.tsx';

export function RangePicker({ choice, path, keep = {} }: { choice: RangeChoice; path: string; keep?: Record<string, string> }) {
  const { t, locale, navigate, today } = useApp();
  const go = (next: RangeChoice) => navigate(withQuery(path, { ...keep, ...rangeToQuery(next) }), { replace: true });
  const range = resolveRange(choice);
  return (
    <div class="range-picker" role="group" aria-label={t('range.label')}>
      <label>
        <span>{t('range.period')}</span>
        <select
          value={choice.kind === 'custom' ? 'custom' : choice.period}
          onChange={(e) => {
            const value = (e.currentTarget as HTMLSelectElement).value;
            go(switchPeriod(choice, value as Period | 'custom', today()));
          }}
        >
          <EnumOptions values={PERIODS} label={(p) => t(`period.${p}`)} />
          <option value="custom">{t('period.custom')}</option>
        </select>
      </label>
      {choice.kind === 'custom' && (
        <>
          <label>
            <span>{t('field.from')}</span>
            <input type="date" value={choice.from} max={choice.to} onChange={(e) => go({ ...choice, from: (e.currentTarget as HTMLInputElement).value || choice.from })} />
          </label>
          <label>
            <span>{t('field.to')}</span>
            <input type="date" value={choice.to} min={choice.from} onChange={(e) => go({ ...choice, to: (e.currentTarget as HTMLInputElement).value || choice.to })} />
          </label>
        </>
      )}
      <button type="button" onClick={() => go(shiftRange(choice, -1))} aria-label={t('range.previous')}>
        ‹
      </button>
      <span class="range-text" aria-live="polite">
        {formatDateRange(range.from, range.to, locale)}
      </span>
      <button type="button" onClick={() => go(shiftRange(choice, 1))} aria-label={t('range.next')}>
        ›
      </button>
    </div>
  );
}
