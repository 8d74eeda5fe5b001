// People: add an account, change name, role, unit or active state, set a new password, or delete a
// person's data. A deactivated person cannot sign in and their devices stop syncing.
import { useState } from 'preact/hooks';
import { useApp } from '../../app/context.ts';
import { ROLES, type Role } from '../../../../shared/schemas/domain.ts';
import type { Person as PersonRecord } from '../../../../shared/schemas/organisation.ts';
import type { Unit } from '../../../../shared/schemas/organisation.ts';
import { routePath } from '../../models/router.ts';
import { unitPath } from '../../models/unit-tree.ts';
import { useLoad } from '../../models/use-load.ts';
import { Link } from '../Link.tsx';
import { Empty, Loaded } from '../States.tsx';
import { ErasePersonData } from './ErasePersonData.tsx';
import { FormStatus } from './FormStatus.tsx';
import { useSubmit } from './useSubmit.ts';
import { EnumOptions } from '../EnumOptions.tsx';
import { ListOptions } from '../ListOptions.tsx';
import { formFields } from '../form-fields.ts';

export function PeopleAdmin() {
  const { api, t, user } = useApp();
  const [erased, setErased] = useState('');
  const data = useLoad(async () => {
    const [people, units] = await Promise.all([api.people(), api.units()]);
    return { people, units };
  }, [api]);
  return (
    <Loaded load={data}>
      {({ people, units }) => (
        <>
          <NewPersonForm units={units} onSaved={data.reload} />
          <section class="panel" aria-labelledby="people-admin-title">
            <h2 id="people-admin-title">{t('admin.people')}</h2>
            <p class="form-done" role="status">
              {erased}
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
                      onErased={(message) => {
                        setErased(message);
                        data.reload();
                      }}
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

function UnitSelect({ units, name, value, required }: { units: readonly Unit[]; name: string; value?: string | null; required?: boolean }) {
  return (
    <select name={name} required={required}>
      {!required && <option value="">—</option>}
      <ListOptions items={units} id={(u) => u.id} label={(u) => unitPath(units, u.id)} selected={value} />
    </select>
  );
}

function RoleSelect({ name, value }: { name: string; value?: Role }) {
  const { t } = useApp();
  return (
    <select name={name}>
      <EnumOptions values={ROLES} label={(r) => t(`role.${r}`)} selected={value ?? 'staff'} />
    </select>
  );
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
          <form
            class="form-grid"
            onSubmit={(e) => {
              e.preventDefault();
              const form = formFields(e.currentTarget);
              const password = form.text('password');
              void submit
                .run(async () => {
                  await api.updatePerson(person.id, {
                    name: form.trimmed('name'),
                    role: form.text('role') as Role,
                    unitId: form.text('unitId'),
                    active: form.checked('active'),
                  });
                  if (password !== '') await api.setPassword(person.id, { password });
                })
                .then((ok) => ok && onSaved());
            }}
          >
            <label>
              <span>{t('field.name')}</span>
              <input name="name" required maxLength={100} defaultValue={person.name} />
            </label>
            <label>
              <span>{t('field.role')}</span>
              <RoleSelect name="role" value={person.role} />
            </label>
            <label>
              <span>{t('field.unit')}</span>
              <UnitSelect units={units} name="unitId" value={person.unitId} required />
            </label>
            <label class="check">
              <input type="checkbox" name="active" defaultChecked={person.active} />
              <span>{t('common.active')}</span>
            </label>
            <label>
              <span>{t('admin.newPassword')}</span>
              <input name="password" type="password" minLength={8} autocomplete="new-password" />
            </label>
            <div class="form-actions wide">
              <button type="submit" class="primary" disabled={submit.busy}>
                {t('action.save')}
              </button>
            </div>
            <div class="wide">
              <FormStatus failure={submit.failure} done={submit.done} />
            </div>
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
    <form
      class="panel form-grid"
      aria-labelledby="new-person-title"
      onSubmit={submit.adding(
        (form) =>
          api.createPerson({ username: form.trimmed('username'), name: form.trimmed('name'), password: form.text('password'), role: form.text('role') as Role, unitId: form.text('unitId') }),
        onSaved,
      )}
    >
      <h2 id="new-person-title">{t('admin.newPerson')}</h2>
      <label>
        <span>{t('field.username')}</span>
        <input name="username" required maxLength={64} pattern="[A-Za-z0-9._@\-]+" autocomplete="off" />
      </label>
      <label>
        <span>{t('field.name')}</span>
        <input name="name" required maxLength={100} />
      </label>
      <label>
        <span>{t('field.password')}</span>
        <input name="password" type="password" required minLength={8} autocomplete="new-password" />
      </label>
      <label>
        <span>{t('field.role')}</span>
        <RoleSelect name="role" />
      </label>
      <label>
        <span>{t('field.unit')}</span>
        <UnitSelect units={units} name="unitId" required />
      </label>
      <div class="form-actions wide">
        <button type="submit" class="primary" disabled={submit.busy || units.length === 0}>
          {t('admin.addPerson')}
        </button>
      </div>
      <div class="wide">
        <FormStatus failure={submit.failure} done={submit.done} />
      </div>
    </form>
  );
}
