// The leaders' one screen: for the selected unit and range, credited hours against target, the trend,
// the split by category, and who is below target with the gap; every number leads to its records.
import { useMemo } from 'preact/hooks';
import { useApp } from '../../app/context.ts';
import type { Unit } from '../../../../shared/schemas/organisation.ts';
import type { UnitSummary } from '../../../../shared/schemas/reports.ts';
import { categoryConfig, trendConfig } from '../../charts/configs.ts';
import { unitSummarySheets } from '../../export/report-sheets.ts';
import { formatDateRange, formatHours, formatInteger, formatPercent } from '../../models/format.ts';
import { bucketTargetSeconds, overviewModel } from '../../models/overview.ts';
import { rangeFromQuery, rangeToQuery } from '../../models/range.ts';
import { routePath } from '../../models/router.ts';
import { pickUnit, unitPath } from '../../models/unit-tree.ts';
import { useUnits } from '../../models/directory.ts';
import { useUnitSummary } from '../../models/overview-page.ts';
import { ExportButtons } from '../ExportButtons.tsx';
import { Figure } from '../Figure.tsx';
import { withQuery } from '../Link.tsx';
import { RangePicker } from '../RangePicker.tsx';
import { Empty, Loaded } from '../States.tsx';
import { StudyCharts } from '../StudyCharts.tsx';
import { UnitTreeNav } from './UnitTreeNav.tsx';
import { PeopleTable } from './PeopleTable.tsx';
import { UnitXapiDownload } from './UnitXapiDownload.tsx';

export function OverviewPage({ unitId }: { unitId: string | null }) {
  const { api, t, user, locale, query, today } = useApp();
  const units = useUnits(api);
  return (
    <Loaded load={units}>
      {(list) => {
        const unit = pickUnit(list, unitId, user.unitId, locale);
        if (unit === null) return <Empty title={t('overview.noUnits')} hint={t('overview.noUnitsHint')} />;
        const choice = rangeFromQuery(query, today());
        return (
          <div class="overview-layout">
            <UnitTreeNav units={list} selectedId={unit.id} rangeQuery={rangeToQuery(choice)} />
            <section class="overview" aria-labelledby="overview-title">
              <header class="page-head">
                <h1 id="overview-title">{unitPath(list, unit.id)}</h1>
                <RangePicker choice={choice} path={routePath({ name: 'overview', unitId: unit.id })} />
              </header>
              <UnitSummaryView unit={unit} units={list} rangeQuery={rangeToQuery(choice)} />
            </section>
          </div>
        );
      }}
    </Loaded>
  );
}

function UnitSummaryView({ unit, units, rangeQuery }: { unit: Unit; units: readonly Unit[]; rangeQuery: Record<string, string> }) {
  const { api } = useApp();
  const summary = useUnitSummary(api, unit.id, rangeQuery);
  return <Loaded load={summary}>{(data) => <SummaryBody summary={data} unit={unit} units={units} />}</Loaded>;
}

function SummaryBody({ summary, unit, units }: { summary: UnitSummary; unit: Unit; units: readonly Unit[] }) {
  const { t, locale } = useApp();
  const model = useMemo(() => overviewModel(summary), [summary]);
  const trend = useMemo(
    () => trendConfig(model.trend, model.granularity, (b) => bucketTargetSeconds(model, b), t, locale),
    [model, t, locale],
  );
  const categories = useMemo(() => categoryConfig(model.categories, t), [model, t]);
  const range = { from: summary.from, to: summary.to };
  if (model.isEmpty) return <Empty title={t('overview.noPeople')} hint={t('overview.noPeopleHint')} />;
  return (
    <>
      <div class="toolbar">
        <ExportButtons
          fileName={`${t('export.unitFile')}-${unit.name}-${summary.from}-${summary.to}`}
          sheets={() => unitSummarySheets(summary, units, t)}
        />
        <UnitXapiDownload unit={unit} range={range} />
      </div>
      <div class="figures">
        <Figure
          label={t('figure.creditedHours')}
          value={formatHours(model.totalSeconds, locale)}
          sub={t('figure.ofTarget', { target: formatHours(model.targetSeconds, locale), percent: model.progress === null ? '—' : formatPercent(model.progress, locale) })}
          href="#people"
          testId="total-hours"
        />
        <Figure label={t('figure.people')} value={formatInteger(model.peopleCount, locale)} href="#people" />
        <Figure
          label={t('figure.belowTarget')}
          value={formatInteger(model.belowTarget.length, locale)}
          href="#below-target"
          testId="below-target-count"
        />
        <Figure
          label={t('figure.notes')}
          value={formatInteger(model.notesCount, locale)}
          href={withQuery(routePath({ name: 'notes' }), { unitId: unit.id, ...range, reviewed: 'all' })}
        />
      </div>
      <StudyCharts
        trend={trend}
        trendLabel={t('figure.trendLabel', { range: formatDateRange(summary.from, summary.to, locale) })}
        categories={categories}
        shares={model.categories}
      />
      <section class="panel" id="below-target" aria-labelledby="below-target-title">
        <h2 id="below-target-title">{t('overview.belowTarget')}</h2>
        <p class="muted">{t('overview.belowTargetHint')}</p>
        {model.belowTarget.length === 0 ? (
          <Empty title={t('overview.allOnTarget')} />
        ) : (
          <PeopleTable people={model.belowTarget} units={units} rangeQuery={range} caption={t('overview.belowTarget')} showGap />
        )}
      </section>
      <section class="panel" id="people" aria-labelledby="people-title">
        <h2 id="people-title">{t('overview.people')}</h2>
        <PeopleTable people={model.people} units={units} rangeQuery={range} caption={t('overview.peopleCaption')} />
      </section>
    </>
  );
}
