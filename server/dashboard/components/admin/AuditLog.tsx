// The audit log: who changed what, when and why, newest first, fifty at a time.
import { useApp } from '../../app/context.ts';
import type { AuditEntry } from '../../../../shared/schemas/organisation.ts';
import { auditActionLabel, auditTargetLabel } from '../../models/audit-labels.ts';
import { formatInstant } from '../../models/format.ts';
import { AUDIT_PAGE, useAuditLog } from '../../models/admin/admin-model.ts';
import { Empty, Loaded } from '../States.tsx';

export function AuditLog() {
  const { api, t } = useApp();
  const log = useAuditLog(api);
  const page = log.page;
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
                {!log.atNewest && (
                  <button type="button" onClick={log.newest}>
                    {t('audit.newest')}
                  </button>
                )}
                {entries.length === AUDIT_PAGE && (
                  <button type="button" onClick={() => log.older(entries)}>
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
