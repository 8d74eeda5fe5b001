// Designated resources: the pages the extension counts. Adding, editing or deactivating one changes
// the policy every extension follows at its next refresh.
import { useState } from 'preact/hooks';
import { useApp } from '../../app/context.ts';
import { CATEGORIES, RESOURCE_KINDS, type Category, type ResourceKind } from '../../../../shared/schemas/domain.ts';
import { parsePatterns } from '../../models/patterns-input.ts';
import type { ListedResource } from '../../api/endpoints.ts';
import { useLoad } from '../../models/use-load.ts';
import { Empty, Loaded } from '../States.tsx';
import { FormStatus } from './FormStatus.tsx';
import { useSubmit } from './useSubmit.ts';
import { EnumOptions } from '../EnumOptions.tsx';
import { formFields } from '../form-fields.ts';

export function ResourcesAdmin() {
  const { api, t } = useApp();
  const resources = useLoad(() => api.resources(), [api]);
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
        <button
          type="button"
          disabled={submit.busy}
          onClick={() => void submit.run(() => api.updateResource(resource.id, { active: !resource.active })).then((ok) => ok && onSaved())}
        >
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
  const [invalid, setInvalid] = useState<string[]>([]);
  return (
    <form
      class="panel form-grid"
      aria-labelledby="new-resource-title"
      onSubmit={async (e) => {
        e.preventDefault();
        const formEl = e.currentTarget as HTMLFormElement;
        const form = formFields(formEl);
        const { patterns, invalid: bad } = parsePatterns(form.text('patterns'));
        setInvalid(bad);
        if (bad.length > 0 || patterns.length === 0) return;
        const ok = await submit.run(() =>
          api.createResource({
            name: form.trimmed('name'),
            category: form.text('category') as Category,
            kind: form.text('kind') as ResourceKind,
            patterns,
          }),
        );
        if (ok) {
          formEl.reset();
          onSaved();
        }
      }}
    >
      <h2 id="new-resource-title">{t('admin.newResource')}</h2>
      <label>
        <span>{t('field.title')}</span>
        <input name="name" required maxLength={200} />
      </label>
      <label>
        <span>{t('field.category')}</span>
        <select name="category">
          <EnumOptions values={CATEGORIES} label={(c) => t(`category.${c}`)} />
        </select>
      </label>
      <label>
        <span>{t('field.kind')}</span>
        <select name="kind">
          <EnumOptions values={RESOURCE_KINDS} label={(k) => t(`kind.${k}`)} />
        </select>
      </label>
      <label class="wide">
        <span>{t('field.patterns')}</span>
        <textarea name="patterns" rows={3} required placeholder="https://*.example.org/learn/*" aria-describedby="patterns-hint" />
        <small id="patterns-hint">{t('admin.patternsHint')}</small>
      </label>
      {invalid.length > 0 && (
        <p class="form-error wide" role="alert">
          {t('admin.badPatterns', { patterns: invalid.join(', ') })}
        </p>
      )}
      <div class="form-actions wide">
        <button type="submit" class="primary" disabled={submit.busy}>
          {t('admin.addResource')}
        </button>
      </div>
      <div class="wide">
        <FormStatus failure={submit.failure} done={submit.done} />
      </div>
    </form>
  );
}
