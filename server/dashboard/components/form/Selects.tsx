// The selects the forms share: one of a fixed list, one of a list of records (with an optional first
// choice of none or all), and an active person, the signed-in one chosen to begin with.
import { useApp } from '../../app/context.ts';
import type { Person, Unit } from '../../../../shared/schemas/organisation.ts';
import { unitPath } from '../../models/unit-tree.ts';
import { EnumOptions } from '../EnumOptions.tsx';
import { ListOptions } from '../ListOptions.tsx';

export function EnumSelect<T extends string>(props: { name: string; values: readonly T[]; label: (value: T) => string; selected?: T }) {
  return (
    <select name={props.name}>
      <EnumOptions values={props.values} label={props.label} selected={props.selected} />
    </select>
  );
}

/** `none`: the words of a first option whose value is empty (no parent, all people…). */
export function ListSelect<T>(props: { name: string; items: readonly T[]; id: (item: T) => string; label: (item: T) => string; selected?: string | null; none?: string; required?: boolean }) {
  return (
    <select name={props.name} required={props.required}>
      {props.none !== undefined && <option value="">{props.none}</option>}
      <ListOptions items={props.items} id={props.id} label={props.label} selected={props.selected} />
    </select>
  );
}

/** Inactive people cannot be chosen: they can no longer sign in. */
export function ActivePersonSelect({ name, people }: { name: string; people: readonly Pick<Person, 'id' | 'name' | 'active'>[] }) {
  const { user } = useApp();
  return <ListSelect name={name} items={people.filter((p) => p.active)} id={(p) => p.id} label={(p) => p.name} selected={user.id} />;
}

/**
 * The unit a screen is filtered by, each unit named by its path; `all` names an empty first option (every
 * unit). A change takes effect at once (the screen navigates), so it stands outside any form.
 */
export function UnitFilter(props: { label: string; name: string; id?: string; units: readonly Unit[]; value: string; all?: string; onChange(unitId: string): void }) {
  return (
    <label>
      <span>{props.label}</span>
      <select id={props.id} name={props.name} value={props.value} onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value)}>
        {props.all !== undefined && <option value="">{props.all}</option>}
        {props.units.map((u) => (
          <option key={u.id} value={u.id}>
            {unitPath(props.units, u.id)}
          </option>
        ))}
      </select>
    </label>
  );
}
