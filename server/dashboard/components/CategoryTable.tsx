// Hours by category as a table: the same figures as the category chart, for print and screen readers.
import { useApp } from '../app/context.ts';
import type { CategoryShare } from '../models/overview.ts';
import { formatPercent, formatStudyTimeWithUnit } from '../models/format.ts';

export function CategoryTable({ categories }: { categories: readonly CategoryShare[] }) {
  const { t, locale } = useApp();
  return (
    <table class="data compact">
      <caption class="sr-only">{t('figure.byCategory')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('field.category')}</th>
          <th scope="col" class="num">{t('figure.credited')}</th>
          <th scope="col" class="num">{t('figure.share')}</th>
        </tr>
      </thead>
      <tbody>
        {categories.map((c) => (
          <tr key={c.category}>
            <th scope="row">
              <span class={`swatch swatch-${c.category}`} aria-hidden="true" />
              {t(`category.${c.category}`)}
            </th>
            <td class="num">{formatStudyTimeWithUnit(c.seconds, locale)}</td>
            <td class="num">{formatPercent(c.share, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
