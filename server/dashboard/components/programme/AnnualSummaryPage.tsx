// The year across the organisation or one unit: hours against targets, attendance, notes, reports and
// the grades suggested and decided, with each person's record one click away (people in name order).
import { useApp } from '../../app/context.ts';
import { GRADES } from '../../../../shared/schemas/programme-record.ts';
import { summarySheets } from '../../export/programme-sheets.ts';
import { formatInteger, formatPercent } from '../../models/format.ts';
import { yearFromQuery } from '../../models/programme/year-choice.ts';
import { localDate } from '../../models/range.ts';
import { routePath } from '../../models/router.ts';
import { unitPath } from '../../models/unit-tree.ts';
import { useLoad } from '../../models/use-load.ts';
import { ExportButtons } from '../ExportButtons.tsx';
import { Figure } from '../Figure.tsx';
import { Link, withQuery } from '../Link.tsx';
import { Loaded } from '../States.tsx';
import { YearPicker } from './YearPicker.tsx';

export function AnnualSummaryPage() {
  const { api, t, locale, query, now } = useApp();
  const year = yearFromQuery(query, localDate(now()));
  const unitId = query.get('unitId') ?? '';
  const load = useLoad(async () => {
    const [summary, units] = await Promise.all([api.programme.organisationSummary(year, unitId || undefined), api.units()]);
    return { summary, units };
  }, [api, year, unitId]);
  const pct = (s: number | null) => (s === null ? '—' : formatPercent(s, locale));
  const hours = (h: number) => new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(h);
  return (
    <article class="annual-summary" aria-labelledby="summary-title">
      <header class="page-head">
        <h1 id="summary-title">{t('annual.summaryTitle')}</h1>
        <YearPicker year={year} path={routePath({ name: 'annual-summary' })} keep={unitId ? { unitId } : {}} />
      </header>
      <Loaded load={load}>
        {({ summary: s, units }) => (
          <>
            <div class="toolbar">
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
