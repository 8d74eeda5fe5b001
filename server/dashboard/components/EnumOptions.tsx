// The <option>s of one of the fixed lists in shared/schemas (roles, categories, kinds, statuses…),
// each labelled in the reader's language.
/**
 * `selected` marks the option chosen to begin with: Preact sets no `defaultValue` on a select (it is no
 * property of HTMLSelectElement), so the default is said on the option.
 */
export function EnumOptions<T extends string>({ values, label, selected }: { values: readonly T[]; label: (value: T) => string; selected?: T }) {
  return (
    <>
      {values.map((value) => (
        <option key={value} value={value} selected={value === selected}>
          {label(value)}
        </option>
      ))}
    </>
  );
}
