// A person's study plan for a year or quarter: progress against the hour targets (learning log plus
// credited sessions) and the must-read list with linked notes; the plan editor; for leaders, their
// unit's default plan.
import { useApp } from '../../app/context.ts';
import type { PlanProgress } from '../../../../shared/schemas/programme-plans.ts';
import { formatHours, formatInteger, formatPercent } from '../../models/format.ts';
import { draftFromPlan } from '../../models/programme/plan-draft.ts';
import { stageFromQuery, yearFromQuery } from '../../models/programme/year-choice.ts';
import { routePath } from '../../models/router.ts';
import { savePlan, saveUnitDefaults, usePlanPage, useUnitDefaults } from '../../models/programme/programme-model.ts';
import { Figure } from '../Figure.tsx';
import { Link, withQuery } from '../Link.tsx';
import { Empty, Loaded } from '../States.tsx';
import { PendingChanges } from './PendingChanges.tsx';
import { PlanEditor } from './PlanEditor.tsx';
import { YearPicker } from './YearPicker.tsx';

export function PlanPage({ personId }: { personId: string }) {
  const { api, t, user, query, today } = useApp();
  const year = yearFromQuery(query, today());
  const stage = stageFromQuery(query);
  const self = personId === user.id;
  const load = usePlanPage(api, personId, year, stage, self);
  const path = self ? routePath({ name: 'plan', personId: null }) : routePath({ name: 'plan', personId });
  return (
    <article class="plan" aria-labelledby="plan-title">
      <header class="page-head">
        <div>
          <Loaded load={load}>{({ name }) => <h1 id="plan-title">{self || name === null ? t('plan.title') : t('plan.titleOf', { name })}</h1>}</Loaded>
          <p class="muted">
            <Link href={withQuery(self ? routePath({ name: 'annual', personId: null }) : routePath({ name: 'annual', personId }), { year: String(year) })}>{t('plan.annualLink')}</Link>
          </p>
        </div>
        <YearPicker year={year} stage={stage} path={path} />
      </header>
      <Loaded load={load}>
        {({ plan, progress, resources }) => (
          <>
            <ProgressPanel progress={progress} />
            <PendingChanges key={plan.updatedAt ?? ''} personId={personId} onDecided={load.reload} />
            <section class="panel" aria-labelledby="plan-edit-title">
              <h2 id="plan-edit-title">{t('plan.targets')}</h2>
              <PlanEditor
                key={`${personId}-${year}-${stage}-${plan.updatedAt ?? ''}`}
                idPrefix="plan"
                initial={draftFromPlan(plan)}
                resources={resources}
                onSave={async (body) => {
                  await savePlan(api, personId, year, stage, body);
                  load.reload();
                }}
              />
            </section>
          </>
        )}
      </Loaded>
      {self && user.role !== 'staff' && user.unitId !== null && <UnitDefaults unitId={user.unitId} year={year} stage={stage} />}
    </article>
  );
}

function ProgressPanel({ progress }: { progress: PlanProgress }) {
  const { t, locale } = useApp();
  const share = (s: number | null) => (s === null ? '—' : formatPercent(s, locale));
  return (
    <section class="panel" aria-labelledby="plan-progress-title">
      <h2 id="plan-progress-title">{t('plan.progress')}</h2>
      <div class="figures">
        <Figure label={t('plan.totalHours')} value={formatInteger(progress.total.targetHours, locale)} />
        <Figure label={t('plan.achieved')} value={formatHours(progress.total.achievedSeconds, locale)} testId="plan-achieved" />
        <Figure label={t('plan.share')} value={share(progress.total.share)} testId="plan-share" />
        <Figure label={t('plan.readingList')} value={`${progress.reading.done}/${progress.reading.total}`} />
      </div>
      <table class="data compact">
        <caption class="sr-only">{t('plan.progress')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('field.category')}</th>
            <th scope="col" class="num">{t('plan.targets')}</th>
            <th scope="col" class="num">{t('plan.achieved')}</th>
            <th scope="col" class="num">{t('plan.share')}</th>
          </tr>
        </thead>
        <tbody>
          {progress.byCategory.map((c) => (
            <tr key={c.category}>
              <th scope="row">{t(`category.${c.category}`)}</th>
              <td class="num">{c.targetHours === null ? t('plan.noTarget') : formatInteger(c.targetHours, locale)}</td>
              <td class="num">{formatHours(c.achievedSeconds, locale)}</td>
              <td class="num">{share(c.share)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('plan.readingList')}</h3>
      {progress.reading.items.length === 0 ? (
        <Empty title={t('plan.noItems')} />
      ) : (
        <ul class="reading-list">
          {progress.reading.items.map((i) => (
            <li key={i.id}>
              <strong>{i.title}</strong>
              {i.author && <span class="muted"> · {i.author}</span>} · {t(`reading.${i.status}`)} · {t('plan.notesLinked')} {formatInteger(i.notesCount, locale)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function UnitDefaults({ unitId, year, stage }: { unitId: string; year: number; stage: PlanProgress['stage'] }) {
  const { api, t } = useApp();
  const load = useUnitDefaults(api, unitId, year, stage);
  return (
    <section class="panel no-print" aria-labelledby="unit-defaults-title">
      <h2 id="unit-defaults-title">{t('plan.unitDefaults')}</h2>
      <p class="muted">{t('plan.unitDefaultsHint')}</p>
      <Loaded load={load}>
        {({ defaults, resources }) => (
          <PlanEditor
            key={`${unitId}-${year}-${stage}-${defaults.updatedAt ?? ''}`}
            idPrefix="unit"
            withStatus={false}
            // The unit's own items are editable here: draftFromPlan locks only items marked `unit` for a person.
            initial={draftFromPlan({ targets: defaults.targets, readingList: defaults.readingList.map((i) => ({ ...i, source: 'own' as const })) })}
            resources={resources}
            onSave={async (body) => {
              await saveUnitDefaults(api, unitId, year, stage, body);
              load.reload();
            }}
          />
        )}
      </Loaded>
    </section>
  );
}
