// The <option>s of one of the fixed lists in shared/schemas (roles, categories, kinds, statuses…),
// each labelled in the reader's language.
export function EnumOptions<T extends string>({ values, label }: { values: readonly T[]; label: (value: T) => string }) {
  return (
    <>
      {values.map((value) => (
        <option key={value} value={value}>
          {label(value)}
        </option>
      ))}
    </>
  );
}
