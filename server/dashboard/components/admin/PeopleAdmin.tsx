// People: add an account, change name, role, unit or active state, set a new password, or delete a
// person's data. A deactivated person cannot sign in and their devices stop syncing.
import { useApp } from '../../app/context.ts';
import { ROLES, type Role } from '../../../../shared/schemas/domain.ts';
import type { Person as PersonRecord } from '../../../../shared/schemas/organisation.ts';
import type { Unit } from '../../../../shared/schemas/organisation.ts';
import { routePath } from '../../models/router.ts';
import { unitPath } from '../../models/unit-tree.ts';
import { addPerson, savePerson, usePeopleAdmin } from '../../models/admin/admin-model.ts';
import { useSubmit } from '../../models/use-submit.ts';
import { Link } from '../Link.tsx';
import { Empty, Loaded } from '../States.tsx';
import { ErasePersonData } from './ErasePersonData.tsx';
import { Field, FormActions, FormPanel } from '../form/Field.tsx';
import { EnumSelect, ListSelect } from '../form/Selects.tsx';

export function PeopleAdmin() {
  const { api, t, user } = useApp();
  const model = usePeopleAdmin(api);
  const data = model.directory;
  return (
    <Loaded load={data}>
      {({ people, units }) => (
        <>
          <NewPersonForm units={units} onSaved={data.reload} />
          <section class="panel" aria-labelledby="people-admin-title">
            <h2 id="people-admin-title">{t('admin.people')}</h2>
            <p class="form-done" role="status">
              {model.erased}
            </p>
            {people.length === 0 ? (
              <Empty title={t('admin.noPeople')} />
            ) : (
              <table class="data">
                <thead>
                  <tr>
                    <th scope="col">{t('field.name')}</th>
                    <th scope="col">{t('field.username')}</th>
                    <th scope="col">{t('field.unit')}</th>
                    <th scope="col">{t('field.role')}</th>
                    <th scope="col">{t('field.status')}</th>
                    <th scope="col">{t('devices.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {people.map((p) => (
                    <PersonRow
                      key={p.id}
                      person={p}
                      units={units}
                      onSaved={data.reload}
                      canErase={p.id !== user.id}
                      onErased={model.onErased}
                    />
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      )}
    </Loaded>
  );
}

/** Everyone belongs to a unit: there is no "none". */
function UnitSelect({ units, value }: { units: readonly Unit[]; value?: string | null }) {
  return <ListSelect name="unitId" required items={units} id={(u) => u.id} label={(u) => unitPath(units, u.id)} selected={value} />;
}

function RoleSelect({ value }: { value?: Role }) {
  const { t } = useApp();
  return <EnumSelect name="role" values={ROLES} label={(r) => t(`role.${r}`)} selected={value ?? 'staff'} />;
}

function PersonRow(props: { person: PersonRecord; units: readonly Unit[]; onSaved(): void; canErase: boolean; onErased(message: string): void }) {
  const { person, units, onSaved } = props;
  const { api, t } = useApp();
  const submit = useSubmit();
  return (
    <tr>
      <th scope="row">
        <Link href={routePath({ name: 'person', personId: person.id })}>{person.name}</Link>
      </th>
      <td>{person.username}</td>
      <td>{unitPath(units, person.unitId) || '—'}</td>
      <td>{t(`role.${person.role}`)}</td>
      <td>{person.active ? t('common.active') : t('common.inactive')}</td>
      <td>
        <details>
          <summary>{t('action.edit')}</summary>
          <form class="form-grid" onSubmit={submit.form((form) => savePerson(api, person.id, form), { onSaved })}>
            <Field label={t('field.name')}>
              <input name="name" required maxLength={100} defaultValue={person.name} />
            </Field>
            <Field label={t('field.role')}>
              <RoleSelect value={person.role} />
            </Field>
            <Field label={t('field.unit')}>
              <UnitSelect units={units} value={person.unitId} />
            </Field>
            <Field label={t('common.active')} check>
              <input type="checkbox" name="active" defaultChecked={person.active} />
            </Field>
            <Field label={t('admin.newPassword')}>
              <input name="password" type="password" minLength={8} autocomplete="new-password" />
            </Field>
            <FormActions submit={submit} label={t('action.save')} />
          </form>
        </details>
        {props.canErase && <ErasePersonData person={person} onErased={props.onErased} />}
      </td>
    </tr>
  );
}

function NewPersonForm({ units, onSaved }: { units: readonly Unit[]; onSaved(): void }) {
  const { api, t } = useApp();
  const submit = useSubmit();
  return (
    <FormPanel id="new-person" title={t('admin.newPerson')} onSubmit={submit.form((form) => addPerson(api, form), { onSaved, reset: true })}>
      <Field label={t('field.username')}>
        <input name="username" required maxLength={64} pattern="[A-Za-z0-9._@\-]+" autocomplete="off" />
      </Field>
      <Field label={t('field.name')}>
        <input name="name" required maxLength={100} />
      </Field>
      <Field label={t('field.password')}>
        <input name="password" type="password" required minLength={8} autocomplete="new-password" />
      </Field>
      <Field label={t('field.role')}>
        <RoleSelect />
      </Field>
      <Field label={t('field.unit')}>
        <UnitSelect units={units} />
      </Field>
      <FormActions submit={submit} label={t('admin.addPerson')} disabled={units.length === 0} />
    </FormPanel>
  );
}
