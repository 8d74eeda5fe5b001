// The person's data as files: everything kept about them (the person themself or an admin; leaders are
// refused by the server) and their study as xAPI statements for another learning system.
import { useApp } from '../../app/context.ts';
import type { Person } from '../../../../shared/schemas/organisation.ts';
import type { DateRange } from '../../../../shared/time/periods.ts';
import { personDataLoaders } from '../../models/person-page.ts';
import { JsonDownload } from '../JsonDownload.tsx';

export function PersonDataPanel({ person, range }: { person: Person; range: DateRange }) {
  const { api, t, user } = useApp();
  const mayExport = person.id === user.id || user.role === 'admin';
  const load = personDataLoaders(api, person, range);
  return (
    <section class="panel no-print" aria-labelledby="person-data-title">
      <h2 id="person-data-title">{t('personData.title')}</h2>
      <p class="muted">{t('personData.hint')}</p>
      <div class="export-buttons">
        {mayExport && (
          <JsonDownload
            label={person.id === user.id ? t('personData.downloadMine') : t('personData.download')}
            fileName={`studytrail-${person.username}-data`}
            load={load.everything}
          />
        )}
        <JsonDownload
          label={t('personData.xapi')}
          fileName={`studytrail-${person.username}-xapi-${range.from}-${range.to}`}
          load={load.xapi}
        />
      </div>
    </section>
  );
}
