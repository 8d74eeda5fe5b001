// Chart configurations built from view models: the trend (credited hours per day, week or month with
// the pro-rated target as a dashed line) and the split by category (labelled, patterned bars).
import type { ChartConfiguration } from 'chart.js';
import type { Category } from '../../../shared/schemas/domain.ts';
import type { Translate } from '../i18n/t.ts';
import { formatMonth, formatShortDate, hoursValue, type Locale } from '../models/format.ts';
import type { Granularity, TrendBucket } from '../models/trend.ts';
import { CATEGORY_STYLE, TREND_STYLE } from './palette.ts';
import { patternFill } from './patterns.ts';

export function bucketLabel(bucket: TrendBucket, granularity: Granularity, locale: Locale): string {
  return granularity === 'month' ? formatMonth(bucket.start, locale) : formatShortDate(bucket.start, locale);
}

export function trendConfig(
  buckets: readonly TrendBucket[],
  granularity: Granularity,
  targetSeconds: ((b: TrendBucket) => number) | null,
  t: Translate,
  locale: Locale,
): ChartConfiguration {
  const datasets: ChartConfiguration<'bar' | 'line'>['data']['datasets'] = [
    {
      type: 'bar',
      label: t('figure.creditedHours'),
      data: buckets.map((b) => hoursValue(b.seconds)),
      backgroundColor: TREND_STYLE.credited,
      borderColor: TREND_STYLE.credited,
    },
  ];
  if (targetSeconds !== null) {
    datasets.push({
      type: 'line',
      label: t('figure.targetHours'),
      data: buckets.map((b) => hoursValue(targetSeconds(b))),
      borderColor: TREND_STYLE.target,
      borderDash: [6, 4],
      borderWidth: 2,
      pointRadius: 0,
      fill: false,
    });
  }
  return {
    type: 'bar',
    data: { labels: buckets.map((b) => bucketLabel(b, granularity, locale)), datasets },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      scales: { y: { beginAtZero: true, title: { display: true, text: t('unit.hours') } } },
      plugins: { legend: { position: 'bottom' } },
    },
  } as ChartConfiguration;
}

export function categoryConfig(categories: readonly { category: Category; seconds: number }[], t: Translate): ChartConfiguration {
  return {
    type: 'bar',
    data: {
      labels: categories.map((c) => t(`category.${c.category}`)),
      datasets: [
        {
          label: t('figure.creditedHours'),
          data: categories.map((c) => hoursValue(c.seconds)),
          backgroundColor: categories.map((c) => patternFill(CATEGORY_STYLE[c.category].colour, CATEGORY_STYLE[c.category].pattern)),
          borderColor: '#1f2933',
          borderWidth: 1,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      scales: { x: { beginAtZero: true, title: { display: true, text: t('unit.hours') } } },
      plugins: { legend: { display: false } },
    },
  };
}
