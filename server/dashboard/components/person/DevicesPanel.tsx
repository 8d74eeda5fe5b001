// The extensions a person is signed in with (device tokens). The person and admins may sign a device
// out; leaders only see them.
import { useState } from 'preact/hooks';
import { useApp } from '../../app/context.ts';
import type { Person as PersonRecord } from '../../../../shared/schemas/organisation.ts';
import { formatInstant } from '../../models/format.ts';
import { deviceName } from '../../../../shared/device/device-name.ts';
import { useLoad } from '../../models/use-load.ts';
import { Empty, ErrorState, Loaded } from '../States.tsx';

export function DevicesPanel({ person }: { person: PersonRecord }) {
  const { api, t, locale, user, timeZone } = useApp();
  const devices = useLoad(() => api.devices(person.id), [api, person.id]);
  const [failure, setFailure] = useState<unknown>(null);
  const mayRevoke = user.id === person.id || user.role === 'admin';
  return (
    <section class="panel no-print" aria-labelledby="devices-title">
      <h2 id="devices-title">{t('devices.title')}</h2>
      {failure !== null && <ErrorState error={failure} />}
      <Loaded load={devices}>
        {(list) =>
          list.length === 0 ? (
            <Empty title={t('devices.none')} hint={t('devices.noneHint')} />
          ) : (
            <table class="data compact">
              <thead>
                <tr>
                  <th scope="col">{t('devices.label')}</th>
                  <th scope="col">{t('devices.since')}</th>
                  <th scope="col">{t('devices.lastUsed')}</th>
                  {mayRevoke && <th scope="col">{t('devices.actions')}</th>}
                </tr>
              </thead>
              <tbody>
                {list.map((d) => (
                  <tr key={d.id}>
                    <th scope="row" title={d.label || undefined}>
                      {d.label ? deviceName(d.label) : d.deviceId || t('devices.unnamed')}
                    </th>
                    <td>{formatInstant(d.createdAt, locale, timeZone)}</td>
                    <td>{d.lastUsedAt === null ? '—' : formatInstant(d.lastUsedAt, locale, timeZone)}</td>
                    {mayRevoke && (
                      <td>
                        <button
                          type="button"
                          onClick={async () => {
                            if (!window.confirm(t('devices.confirmRevoke', { label: d.label ? deviceName(d.label) : d.deviceId || t('devices.unnamed') }))) return;
                            setFailure(null);
                            await api.revokeDevice(person.id, d.id).then(devices.reload, setFailure);
                          }}
                        >
                          {t('devices.revoke')}
                        </button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loaded>
    </section>
  );
}
