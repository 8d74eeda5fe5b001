// The audit log: who changed what, when and why, newest first, fifty at a time.
import { useState } from 'preact/hooks';
import { useApp } from '../../app/context.ts';
import type { AuditEntry } from '../../../../shared/schemas/organisation.ts';
import { auditActionLabel, auditTargetLabel } from '../../models/audit-labels.ts';
import { formatInstant } from '../../models/format.ts';
import { useLoad } from '../../models/use-load.ts';
import { Empty, Loaded } from '../States.tsx';

const PAGE = 50;

export function AuditLog() {
  const { api, t } = useApp();
  const [before, setBefore] = useState<string | undefined>(undefined);
  const page = useLoad(() => api.audit({ limit: PAGE, before }), [api, before]);
  return (
    <section class="panel" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('admin.audit')}</h2>
      <Loaded load={page}>
        {(entries) =>
          entries.length === 0 ? (
            <Empty title={t('audit.none')} />
          ) : (
            <>
              <AuditTable entries={entries} />
              <div class="form-actions">
                {before !== undefined && (
                  <button type="button" onClick={() => setBefore(undefined)}>
                    {t('audit.newest')}
                  </button>
                )}
                {entries.length === PAGE && (
                  <button type="button" onClick={() => setBefore(entries[entries.length - 1]!.at)}>
                    {t('audit.older')}
                  </button>
                )}
              </div>
            </>
          )
        }
      </Loaded>
    </section>
  );
}

function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t, locale, timeZone } = useApp();
  return (
    <table class="data compact audit-log">
      <thead>
        <tr>
          <th scope="col">{t('audit.at')}</th>
          <th scope="col">{t('audit.actor')}</th>
          <th scope="col">{t('audit.action')}</th>
          <th scope="col">{t('audit.target')}</th>
          <th scope="col">{t('audit.reason')}</th>
          <th scope="col">{t('audit.details')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id}>
            <td>{formatInstant(e.at, locale, timeZone)}</td>
            <td>{e.actorName}</td>
            <td>{auditActionLabel(e.action, t)}</td>
            <td>{auditTargetLabel(e, t)}</td>
            <td>{e.reason ?? '—'}</td>
            <td class="wrap">{e.details === '' ? '—' : e.details}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
