// The <option>s of a list of records (units, people, resources…), each with its id and label.
/**
 * `selected` marks the option chosen to begin with, as EnumOptions does for the fixed lists: Preact sets
 * no `defaultValue` on a select (it is no property of HTMLSelectElement), so a select given one would
 * begin on its first option — an edit form would then quietly submit that instead of the stored value.
 * A multiple select is given every value chosen to begin with.
 */
export function ListOptions<T>({ items, id, label, selected }: { items: readonly T[]; id: (item: T) => string; label: (item: T) => string; selected?: string | null | readonly string[] }) {
  return (
    <>
      {items.map((item) => {
        const value = id(item);
        return (
          <option key={value} value={value} selected={typeof selected === 'string' || selected === null || selected === undefined ? value === selected : selected.includes(value)}>
            {label(item)}
          </option>
        );
      })}
    </>
  );
}
