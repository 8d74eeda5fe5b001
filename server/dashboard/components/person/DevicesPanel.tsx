// The extensions a person is signed in with (device tokens). The person and admins may sign a device
// out; leaders only see them.
import { useApp } from '../../app/context.ts';
import type { Person as PersonRecord } from '../../../../shared/schemas/organisation.ts';
import { formatInstant } from '../../models/format.ts';
import { deviceName } from '../../../../shared/device/device-name.ts';
import { revokeDevice, useDevices } from '../../models/person-page.ts';
import { useSubmit } from '../../models/use-submit.ts';
import { Empty, ErrorState, Loaded } from '../States.tsx';

export function DevicesPanel({ person }: { person: PersonRecord }) {
  const { api, t, locale, user, timeZone } = useApp();
  const devices = useDevices(api, person.id);
  const revoke = useSubmit();
  const mayRevoke = user.id === person.id || user.role === 'admin';
  return (
    <section class="panel no-print" aria-labelledby="devices-title">
      <h2 id="devices-title">{t('devices.title')}</h2>
      {revoke.failure !== null && <ErrorState error={revoke.failure} />}
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
                          disabled={revoke.busy}
                          onClick={async () => {
                            if (!window.confirm(t('devices.confirmRevoke', { label: d.label ? deviceName(d.label) : d.deviceId || t('devices.unnamed') }))) return;
                            if (await revoke.run(() => revokeDevice(api, person.id, d.id))) devices.reload();
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
