// A person's learning (and "My learning" for oneself): the log over the chosen range as chart and
// tables, raw against credited with every discount reason, their notes with reviews, their devices,
// exports, and an A4 print layout with a signature line.
import { useApp } from '../../app/context.ts';
import type { Person as PersonRecord } from '../../../../shared/schemas/organisation.ts';
import type { Unit } from '../../../../shared/schemas/organisation.ts';
import { rangeFromQuery, resolveRange } from '../../models/range.ts';
import { routePath } from '../../models/router.ts';
import { unitPath } from '../../models/unit-tree.ts';
import { usePeopleAndUnits } from '../../models/directory.ts';
import { RangePicker } from '../RangePicker.tsx';
import { Empty, Loaded } from '../States.tsx';
import { DevicesPanel } from './DevicesPanel.tsx';
import { PersonLogView } from './PersonLogView.tsx';
import { PersonDataPanel } from './PersonDataPanel.tsx';
import { PersonNotes } from './PersonNotes.tsx';
import { SignatureBlock } from './SignatureBlock.tsx';

export function PersonPage({ personId }: { personId: string }) {
  const { api, t } = useApp();
  const directory = usePeopleAndUnits(api);
  return (
    <Loaded load={directory}>
      {({ people, units }) => {
        const person = people.find((p) => p.id === personId);
        if (person === undefined) return <Empty title={t('person.notFound')} hint={t('error.forbiddenHint')} />;
        return <PersonView person={person} units={units} />;
      }}
    </Loaded>
  );
}

function PersonView({ person, units }: { person: PersonRecord; units: readonly Unit[] }) {
  const { t, user, query, today } = useApp();
  const self = person.id === user.id;
  const choice = rangeFromQuery(query, today());
  const range = resolveRange(choice);
  return (
    <article class="person" aria-labelledby="person-title">
      <p class="print-only print-title">{t('person.printTitle')}</p>
      <header class="page-head">
        <div>
          <h1 id="person-title">{self ? t('person.myTitle') : person.name}</h1>
          <p class="muted" data-testid="person-identity">
            {person.name} · {person.username} · {unitPath(units, person.unitId) || t('person.noUnit')} · {t(`role.${person.role}`)}
            {!person.active && <> · {t('person.inactive')}</>}
          </p>
        </div>
        <RangePicker choice={choice} path={self && user.role === 'staff' ? routePath({ name: 'me' }) : routePath({ name: 'person', personId: person.id })} />
      </header>
      <PersonLogView person={person} range={range} />
      <PersonNotes personId={person.id} range={range} />
      <DevicesPanel person={person} />
      <PersonDataPanel person={person} range={range} />
      <SignatureBlock />
    </article>
  );
}
