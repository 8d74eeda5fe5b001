// The monthly attendance bulletin (考勤通报) of a unit: the month's sessions, each person's attendance in
// name order, and every absence, leave and late arrival by date; Excel/CSV export and print.
import { useApp } from '../../app/context.ts';
import type { MonthlyBulletin } from '../../../../shared/schemas/programme-attendance.ts';
import type { Unit } from '../../../../shared/schemas/organisation.ts';
import { bulletinSheets } from '../../export/programme-sheets.ts';
import { formatInteger, formatMonth, formatPercent } from '../../models/format.ts';
import { monthFromQuery, monthRange, shiftMonth } from '../../models/programme/calendar-month.ts';
import { routePath } from '../../models/router.ts';
import { unitPath } from '../../models/unit-tree.ts';
import { useUnits } from '../../models/directory.ts';
import { useBulletin } from '../../models/programme/report-pages.ts';
import { UnitFilter } from '../form/Selects.tsx';
import { ExportButtons } from '../ExportButtons.tsx';
import { Figure } from '../Figure.tsx';
import { withQuery } from '../Link.tsx';
import { Empty, Loaded } from '../States.tsx';

export function BulletinPage({ unitId }: { unitId: string | null }) {
  const { api, t, user, query, today, navigate, locale } = useApp();
  const month = monthFromQuery(query, today());
  const units = useUnits(api);
  return (
    <Loaded load={units}>
      {(list) => {
        // Default: the leader's own unit, else the first unit the caller may see.
        const chosen = unitId ?? (list.some((u) => u.id === user.unitId) ? user.unitId : (list.find((u) => u.parentId === null) ?? list[0])?.id ?? null);
        if (chosen === null) return <Empty title={t('overview.noUnits')} />;
        const go = (nextUnit: string, nextMonth: string) => navigate(withQuery(routePath({ name: 'bulletin', unitId: nextUnit }), { month: nextMonth }), { replace: true });
        return (
          <article class="bulletin" aria-labelledby="bulletin-title">
            <header class="page-head">
              <div>
                <h1 id="bulletin-title">{t('bulletin.title')}</h1>
                <p class="muted">
                  {unitPath(list, chosen)} · {formatMonth(monthRange(month).from, locale)}
                </p>
              </div>
              <div class="range-picker no-print" role="group" aria-label={t('field.month')}>
                <UnitFilter label={t('field.unit')} name="unit" units={list} value={chosen} onChange={(next) => go(next, month)} />
                <button type="button" onClick={() => go(chosen, shiftMonth(month, -1))} aria-label={t('calendar.previousMonth')}>
                  ‹
                </button>
                <button type="button" onClick={() => go(chosen, shiftMonth(month, 1))} aria-label={t('calendar.nextMonth')}>
                  ›
                </button>
              </div>
            </header>
            <BulletinBody unitId={chosen} month={month} units={list} />
          </article>
        );
      }}
    </Loaded>
  );
}

function BulletinBody({ unitId, month, units }: { unitId: string; month: string; units: readonly Unit[] }) {
  const { api, t } = useApp();
  const bulletin = useBulletin(api, unitId, month);
  return (
    <Loaded load={bulletin}>
      {(b) => (
        <>
          <div class="toolbar">
            <ExportButtons fileName={`${t('bulletin.title')}-${unitPath(units, unitId)}-${month}`} sheets={() => bulletinSheets(b, units, t)} />
          </div>
          {b.sessions.length === 0 ? <Empty title={t('bulletin.noSessions')} /> : <BulletinTables bulletin={b} units={units} />}
        </>
      )}
    </Loaded>
  );
}

function BulletinTables({ bulletin: b, units }: { bulletin: MonthlyBulletin; units: readonly Unit[] }) {
  const { t, locale } = useApp();
  const rate = (r: number | null) => (r === null ? '—' : formatPercent(r, locale));
  return (
    <>
      <div class="figures">
        <Figure label={t('bulletin.sessions')} value={formatInteger(b.sessions.length, locale)} />
        <Figure label={t('bulletin.expected')} value={formatInteger(b.totals.expected, locale)} />
        <Figure label={t('bulletin.attended')} value={formatInteger(b.totals.attended, locale)} />
        <Figure label={t('bulletin.rate')} value={rate(b.totals.rate)} testId="bulletin-rate" />
      </div>
      <section class="panel" aria-labelledby="bulletin-people-title">
        <h2 id="bulletin-people-title">{t('bulletin.people')}</h2>
        <table class="data compact" id="bulletin-people">
          <caption class="sr-only">{t('bulletin.people')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('field.name')}</th>
              <th scope="col">{t('field.unit')}</th>
              <th scope="col" class="num">{t('bulletin.expected')}</th>
              <th scope="col" class="num">{t('attendance.present')}</th>
              <th scope="col" class="num">{t('attendance.late')}</th>
              <th scope="col" class="num">{t('attendance.leave')}</th>
              <th scope="col" class="num">{t('attendance.absent')}</th>
              <th scope="col" class="num">{t('bulletin.madeUp')}</th>
              <th scope="col" class="num">{t('bulletin.rate')}</th>
            </tr>
          </thead>
          <tbody>
            {b.people.map((p) => (
              <tr key={p.personId} data-person-id={p.personId}>
                <th scope="row">{p.name}</th>
                <td>{unitPath(units, p.unitId)}</td>
                <td class="num">{p.counts.expected}</td>
                <td class="num">{p.counts.present}</td>
                <td class="num">{p.counts.late}</td>
                <td class="num">{p.counts.leave}</td>
                <td class="num">{p.counts.absent + p.counts.unrecorded}</td>
                <td class="num">{p.counts.madeUp}</td>
                <td class="num">{rate(p.counts.rate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section class="panel" aria-labelledby="bulletin-exceptions-title">
        <h2 id="bulletin-exceptions-title">{t('bulletin.exceptions')}</h2>
        {b.exceptions.length === 0 ? (
          <Empty title={t('bulletin.none')} />
        ) : (
          <table class="data compact" id="bulletin-exceptions">
            <caption class="sr-only">{t('bulletin.exceptions')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('field.date')}</th>
                <th scope="col">{t('field.name')}</th>
                <th scope="col">{t('session.topic')}</th>
                <th scope="col">{t('field.status')}</th>
                <th scope="col">{t('session.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {b.exceptions.map((e) => (
                <tr key={`${e.sessionId}-${e.personId}`}>
                  <td>{e.date}</td>
                  <th scope="row">{e.name}</th>
                  <td>{e.topic}</td>
                  <td>
                    {t(`attendance.${e.status}`)}
                    {e.madeUp && ` · ${t('bulletin.madeUp')}`}
                  </td>
                  <td>{e.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
