// Research for a year: who is short of the 2–3 report target, the "six into" field visits and the
// reports with their status, filtered by unit, with the six kinds' coverage per unit and an export;
// staff record their own, leaders for the people of their units.
import { useApp } from '../../app/context.ts';
import type { Person as PersonRecord } from '../../../../shared/schemas/organisation.ts';
import { REPORT_STATUSES, VISIT_KINDS, type ReportStatus, type ResearchOverview } from '../../../../shared/schemas/programme-research.ts';
import { addReport, addVisit, setReportStatus, useResearch, withdrawReport, withdrawVisit } from '../../models/programme/programme-model.ts';
import { yearFromQuery } from '../../models/programme/year-choice.ts';
import { routePath } from '../../models/router.ts';
import { useSubmit } from '../../models/use-submit.ts';
import { Field, FormActions, FormPanel } from '../form/Field.tsx';
import { FormStatus } from '../form/FormStatus.tsx';
import { Empty, Loaded } from '../States.tsx';
import { ResearchCoverage, ResearchTools } from './ResearchCoverage.tsx';
import { YearPicker } from './YearPicker.tsx';
import { WithdrawButton } from './WithdrawButton.tsx';
import { EnumOptions } from '../EnumOptions.tsx';
import { ActivePersonSelect, EnumSelect } from '../form/Selects.tsx';

export function ResearchPage() {
  const { api, t, query, today } = useApp();
  const year = yearFromQuery(query, today());
  const unitId = query.get('unitId') ?? '';
  const load = useResearch(api, year, unitId);
  return (
    <article class="research" aria-labelledby="research-title">
      <header class="page-head">
        <h1 id="research-title">{t('research.title')}</h1>
        <YearPicker year={year} path={routePath({ name: 'research' })} keep={{ unitId }} />
      </header>
      <Loaded load={load}>
        {({ overview, people, units }) => (
          <>
            <ResearchTools overview={overview} units={units} unitId={unitId} />
            <Missing overview={overview} />
            <ResearchCoverage overview={overview} units={units} />
            <Reports overview={overview} onChanged={load.reload} />
            <Visits overview={overview} onChanged={load.reload} />
            <AddForms people={people} onSaved={load.reload} />
          </>
        )}
      </Loaded>
    </article>
  );
}

function nameOf(overview: ResearchOverview, personId: string): string {
  return overview.people.find((p) => p.personId === personId)?.name ?? personId;
}

function Missing({ overview }: { overview: ResearchOverview }) {
  const { t } = useApp();
  const missing = overview.people.filter((p) => p.missing > 0);
  return (
    <section class="panel" aria-labelledby="missing-title">
      <h2 id="missing-title">{t('research.missing')}</h2>
      <p class="muted">{t('research.target', { min: overview.target.min, max: overview.target.max })}</p>
      {missing.length === 0 ? (
        <Empty title={t('research.noneMissing')} />
      ) : (
        <ul class="missing-list" id="missing-reports">
          {missing.map((p) => (
            <li key={p.personId} data-person-id={p.personId}>
              {p.name} · {t('research.counted')} {p.reportsCounted} · {t('research.missingCount', { count: p.missing })}
              {p.drafts > 0 && ` · ${t('research.drafts')} ${p.drafts}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Reports({ overview, onChanged }: { overview: ResearchOverview; onChanged(): void }) {
  const { api, t } = useApp();
  const submit = useSubmit();
  return (
    <section class="panel" aria-labelledby="reports-title">
      <h2 id="reports-title">{t('research.reports')}</h2>
      {overview.reports.length === 0 ? (
        <Empty title={t('research.noReports')} />
      ) : (
        <table class="data compact" id="reports">
          <caption class="sr-only">{t('research.reports')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('field.date')}</th>
              <th scope="col">{t('field.person')}</th>
              <th scope="col">{t('research.reportTitle')}</th>
              <th scope="col">{t('field.status')}</th>
            </tr>
          </thead>
          <tbody>
            {overview.reports.map((r) => (
              <tr key={r.id}>
                <td>{r.date}</td>
                <td>{nameOf(overview, r.personId)}</td>
                <th scope="row">
                  {r.fileUrl ? (
                    <a href={r.fileUrl} rel="noopener noreferrer" target="_blank">
                      {r.title}
                    </a>
                  ) : (
                    r.title
                  )}
                </th>
                <td>
                  <select
                    aria-label={t('research.setStatus')}
                    value={r.status}
                    onChange={(e) => void submit.run(() => setReportStatus(api, r.id, (e.currentTarget as HTMLSelectElement).value as ReportStatus)).then((ok) => ok && onChanged())}
                  >
                    <EnumOptions values={REPORT_STATUSES} label={(s) => t(`report.${s}`)} />
                  </select>
                  <WithdrawButton label={t('research.withdraw')} onWithdraw={(reason) => withdrawReport(api, r.id, reason)} onDone={onChanged} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {submit.failure !== null && <FormStatus failure={submit.failure} done={false} />}
    </section>
  );
}

function Visits({ overview, onChanged }: { overview: ResearchOverview; onChanged(): void }) {
  const { t, api } = useApp();
  return (
    <section class="panel" aria-labelledby="visits-title">
      <h2 id="visits-title">{t('research.visits')}</h2>
      {overview.visits.length === 0 ? (
        <Empty title={t('research.noVisits')} />
      ) : (
        <table class="data compact" id="visits">
          <caption class="sr-only">{t('research.visits')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('field.date')}</th>
              <th scope="col">{t('field.person')}</th>
              <th scope="col">{t('field.kind')}</th>
              <th scope="col">{t('research.place')}</th>
              <th scope="col">{t('research.summary')}</th>
            </tr>
          </thead>
          <tbody>
            {overview.visits.map((v) => (
              <tr key={v.id}>
                <td>{v.date}</td>
                <td>{nameOf(overview, v.personId)}</td>
                <td>{t(`visit.${v.kind}`)}</td>
                <th scope="row">{v.place}</th>
                <td>
                  {v.summary}
                  <WithdrawButton label={t('research.withdraw')} onWithdraw={(reason) => withdrawVisit(api, v.id, reason)} onDone={onChanged} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function AddForms({ people, onSaved }: { people: readonly PersonRecord[]; onSaved(): void }) {
  const { api, t, today: organisationToday } = useApp();
  const visit = useSubmit();
  const report = useSubmit();
  const today = organisationToday();
  return (
    <div class="two-forms no-print">
      <FormPanel id="add-visit" title={t('research.addVisit')} onSubmit={visit.form((form) => addVisit(api, form), { onSaved, reset: true })}>
        <Field label={t('field.person')}>
          <ActivePersonSelect name="personId" people={people} />
        </Field>
        <Field label={t('field.kind')}>
          <EnumSelect name="kind" values={VISIT_KINDS} label={(k) => t(`visit.${k}`)} />
        </Field>
        <Field label={t('field.date')}>
          <input name="date" type="date" required defaultValue={today} />
        </Field>
        <Field label={t('research.place')}>
          <input name="place" required maxLength={200} />
        </Field>
        <Field label={t('research.summary')} wide>
          <textarea name="summary" maxLength={2000} rows={2} />
        </Field>
        <FormActions submit={visit} label={t('research.addVisit')} />
      </FormPanel>
      <FormPanel id="add-report" title={t('research.addReport')} onSubmit={report.form((form) => addReport(api, form), { onSaved, reset: true })}>
        <Field label={t('field.person')}>
          <ActivePersonSelect name="personId" people={people} />
        </Field>
        <Field label={t('research.reportTitle')}>
          <input name="title" required maxLength={300} />
        </Field>
        <Field label={t('field.status')}>
          <EnumSelect name="status" values={REPORT_STATUSES} label={(s) => t(`report.${s}`)} />
        </Field>
        <Field label={t('field.date')}>
          <input name="date" type="date" required defaultValue={today} />
        </Field>
        <Field label={t('research.fileUrl')} wide>
          <input name="fileUrl" type="url" maxLength={2048} />
        </Field>
        <FormActions submit={report} label={t('research.addReport')} />
      </FormPanel>
    </div>
  );
}
