// One person's annual learning record (年度学习档案): hours against the plan with every credit adjustment,
// attendance, notes, research, the leader's remarks and the suggested grade, which a leader over the
// person confirms or changes with a reason. Prints on A4 with a signature block; exports to Excel.
import { useApp } from '../../app/context.ts';
import { GRADES, type AnnualRecord, type Grade } from '../../../../shared/schemas/programme-record.ts';
import { annualRecordSheets } from '../../export/programme-sheets.ts';
import { formatHours, formatInstantDate, formatInteger, formatPercent } from '../../models/format.ts';
import { yearFromQuery } from '../../models/programme/year-choice.ts';
import { routePath } from '../../models/router.ts';
import { unitPath } from '../../models/unit-tree.ts';
import { useAnnualRecord, useGradeDecision } from '../../models/programme/programme-model.ts';
import { useSubmit } from '../../models/use-submit.ts';
import { ExportButtons } from '../ExportButtons.tsx';
import { Figure } from '../Figure.tsx';
import { Loaded } from '../States.tsx';
import { Field, FormActions } from '../form/Field.tsx';
import { SignatureBlock } from '../person/SignatureBlock.tsx';
import { YearPicker } from './YearPicker.tsx';
import { Link, withQuery } from '../Link.tsx';
import { EnumOptions } from '../EnumOptions.tsx';

export function AnnualRecordPage({ personId }: { personId: string }) {
  const { api, t, user, query, today } = useApp();
  const year = yearFromQuery(query, today());
  const load = useAnnualRecord(api, personId, year);
  const self = personId === user.id;
  return (
    <Loaded load={load}>
      {({ record, units }) => (
        <article class="annual-record" aria-labelledby="annual-title">
          <p class="print-only print-title">{t('annual.printTitle', { year })}</p>
          <header class="page-head">
            <div>
              <h1 id="annual-title">
                {t('annual.title')} · {record.name}
              </h1>
              <p class="muted" data-testid="annual-identity">
                {unitPath(units, record.unitId)} · {t('field.year')} {year}
              </p>
              {/* The way from the record to the plan, where a change the person proposed waits for approval. */}
              <p class="muted no-print">
                <Link href={withQuery(self ? routePath({ name: 'plan', personId: null }) : routePath({ name: 'plan', personId }), { year: String(year) })}>{t('annual.planLink')}</Link>
              </p>
            </div>
            <YearPicker year={year} path={self && user.role === 'staff' ? routePath({ name: 'annual', personId: null }) : routePath({ name: 'annual', personId })} />
          </header>
          <div class="toolbar no-print">
            <button type="button" onClick={() => window.print()}>
              {t('action.print')}
            </button>
            <ExportButtons fileName={`${t('annual.title')}-${record.name}-${year}`} sheets={() => annualRecordSheets(record, units, t)} />
          </div>
          <RecordBody record={record} />
          <GradePanel record={record} canDecide={!self && user.role !== 'staff'} onChanged={load.reload} />
          <SignatureBlock />
        </article>
      )}
    </Loaded>
  );
}

function RecordBody({ record: r }: { record: AnnualRecord }) {
  const { t, locale } = useApp();
  const pct = (s: number | null) => (s === null ? '—' : formatPercent(s, locale));
  const hours = (h: number) => new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(h);
  return (
    <>
      <div class="figures">
        <Figure label={t('annual.total')} value={hours(r.hours.totalHours)} sub={`${t('annual.target')} ${hours(r.hours.targetHours)}`} testId="annual-total" />
        <Figure label={t('plan.share')} value={pct(r.hours.share)} />
        <Figure label={t('bulletin.rate')} value={pct(r.attendance.rate)} testId="annual-attendance" />
        <Figure label={t('research.counted')} value={`${r.research.reportsCounted}/${r.research.target.min}`} />
      </div>
      <section class="panel" aria-labelledby="annual-hours-title">
        <h2 id="annual-hours-title">{t('annual.total')}</h2>
        <table class="data compact">
          <caption class="sr-only">{t('annual.total')}</caption>
          <tbody>
            <tr>
              <th scope="row">{t('annual.onlineCounted')}</th>
              <td class="num">{formatHours(r.hours.onlineSeconds, locale)}</td>
            </tr>
            {r.hours.adjustments.map((a) => (
              <tr key={a.reason}>
                <th scope="row">{t(`annual.adjustment.${a.reason}`)}</th>
                <td class="num">{hours(a.hours)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('annual.online')}</th>
              <td class="num">{hours(r.hours.onlineCreditedHours)}</td>
            </tr>
            <tr>
              <th scope="row">{t('annual.sessions')}</th>
              <td class="num">{hours(r.hours.sessionHours)}</td>
            </tr>
            <tr>
              <th scope="row">{t('annual.total')}</th>
              <td class="num">
                <strong>{hours(r.hours.totalHours)}</strong>
              </td>
            </tr>
          </tbody>
        </table>
        <table class="data compact">
          <caption class="sr-only">{t('field.category')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('field.category')}</th>
              <th scope="col" class="num">{t('annual.target')}</th>
              <th scope="col" class="num">{t('plan.achieved')}</th>
            </tr>
          </thead>
          <tbody>
            {r.hours.byCategory.map((c) => (
              <tr key={c.category}>
                <th scope="row">{t(`category.${c.category}`)}</th>
                <td class="num">{c.targetHours === null ? '—' : hours(c.targetHours)}</td>
                <td class="num">{hours(c.achievedHours)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>{t('annual.reading', { done: r.reading.done, total: r.reading.total })}</p>
      </section>
      <div class="two-panels">
        <section class="panel" aria-labelledby="annual-attendance-title">
          <h2 id="annual-attendance-title">{t('annual.attendance')}</h2>
          <dl class="details">
            <dt>{t('bulletin.expected')}</dt>
            <dd>{r.attendance.expected}</dd>
            <dt>{t('attendance.present')}</dt>
            <dd>{r.attendance.present}</dd>
            <dt>{t('attendance.late')}</dt>
            <dd>{r.attendance.late}</dd>
            <dt>{t('attendance.leave')}</dt>
            <dd>{r.attendance.leave}</dd>
            <dt>{t('attendance.absent')}</dt>
            <dd>{r.attendance.absent + r.attendance.unrecorded}</dd>
            <dt>{t('bulletin.madeUp')}</dt>
            <dd>{r.attendance.madeUp}</dd>
          </dl>
        </section>
        <section class="panel" aria-labelledby="annual-notes-title">
          <h2 id="annual-notes-title">{t('annual.notes')}</h2>
          <dl class="details">
            <dt>{t('annual.notesCount')}</dt>
            <dd>{formatInteger(r.notes.count, locale)}</dd>
            <dt>{t('annual.characters')}</dt>
            <dd>{formatInteger(r.notes.characters, locale)}</dd>
            <dt>{t('annual.reviewedShare')}</dt>
            <dd>{pct(r.notes.reviewedShare)}</dd>
          </dl>
        </section>
      </div>
      <section class="panel" aria-labelledby="annual-research-title">
        <h2 id="annual-research-title">{t('annual.research')}</h2>
        <p class="muted">{t('research.target', { min: r.research.target.min, max: r.research.target.max })}</p>
        <ul>
          {r.research.reports.map((rep) => (
            <li key={`${rep.date}-${rep.title}`}>
              {rep.date} · {rep.title} · {t(`report.${rep.status}`)}
            </li>
          ))}
        </ul>
        <p>
          {r.research.visits
            .filter((v) => v.count > 0)
            .map((v) => `${t(`visit.${v.kind}`)} ${v.count}`)
            .join('　') || t('research.noVisits')}
        </p>
      </section>
    </>
  );
}

function GradePanel({ record: r, canDecide, onChanged }: { record: AnnualRecord; canDecide: boolean; onChanged(): void }) {
  const { api, t, locale, timeZone } = useApp();
  const remarks = useSubmit();
  const decide = useSubmit();
  const model = useGradeDecision(api, { personId: r.personId, year: r.year, suggested: r.grade.suggested, decided: r.grade.decision?.grade ?? null });
  return (
    <section class="panel grade-panel" aria-labelledby="annual-grade-title">
      <h2 id="annual-grade-title">{t('annual.grade')}</h2>
      <dl class="details">
        <dt>{t('annual.suggested')}</dt>
        <dd data-testid="suggested-grade">{t(`grade.${r.grade.suggested}`)}</dd>
        <dt>{t('annual.basis')}</dt>
        <dd>{r.grade.basis.map((b) => `${t(`criterion.${b.criterion}`)}：${t(`grade.${b.met}`)}`).join('；')}</dd>
        <dt>{t('annual.decision')}</dt>
        <dd data-testid="decided-grade">
          {r.grade.decision === null ? (
            t('annual.undecided')
          ) : (
            <>
              {t(`grade.${r.grade.decision.grade}`)}
              {r.grade.decision.reason && ` · ${r.grade.decision.reason}`}
              <span class="muted"> · {t('annual.decidedBy', { name: r.grade.decision.decidedByName, date: formatInstantDate(r.grade.decision.decidedAt, locale, timeZone) })}</span>
            </>
          )}
        </dd>
        {r.grade.staleFigures.length > 0 && (
          <dd class="state state-error wide" role="status" data-testid="grade-stale">
            <strong>{t('annual.stale')}</strong> {t('annual.staleHint', { figures: r.grade.staleFigures.map((f) => t(`annual.figure.${f}`)).join(locale === 'en' ? ', ' : '、') })}
          </dd>
        )}
        <dt>{t('annual.remarks')}</dt>
        <dd class="remarks" data-testid="remarks">
          {r.remarks || '—'}
        </dd>
      </dl>
      <p class="muted rule">{t('annual.rule')}</p>
      {canDecide && (
        <div class="no-print">
          <form class="form-grid" onSubmit={decide.form(model.decide, { onSaved: onChanged })}>
            <Field label={t('annual.change')}>
              <select name="grade" value={model.grade} onChange={(e) => model.choose((e.currentTarget as HTMLSelectElement).value as Grade)}>
                <EnumOptions values={GRADES} label={(g) => t(`grade.${g}`)} />
              </select>
            </Field>
            <Field label={t('annual.reason')}>
              <input name="reason" maxLength={1000} defaultValue={r.grade.decision?.reason ?? ''} />
            </Field>
            <FormActions submit={decide} label={model.keepsSuggested ? t('annual.confirm') : t('annual.change')} error={model.reasonMissing ? t('annual.reasonRequired') : null} />
          </form>
          <form class="form-grid" onSubmit={remarks.form(model.saveRemarks, { onSaved: onChanged })}>
            <Field label={t('annual.remarks')} wide>
              <textarea name="remarks" rows={3} maxLength={4000} defaultValue={r.remarks} />
            </Field>
            <FormActions submit={remarks} label={t('annual.saveRemarks')} kind="plain" />
          </form>
        </div>
      )}
    </section>
  );
}

