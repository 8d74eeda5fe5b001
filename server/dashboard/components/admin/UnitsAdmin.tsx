// Units (委室): add one under a parent, rename it or move it (the server refuses cycles).
import { useApp } from '../../app/context.ts';
import type { Unit } from '../../../../shared/schemas/organisation.ts';
import { buildUnitTree, flattenTree } from '../../models/unit-tree.ts';
import { Empty, Loaded } from '../States.tsx';
import { addUnit, saveUnit } from '../../models/admin/admin-model.ts';
import { useUnits } from '../../models/directory.ts';
import { useSubmit } from '../../models/use-submit.ts';
import { Field, FormActions, FormPanel } from '../form/Field.tsx';
import { ListSelect } from '../form/Selects.tsx';

export function UnitsAdmin() {
  const { api, t, locale } = useApp();
  const units = useUnits(api);
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
  return <ListSelect name="parentId" none={t('admin.topLevel')} items={units.filter((u) => u.id !== exclude)} id={(u) => u.id} label={(u) => u.name} selected={value} />;
}

function UnitRow({ unit, units, onSaved }: { unit: Unit; units: readonly Unit[]; onSaved(): void }) {
  const { api, t } = useApp();
  const submit = useSubmit();
  return (
    <details>
      <summary>{unit.name}</summary>
      <form class="form-grid" onSubmit={submit.form((form) => saveUnit(api, unit.id, form), { onSaved })}>
        <UnitFields units={units} unit={unit} />
        <FormActions submit={submit} label={t('action.save')} wide={false} />
      </form>
    </details>
  );
}

/** A unit's name and parent: empty for a new one; an edited unit cannot be its own parent. */
function UnitFields({ units, unit }: { units: readonly Unit[]; unit?: Unit }) {
  const { t } = useApp();
  return (
    <>
      <Field label={t('field.title')}>
        <input name="name" required maxLength={100} defaultValue={unit?.name} />
      </Field>
      <Field label={t('admin.parentUnit')}>
        <ParentSelect units={units} exclude={unit?.id} value={unit?.parentId} />
      </Field>
    </>
  );
}

function UnitForm({ units, onSaved }: { units: readonly Unit[]; onSaved(): void }) {
  const { api, t } = useApp();
  const submit = useSubmit();
  return (
    <FormPanel id="new-unit" title={t('admin.newUnit')} onSubmit={submit.form((form) => addUnit(api, form), { onSaved, reset: true })}>
      <UnitFields units={units} />
      <FormActions submit={submit} label={t('admin.addUnit')} />
    </FormPanel>
  );
}
