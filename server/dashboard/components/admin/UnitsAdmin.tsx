// Units (委室): add one under a parent, rename it or move it (the server refuses cycles).
import { useApp } from '../../app/context.ts';
import type { Unit } from '../../../../shared/schemas/organisation.ts';
import { buildUnitTree, flattenTree } from '../../models/unit-tree.ts';
import { useLoad } from '../../models/use-load.ts';
import { Empty, Loaded } from '../States.tsx';
import { FormStatus } from './FormStatus.tsx';
import { useSubmit } from './useSubmit.ts';
import { formFields } from '../form-fields.ts';
import { ListOptions } from '../ListOptions.tsx';

export function UnitsAdmin() {
  const { api, t, locale } = useApp();
  const units = useLoad(() => api.units(), [api]);
  return (
    <Loaded load={units}>
      {(list) => (
        <>
          <UnitForm units={list} onSaved={units.reload} />
          <section class="panel" aria-labelledby="units-admin-title">
            <h2 id="units-admin-title">{t('admin.units')}</h2>
            {list.length === 0 ? (
              <Empty title={t('overview.noUnits')} />
            ) : (
              <ul class="unit-admin-list">
                {flattenTree(buildUnitTree(list, locale)).map((node) => (
                  <li key={node.unit.id} class={`depth-${Math.min(node.depth, 5)}`}>
                    <UnitRow unit={node.unit} units={list} onSaved={units.reload} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </Loaded>
  );
}

function ParentSelect({ units, exclude, value }: { units: readonly Unit[]; exclude?: string; value?: string | null }) {
  const { t } = useApp();
  return (
    <select name="parentId">
      <option value="">{t('admin.topLevel')}</option>
      <ListOptions items={units.filter((u) => u.id !== exclude)} id={(u) => u.id} label={(u) => u.name} selected={value} />
    </select>
  );
}

function UnitRow({ unit, units, onSaved }: { unit: Unit; units: readonly Unit[]; onSaved(): void }) {
  const { api, t } = useApp();
  const submit = useSubmit();
  return (
    <details>
      <summary>{unit.name}</summary>
      <form
        class="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          const form = formFields(e.currentTarget);
          const parent = form.text('parentId');
          void submit
            .run(() => api.updateUnit(unit.id, { name: form.trimmed('name'), parentId: parent === '' ? null : parent }))
            .then((ok) => ok && onSaved());
        }}
      >
        <label>
          <span>{t('field.title')}</span>
          <input name="name" required maxLength={100} defaultValue={unit.name} />
        </label>
        <label>
          <span>{t('admin.parentUnit')}</span>
          <ParentSelect units={units} exclude={unit.id} value={unit.parentId} />
        </label>
        <div class="form-actions">
          <button type="submit" class="primary" disabled={submit.busy}>
            {t('action.save')}
          </button>
        </div>
        <FormStatus failure={submit.failure} done={submit.done} />
      </form>
    </details>
  );
}

function UnitForm({ units, onSaved }: { units: readonly Unit[]; onSaved(): void }) {
  const { api, t } = useApp();
  const submit = useSubmit();
  return (
    <form
      class="panel form-grid"
      aria-labelledby="new-unit-title"
      onSubmit={submit.adding((form) => {
        const parent = form.text('parentId');
        return api.createUnit({ name: form.trimmed('name'), parentId: parent === '' ? null : parent });
      }, onSaved)}
    >
      <h2 id="new-unit-title">{t('admin.newUnit')}</h2>
      <label>
        <span>{t('field.title')}</span>
        <input name="name" required maxLength={100} />
      </label>
      <label>
        <span>{t('admin.parentUnit')}</span>
        <ParentSelect units={units} />
      </label>
      <div class="form-actions wide">
        <button type="submit" class="primary" disabled={submit.busy}>
          {t('admin.addUnit')}
        </button>
      </div>
      <div class="wide">
        <FormStatus failure={submit.failure} done={submit.done} />
      </div>
    </form>
  );
}
