// Designated resources: the pages the extension counts. Adding, editing or deactivating one changes
// the policy every extension follows at its next refresh.
import { useApp } from '../../app/context.ts';
import { CATEGORIES, RESOURCE_KINDS } from '../../../../shared/schemas/domain.ts';
import { toggleResource, useResourceForm } from '../../models/admin/admin-model.ts';
import { useResources } from '../../models/directory.ts';
import { useSubmit } from '../../models/use-submit.ts';
import type { ListedResource } from '../../api/endpoints.ts';
import { Empty, Loaded } from '../States.tsx';
import { EnumSelect } from '../form/Selects.tsx';
import { Field, FormActions, FormPanel, hintId } from '../form/Field.tsx';
import { FormStatus } from '../form/FormStatus.tsx';

export function ResourcesAdmin() {
  const { api, t } = useApp();
  const resources = useResources(api);
  return (
    <>
      <ResourceForm onSaved={resources.reload} />
      <section class="panel" aria-labelledby="resources-title">
        <h2 id="resources-title">{t('admin.resources')}</h2>
        <Loaded load={resources}>
          {(list) =>
            list.length === 0 ? (
              <Empty title={t('admin.noResources')} hint={t('admin.noResourcesHint')} />
            ) : (
              <table class="data" data-testid="resources-table">
                <thead>
                  <tr>
                    <th scope="col">{t('field.title')}</th>
                    <th scope="col">{t('field.category')}</th>
                    <th scope="col">{t('field.kind')}</th>
                    <th scope="col">{t('field.patterns')}</th>
                    <th scope="col">{t('field.status')}</th>
                    <th scope="col">{t('devices.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((r) => (
                    <ResourceRow key={r.id} resource={r} onSaved={resources.reload} />
                  ))}
                </tbody>
              </table>
            )
          }
        </Loaded>
      </section>
    </>
  );
}

function ResourceRow({ resource, onSaved }: { resource: ListedResource; onSaved(): void }) {
  const { api, t } = useApp();
  const submit = useSubmit();
  return (
    <tr>
      <th scope="row">{resource.name}</th>
      <td>{t(`category.${resource.category}`)}</td>
      <td>{t(`kind.${resource.kind}`)}</td>
      <td>
        <ul class="plain">
          {resource.patterns.map((p) => (
            <li key={p}>
              <code>{p}</code>
            </li>
          ))}
        </ul>
      </td>
      <td>{resource.active ? t('common.active') : t('common.inactive')}</td>
      <td>
        <button type="button" disabled={submit.busy} onClick={() => void submit.run(() => toggleResource(api, resource)).then((ok) => ok && onSaved())}>
          {resource.active ? t('admin.deactivate') : t('admin.activate')}
        </button>
        {submit.failure !== null && <FormStatus failure={submit.failure} done={false} />}
      </td>
    </tr>
  );
}

function ResourceForm({ onSaved }: { onSaved(): void }) {
  const { api, t } = useApp();
  const submit = useSubmit();
  const model = useResourceForm(api);
  return (
    <FormPanel id="new-resource" title={t('admin.newResource')} onSubmit={submit.form(model.save, { onSaved, reset: true })}>
      <Field label={t('field.title')}>
        <input name="name" required maxLength={200} />
      </Field>
      <Field label={t('field.category')}>
        <EnumSelect name="category" values={CATEGORIES} label={(c) => t(`category.${c}`)} />
      </Field>
      <Field label={t('field.kind')}>
        <EnumSelect name="kind" values={RESOURCE_KINDS} label={(k) => t(`kind.${k}`)} />
      </Field>
      <Field
        label={t('field.patterns')}
        wide
        hint={{ name: 'patterns', text: t('admin.patternsHint') }}
        error={model.invalid.length > 0 ? t('admin.badPatterns', { patterns: model.invalid.join(', ') }) : null}
      >
        <textarea name="patterns" rows={3} required placeholder="https://*.example.org/learn/*" aria-describedby={hintId('patterns')} />
      </Field>
      <FormActions submit={submit} label={t('admin.addResource')} />
    </FormPanel>
  );
}
