// The unit tree at the side of the overview: every visible unit, indented, the selected one marked.
import { useApp } from '../../app/context.ts';
import type { Unit } from '../../../../shared/schemas/organisation.ts';
import { buildUnitTree, flattenTree } from '../../models/unit-tree.ts';
import { routePath } from '../../models/router.ts';
import { Link, withQuery } from '../Link.tsx';

export function UnitTreeNav({ units, selectedId, rangeQuery }: { units: readonly Unit[]; selectedId: string; rangeQuery: Record<string, string> }) {
  const { t, locale } = useApp();
  return (
    <nav class="unit-tree no-print" aria-label={t('overview.units')}>
      <h2>{t('overview.units')}</h2>
      <ul>
        {flattenTree(buildUnitTree(units, locale)).map((node) => (
          <li key={node.unit.id} class={`depth-${Math.min(node.depth, 5)}`}>
            <Link href={withQuery(routePath({ name: 'overview', unitId: node.unit.id }), rangeQuery)} current={node.unit.id === selectedId}>
              {node.unit.name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
