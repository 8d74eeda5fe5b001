// Administration: people, units, designated resources, tracking settings, programme settings and the
// audit log, one tab
// each. Only admins reach it; the server checks every write again.
import { useApp } from '../../app/context.ts';
import type { MessageKey } from '../../i18n/t.ts';
import { ADMIN_TABS, routePath, type AdminTab } from '../../models/router.ts';
import { Link } from '../Link.tsx';
import { AuditLog } from './AuditLog.tsx';
import { PeopleAdmin } from './PeopleAdmin.tsx';
import { ProgrammeSettingsAdmin } from './ProgrammeSettingsAdmin.tsx';
import { ResourcesAdmin } from './ResourcesAdmin.tsx';
import { SettingsAdmin } from './SettingsAdmin.tsx';
import { UnitsAdmin } from './UnitsAdmin.tsx';

const LABELS: Record<AdminTab, MessageKey> = {
  people: 'admin.people',
  units: 'admin.units',
  resources: 'admin.resources',
  settings: 'admin.settings',
  programme: 'admin.programme',
  audit: 'admin.audit',
};

export function AdminPage({ tab }: { tab: AdminTab }) {
  const { t } = useApp();
  return (
    <section class="admin" aria-labelledby="admin-title">
      <header class="page-head">
        <h1 id="admin-title">{t('nav.admin')}</h1>
      </header>
      <nav class="tabs" aria-label={t('nav.admin')}>
        {ADMIN_TABS.map((name) => (
          <Link key={name} href={routePath({ name: 'admin', tab: name })} current={name === tab}>
            {t(LABELS[name])}
          </Link>
        ))}
      </nav>
      {tab === 'people' && <PeopleAdmin />}
      {tab === 'units' && <UnitsAdmin />}
      {tab === 'resources' && <ResourcesAdmin />}
      {tab === 'settings' && <SettingsAdmin />}
      {tab === 'programme' && <ProgrammeSettingsAdmin />}
      {tab === 'audit' && <AuditLog />}
    </section>
  );
}
