// The learning log part of a person's page: headline figures (hours and target from the figures route,
// as the overview and annual record show them), trend, by resource and category, the discounts with
// their reasons, the days table, the individual records, and the exports.
import { useMemo } from 'preact/hooks';
import { useApp } from '../../app/context.ts';
import type { Person as PersonRecord } from '../../../../shared/schemas/organisation.ts';
import type { PersonFigures } from '../../../../shared/schemas/figures.ts';
import type { DateRange } from '../../../../shared/time/periods.ts';
import { categoryConfig, trendConfig } from '../../charts/configs.ts';
import { personLogSheets } from '../../export/report-sheets.ts';
import { formatDate, formatHours, formatInteger, formatStudyTime, formatStudyTimeWithUnit } from '../../models/format.ts';
import type { PersonLogModel } from '../../models/person.ts';
import { usePersonLog } from '../../models/person-page.ts';
import { creditRulesLine } from '../../models/programme/credit-rule-label.ts';
import { ExportButtons } from '../ExportButtons.tsx';
import { Figure } from '../Figure.tsx';
import { Empty, Loaded } from '../States.tsx';
import { StudyCharts } from '../StudyCharts.tsx';
import { SegmentsPanel } from './SegmentsPanel.tsx';

export function PersonLogView({ person, range }: { person: PersonRecord; range: DateRange }) {
  const { api } = useApp();
  const log = usePersonLog(api, person.id, range);
  return <Loaded load={log}>{({ model, figures }) => <LogBody model={model} figures={figures} person={person} range={range} />}</Loaded>;
}

function LogBody({ model, figures, person, range }: { model: PersonLogModel; figures: PersonFigures; person: PersonRecord; range: DateRange }) {
  const { t, locale } = useApp();
  const trend = useMemo(() => trendConfig(model.trend, model.granularity, null, t, locale), [model, t, locale]);
  const categories = useMemo(() => categoryConfig(model.categories, t), [model, t]);
  const discounted = model.discounts.reduce((sum, d) => sum + d.seconds, 0);
  const hours = (h: number) => formatHours(Math.round(h * 3600), locale);
  return (
    <>
      <div class="toolbar no-print">
        <ExportButtons fileName={`${t('export.personFile')}-${person.name}-${model.from}-${model.to}`} sheets={() => personLogSheets(model, figures, person, t)} />
        <button type="button" onClick={() => window.print()}>
          {t('action.print')}
        </button>
      </div>
      <div class="figures">
        <Figure
          label={t('figure.creditedHours')}
          value={formatStudyTime(figures.totalSeconds, locale)}
          sub={`${t('annual.online')} ${hours(figures.onlineCreditedHours)} · ${t('annual.sessions')} ${hours(figures.sessionHours)}`}
          href="#days"
          testId="person-credited"
        />
        <Figure label={t('figure.targetHours')} value={hours(figures.targetHours)} testId="person-target" />
        <Figure label={t('figure.gapHours')} value={hours(figures.gapHours)} testId="person-gap" />
        <Figure label={t('figure.rawHours')} value={formatStudyTime(model.rawSeconds, locale)} href="#records" />
        <Figure label={t('figure.discountedHours')} value={formatStudyTime(discounted, locale)} href="#discounts" />
        <Figure label={t('figure.notes')} value={formatInteger(model.notesCount, locale)} href="#notes" />
      </div>
      <p class="muted" data-testid="person-credit-rules">
        {creditRulesLine(figures.creditRules, t)}
      </p>
      {model.isEmpty ? (
        <Empty title={t('person.noStudy')} hint={t('person.noStudyHint')} />
      ) : (
        <>
          <StudyCharts trend={trend} trendLabel={t('figure.trend')} categories={categories} shares={model.categories} />
          <section class="panel">
            <h2>{t('figure.byResource')}</h2>
            <table class="data compact">
              <thead>
                <tr>
                  <th scope="col">{t('field.resource')}</th>
                  <th scope="col">{t('field.category')}</th>
                  <th scope="col" class="num">{t('figure.credited')}</th>
                </tr>
              </thead>
              <tbody>
                {model.resources.map((r) => (
                  <tr key={r.resourceId}>
                    <th scope="row">{r.name ?? t('person.unknownResource')}</th>
                    <td>{r.category === null ? '—' : t(`category.${r.category}`)}</td>
                    <td class="num">{formatStudyTimeWithUnit(r.seconds, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section class="panel" id="discounts">
            <h2>{t('person.discounts')}</h2>
            {model.discounts.length === 0 ? (
              <p class="muted">{t('person.noDiscounts')}</p>
            ) : (
              <dl class="discounts">
                {model.discounts.map((d) => (
                  <div key={d.reason}>
                    <dt>{t(`discount.${d.reason}`)}</dt>
                    <dd>
                      {formatStudyTimeWithUnit(d.seconds, locale)} — {t(`discount.${d.reason}.why`)}
                    </dd>
                  </div>
                ))}
              </dl>
            )}
          </section>
          <section class="panel" id="days">
            <h2>{t('person.days')}</h2>
            <table class="data compact">
              <thead>
                <tr>
                  <th scope="col">{t('field.date')}</th>
                  <th scope="col" class="num">{t('figure.credited')}</th>
                  <th scope="col" class="num">{t('figure.reported')}</th>
                </tr>
              </thead>
              <tbody>
                {model.days.map((d) => (
                  <tr key={d.date}>
                    <th scope="row">{formatDate(d.date, locale)}</th>
                    <td class="num">{formatStudyTimeWithUnit(d.seconds, locale)}</td>
                    <td class="num">{formatStudyTimeWithUnit(d.rawSeconds, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <SegmentsPanel personId={person.id} range={range} />
        </>
      )}
    </>
  );
}
