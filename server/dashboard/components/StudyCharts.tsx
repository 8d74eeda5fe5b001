// The trend and the split by category side by side, each chart with its figures for print and screen
// readers: as the overview of a unit and a person's learning log show them.
import type { ChartConfiguration } from 'chart.js';
import { useApp } from '../app/context.ts';
import type { CategoryShare } from '../models/overview.ts';
import { CategoryTable } from './CategoryTable.tsx';
import { ChartCanvas } from './ChartCanvas.tsx';

export function StudyCharts(props: { trend: ChartConfiguration; trendLabel: string; categories: ChartConfiguration; shares: readonly CategoryShare[] }) {
  const { t } = useApp();
  return (
    <div class="charts">
      <section class="panel">
        <h2>{t('figure.trend')}</h2>
        <ChartCanvas config={props.trend} label={props.trendLabel} />
      </section>
      <section class="panel">
        <h2>{t('figure.byCategory')}</h2>
        <ChartCanvas config={props.categories} label={t('figure.byCategory')} height={180} />
        <CategoryTable categories={props.shares} />
      </section>
    </div>
  );
}
