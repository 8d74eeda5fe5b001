// The committees (委室) a year summary is broken down by: the units directly under the one summarised,
// after the unit itself (for the people placed in it directly). For the whole organisation the top
// units, or, when there is a single top unit (the office), that unit and the units under it.
export interface CommitteeUnit {
  id: string;
  name: string;
  parentId: string | null;
}

const byName = (a: CommitteeUnit, b: CommitteeUnit) => a.name.localeCompare(b.name, 'zh-CN') || (a.id < b.id ? -1 : 1);

export function committeesUnder(units: readonly CommitteeUnit[], unitId: string | null): { unitId: string; name: string }[] {
  const roots = units.filter((u) => u.parentId === null);
  const base = unitId !== null ? units.find((u) => u.id === unitId) : roots.length === 1 ? roots[0] : undefined;
  const list = base === undefined ? [...roots].sort(byName) : [base, ...units.filter((u) => u.parentId === base.id).sort(byName)];
  return list.map((u) => ({ unitId: u.id, name: u.name }));
}
