// Edits hour targets and the must-read list (a person's plan or a unit's defaults). Unit items can
// only change status; own items can be edited and removed. Problems are named before anything is sent.
import { useApp } from '../../app/context.ts';
import { CATEGORIES } from '../../../../shared/schemas/domain.ts';
import { READING_STATUSES, type ReadingStatus, type SavePlan } from '../../../../shared/schemas/programme-plans.ts';
import type { PlanDraft } from '../../models/programme/plan-draft.ts';
import { usePlanEditor } from '../../models/programme/programme-model.ts';
import { useSubmit } from '../../models/use-submit.ts';
import type { ListedResource } from '../../api/endpoints.ts';
import { EnumOptions } from '../EnumOptions.tsx';
import { ListOptions } from '../ListOptions.tsx';
import { Field, FormActions } from '../form/Field.tsx';

/** `withStatus` false: a unit's default list, where reading status belongs to each person, not the list. */
export function PlanEditor({ initial, resources, onSave, idPrefix, withStatus = true }: { initial: PlanDraft; resources: readonly ListedResource[]; onSave(plan: SavePlan): Promise<unknown>; idPrefix: string; withStatus?: boolean }) {
  const { t } = useApp();
  const editor = usePlanEditor(initial, onSave);
  const { draft, setItem } = editor;
  const submit = useSubmit();
  const value = (e: Event) => (e.currentTarget as HTMLInputElement).value;
  return (
    <form
      class="plan-editor"
      noValidate
      onSubmit={submit.form(editor.save)}
    >
      <fieldset class="form-grid">
        <legend>{t('plan.targets')}</legend>
        <Field label={t('plan.totalHours')}>
          <input name="totalHours" inputMode="decimal" value={draft.totalHours} onInput={(e) => editor.set({ totalHours: value(e) })} />
        </Field>
        {CATEGORIES.map((c) => (
          <Field key={c} label={t(`category.${c}`)}>
            <input name={`target-${c}`} inputMode="decimal" placeholder={t('plan.noTarget')} value={draft.byCategory[c]} onInput={(e) => editor.set({ byCategory: { ...draft.byCategory, [c]: value(e) } })} />
          </Field>
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
                      <ListOptions items={resources} id={(r) => r.id} label={(r) => r.name} />
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
                    <button type="button" onClick={() => editor.removeItem(i)}>
                      {t('plan.remove')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" onClick={editor.addItem}>
          {t('plan.addItem')}
        </button>
      </fieldset>
      <FormActions submit={submit} label={t('action.save')} wide={false} error={editor.problem === null ? null : t(`plan.problem.${editor.problem}`)} />
    </form>
  );
}
