// The year across the organisation or one unit: hours against targets, attendance, notes, reports and
// the grades suggested and decided, the same per committee side by side, with each person's record one
// click away (people in name order). A unit picker narrows it to one unit and the units under it.
import { useApp } from '../../app/context.ts';
import { GRADES } from '../../../../shared/schemas/programme-record.ts';
import { summarySheets } from '../../export/programme-sheets.ts';
import { formatInteger, formatPercent } from '../../models/format.ts';
import { yearFromQuery } from '../../models/programme/year-choice.ts';
import { routePath } from '../../models/router.ts';
import { unitPath } from '../../models/unit-tree.ts';
import { useOrganisationSummary } from '../../models/programme/report-pages.ts';
import { UnitFilter } from '../form/Selects.tsx';
import { ExportButtons } from '../ExportButtons.tsx';
import { Figure } from '../Figure.tsx';
import { Link, withQuery } from '../Link.tsx';
import { Loaded } from '../States.tsx';
import { YearPicker } from './YearPicker.tsx';

export function AnnualSummaryPage() {
  const { api, t, locale, query, today, navigate } = useApp();
  const path = routePath({ name: 'annual-summary' });
  const year = yearFromQuery(query, today());
  const unitId = query.get('unitId') ?? '';
  const load = useOrganisationSummary(api, year, unitId);
  const pct = (s: number | null) => (s === null ? '—' : formatPercent(s, locale));
  const hours = (h: number) => new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(h);
  return (
    <article class="annual-summary" aria-labelledby="summary-title">
      <header class="page-head">
        <h1 id="summary-title">{t('annual.summaryTitle')}</h1>
        <YearPicker year={year} path={path} keep={unitId ? { unitId } : {}} />
      </header>
      <Loaded load={load}>
        {({ summary: s, units }) => (
          <>
            <div class="toolbar">
              <UnitFilter
                label={t('field.unit')}
                name="unitId"
                id="summary-unit"
                units={units}
                value={unitId}
                all={t('common.all')}
                onChange={(next) => navigate(withQuery(path, next ? { year: String(year), unitId: next } : { year: String(year) }), { replace: true })}
              />
              <ExportButtons fileName={`${t('annual.summaryTitle')}-${year}`} sheets={() => summarySheets(s, units, t)} />
            </div>
            <div class="figures">
              <Figure label={t('annual.people')} value={formatInteger(s.people, locale)} />
              <Figure label={t('annual.onTarget')} value={formatInteger(s.onTarget, locale)} />
              <Figure label={t('bulletin.rate')} value={pct(s.attendance.rate)} />
              <Figure label={t('annual.missingReports')} value={formatInteger(s.missingReports, locale)} />
            </div>
            <section class="panel" aria-labelledby="grades-title">
              <h2 id="grades-title">{t('annual.gradeCounts')}</h2>
              <p>
                {GRADES.map((g) => `${t(`grade.${g}`)} ${s.suggested[g]}/${s.final[g]}`).join('　')}　{t('annual.undecided')} {s.undecided}
              </p>
              <p class="muted">
                {t('annual.suggested')} / {t('annual.final')}
              </p>
            </section>
            {s.units.length > 0 && (
              <section class="panel" aria-labelledby="committees-title">
                <h2 id="committees-title">{t('annual.byCommittee')}</h2>
                <table class="data compact" id="summary-committees">
                  <caption class="sr-only">{t('annual.byCommittee')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('field.unit')}</th>
                      <th scope="col" class="num">{t('annual.people')}</th>
                      <th scope="col" class="num">{t('annual.target')}</th>
                      <th scope="col" class="num">{t('annual.total')}</th>
                      <th scope="col" class="num">{t('annual.onTarget')}</th>
                      <th scope="col" class="num">{t('bulletin.rate')}</th>
                      <th scope="col" class="num">{t('annual.notesCount')}</th>
                      <th scope="col" class="num">{t('annual.missingReportsShort')}</th>
                      <th scope="col" class="num">{t('annual.undecided')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.units.map((u) => (
                      <tr key={u.unitId} data-unit-id={u.unitId}>
                        <th scope="row">{unitPath(units, u.unitId)}</th>
                        <td class="num">{formatInteger(u.people, locale)}</td>
                        <td class="num">{hours(u.targetHours)}</td>
                        <td class="num">{hours(u.totalHours)}</td>
                        <td class="num">{formatInteger(u.onTarget, locale)}</td>
                        <td class="num">{pct(u.attendance.rate)}</td>
                        <td class="num">{formatInteger(u.notesCount, locale)}</td>
                        <td class="num">{formatInteger(u.missingReports, locale)}</td>
                        <td class="num">{formatInteger(u.undecided, locale)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            )}
            <section class="panel" aria-labelledby="summary-people-title">
              <h2 id="summary-people-title">{t('annual.people')}</h2>
              <table class="data compact" id="summary-people">
                <caption class="sr-only">{t('annual.people')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('field.name')}</th>
                    <th scope="col">{t('field.unit')}</th>
                    <th scope="col" class="num">{t('annual.target')}</th>
                    <th scope="col" class="num">{t('annual.total')}</th>
                    <th scope="col" class="num">{t('bulletin.rate')}</th>
                    <th scope="col" class="num">{t('annual.notesCount')}</th>
                    <th scope="col" class="num">{t('research.counted')}</th>
                    <th scope="col">{t('annual.suggested')}</th>
                    <th scope="col">{t('annual.decision')}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.records.map((r) => (
                    <tr key={r.personId} data-person-id={r.personId}>
                      <th scope="row">
                        <Link href={withQuery(routePath({ name: 'annual', personId: r.personId }), { year: String(year) })}>{r.name}</Link>
                      </th>
                      <td>{unitPath(units, r.unitId)}</td>
                      <td class="num">{hours(r.hours.targetHours)}</td>
                      <td class="num">{hours(r.hours.totalHours)}</td>
                      <td class="num">{pct(r.attendance.rate)}</td>
                      <td class="num">{r.notes.count}</td>
                      <td class="num">{r.research.reportsCounted}</td>
                      <td>{t(`grade.${r.grade.suggested}`)}</td>
                      <td>{r.grade.decision ? t(`grade.${r.grade.decision.grade}`) : t('annual.undecided')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </>
        )}
      </Loaded>
    </article>
  );
}
