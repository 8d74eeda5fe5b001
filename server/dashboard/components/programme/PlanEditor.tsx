// Edits hour targets and the must-read list (a person's plan or a unit's defaults). Unit items can
// only change status; own items can be edited and removed. Problems are named before anything is sent.
import { useState } from 'preact/hooks';
import { useApp } from '../../app/context.ts';
import { CATEGORIES } from '../../../../shared/schemas/domain.ts';
import { READING_STATUSES, type ReadingStatus, type SavePlan } from '../../../../shared/schemas/programme-plans.ts';
import { draftToSave, type PlanDraft } from '../../models/programme/plan-draft.ts';
import type { ListedResource } from '../../api/endpoints.ts';
import { FormStatus } from '../admin/FormStatus.tsx';
import { useSubmit } from '../admin/useSubmit.ts';
import { EnumOptions } from '../EnumOptions.tsx';

/** `withStatus` false: a unit's default list, where reading status belongs to each person, not the list. */
export function PlanEditor({ initial, resources, onSave, idPrefix, withStatus = true }: { initial: PlanDraft; resources: readonly ListedResource[]; onSave(plan: SavePlan): Promise<unknown>; idPrefix: string; withStatus?: boolean }) {
  const { t } = useApp();
  const [draft, setDraft] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = useSubmit();
  const setItem = (index: number, patch: Partial<PlanDraft['items'][number]>) =>
    setDraft({ ...draft, items: draft.items.map((item, i) => (i === index ? { ...item, ...patch } : item)) });
  const value = (e: Event) => (e.currentTarget as HTMLInputElement).value;
  return (
    <form
      class="plan-editor"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const checked = draftToSave(draft);
        if (!checked.ok) {
          setProblem(t(`plan.problem.${checked.problem}`));
          return;
        }
        setProblem(null);
        void submit.run(() => onSave(checked.value));
      }}
    >
      <fieldset class="form-grid">
        <legend>{t('plan.targets')}</legend>
        <label>
          <span>{t('plan.totalHours')}</span>
          <input name="totalHours" inputMode="decimal" value={draft.totalHours} onInput={(e) => setDraft({ ...draft, totalHours: value(e) })} />
        </label>
        {CATEGORIES.map((c) => (
          <label key={c}>
            <span>{t(`category.${c}`)}</span>
            <input
              name={`target-${c}`}
              inputMode="decimal"
              placeholder={t('plan.noTarget')}
              value={draft.byCategory[c]}
              onInput={(e) => setDraft({ ...draft, byCategory: { ...draft.byCategory, [c]: value(e) } })}
            />
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('plan.readingList')}</legend>
        <table class="data compact">
          <caption class="sr-only">{t('plan.readingList')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('plan.itemTitle')}</th>
              <th scope="col">{t('plan.itemAuthor')}</th>
              <th scope="col">{t('field.resource')}</th>
              {withStatus && <th scope="col">{t('field.status')}</th>}
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {draft.items.map((item, i) => (
              <tr key={item.id ?? `${idPrefix}-new-${i}`} data-item-title={item.title}>
                <td>
                  {item.locked ? (
                    <>
                      {item.title} <span class="muted">· {t('plan.fromUnit')}</span>
                    </>
                  ) : (
                    <input aria-label={t('plan.itemTitle')} name="itemTitle" value={item.title} maxLength={200} onInput={(e) => setItem(i, { title: value(e) })} />
                  )}
                </td>
                <td>
                  {item.locked ? item.author : <input aria-label={t('plan.itemAuthor')} value={item.author} maxLength={100} onInput={(e) => setItem(i, { author: value(e) })} />}
                </td>
                <td>
                  {item.locked ? (
                    (resources.find((r) => r.id === item.resourceId)?.name ?? '')
                  ) : (
                    <select aria-label={t('field.resource')} value={item.resourceId ?? ''} onChange={(e) => setItem(i, { resourceId: value(e) || null })}>
                      <option value="">—</option>
                      {resources.map((r) => (
                        <option key={r.id} value={r.id}>
                          {r.name}
                        </option>
                      ))}
                    </select>
                  )}
                </td>
                {withStatus && (
                  <td>
                    <select aria-label={t('field.status')} name="itemStatus" value={item.status} onChange={(e) => setItem(i, { status: value(e) as ReadingStatus })}>
                      <EnumOptions values={READING_STATUSES} label={(s) => t(`reading.${s}`)} />
                    </select>
                  </td>
                )}
                <td>
                  {!item.locked && (
                    <button type="button" onClick={() => setDraft({ ...draft, items: draft.items.filter((_, j) => j !== i) })}>
                      {t('plan.remove')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button
          type="button"
          onClick={() => setDraft({ ...draft, items: [...draft.items, { id: undefined, title: '', author: '', resourceId: null, status: 'not-started', locked: false }] })}
        >
          {t('plan.addItem')}
        </button>
      </fieldset>
      <div class="form-actions">
        <button type="submit" class="primary" disabled={submit.busy}>
          {t('action.save')}
        </button>
      </div>
      {problem !== null && (
        <p class="form-error" role="alert">
          {problem}
        </p>
      )}
      <FormStatus failure={submit.failure} done={submit.done} />
    </form>
  );
}
