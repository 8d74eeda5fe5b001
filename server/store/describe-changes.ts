// An audit entry's account of an administrative change: each field it altered, old value to new.
/** `field: old → new` for each of `fields` that `changes` sets to another value, in the order given. */
export function describeChanges<R extends object>(fields: readonly (keyof R & string)[], old: R, changes: Partial<R>, updated: R): string[] {
  return fields
    .filter((k) => changes[k] !== undefined && JSON.stringify(changes[k]) !== JSON.stringify(old[k]))
    .map((k) => `${k}: ${JSON.stringify(old[k])} → ${JSON.stringify(updated[k])}`);
}
