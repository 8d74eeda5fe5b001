// The people of a unit for a range, in name order (never ranked): credited against pro-rated target,
// the gap, notes; each name and number leads to the person's records for the same range.
import { useApp } from '../../app/context.ts';
import type { PersonSummary } from '../../../../shared/schemas/reports.ts';
import type { Unit } from '../../../../shared/schemas/organisation.ts';
import { formatHours, formatInteger } from '../../models/format.ts';
import { routePath } from '../../models/router.ts';
import { unitPath } from '../../models/unit-tree.ts';
import { Link, withQuery } from '../Link.tsx';

export function PeopleTable({ people, units, rangeQuery, caption, showGap }: { people: readonly PersonSummary[]; units: readonly Unit[]; rangeQuery: Record<string, string>; caption: string; showGap?: boolean }) {
  const { t, locale } = useApp();
  const personHref = (p: PersonSummary) => withQuery(routePath({ name: 'person', personId: p.personId }), rangeQuery);
  return (
    <table class="data">
      <caption class="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('field.name')}</th>
          <th scope="col">{t('field.unit')}</th>
          <th scope="col" class="num">{t('figure.creditedHours')}</th>
          <th scope="col" class="num">{t('figure.targetHours')}</th>
          {showGap && <th scope="col" class="num">{t('figure.gapHours')}</th>}
          <th scope="col" class="num">{t('figure.notes')}</th>
        </tr>
      </thead>
      <tbody>
        {people.map((p) => (
          <tr key={p.personId} data-person-id={p.personId}>
            <th scope="row">
              <Link href={personHref(p)}>{p.name}</Link>
            </th>
            <td>{unitPath(units, p.unitId)}</td>
            <td class="num">
              <Link href={personHref(p)}>{formatHours(p.seconds, locale)}</Link>
            </td>
            <td class="num">{formatHours(p.targetSeconds, locale)}</td>
            {showGap && <td class="num gap">{formatHours(p.gapSeconds, locale)}</td>}
            <td class="num">
              <Link href={withQuery(routePath({ name: 'notes' }), { personId: p.personId, reviewed: 'all' })}>{formatInteger(p.notesCount, locale)}</Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
