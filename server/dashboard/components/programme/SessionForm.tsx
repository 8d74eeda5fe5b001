// A new session on the calendar: kind, topic, date and times in the organisation's zone, place or link,
// organiser, materials, tariff and the units expected (a leader's own unit chosen to begin with). The
// server checks times and clashes again.
import { useApp } from '../../app/context.ts';
import { SESSION_KINDS, TARIFF_KINDS } from '../../../../shared/schemas/programme-calendar.ts';
import { preselectedUnits, sessionBody, sessionFields } from '../../models/programme/session-form.ts';
import { routePath } from '../../models/router.ts';
import { useLoad } from '../../models/use-load.ts';
import { FormStatus } from '../admin/FormStatus.tsx';
import { useSubmit } from '../admin/useSubmit.ts';
import { Loaded } from '../States.tsx';
import { EnumOptions } from '../EnumOptions.tsx';

export function SessionForm({ timeZone, defaultDate, onCreated }: { timeZone: string; defaultDate: string; onCreated(): void }) {
  const { api, t, user, navigate } = useApp();
  const submit = useSubmit();
  const directory = useLoad(async () => {
    const [people, units, resources] = await Promise.all([api.people(), api.units(), api.resources()]);
    return { people, units, resources };
  }, [api]);
  return (
    <Loaded load={directory}>
      {({ people, units, resources }) => {
        const preselected = preselectedUnits(user, units);
        return (
          <form
            class="panel form-grid no-print"
            aria-labelledby="new-session-title"
            onSubmit={async (e) => {
              e.preventDefault();
              const body = sessionBody(sessionFields(new FormData(e.currentTarget as HTMLFormElement)), timeZone);
              let createdId = '';
              const ok = await submit.run(async () => {
                createdId = (await api.programme.createSession(body)).id;
              });
              if (ok) {
                onCreated();
                navigate(routePath({ name: 'session', sessionId: createdId }));
              }
            }}
          >
            <h2 id="new-session-title" class="wide">
              {t('calendar.newSession')}
            </h2>
            <label>
              <span>{t('session.kind')}</span>
              <select name="kind">
                <EnumOptions values={SESSION_KINDS} label={(k) => t(`sessionKind.${k}`)} />
              </select>
            </label>
            <label>
              <span>{t('session.topic')}</span>
              <input name="topic" required maxLength={200} />
            </label>
            <label>
              <span>{t('field.date')}</span>
              <input name="date" type="date" required defaultValue={defaultDate} />
            </label>
            <label>
              <span>{t('session.start')}</span>
              <input name="start" type="time" required defaultValue="14:30" />
            </label>
            <label>
              <span>{t('session.end')}</span>
              <input name="end" type="time" required defaultValue="17:30" />
            </label>
            <label>
              <span>{t('session.place')}</span>
              <input name="place" maxLength={200} />
            </label>
            <label>
              <span>{t('session.link')}</span>
              <input name="link" type="url" maxLength={2048} />
            </label>
            <label>
              <span>{t('session.organiser')}</span>
              <select name="organiserId">
                {people
                  .filter((p) => p.active)
                  .map((p) => (
                    <option key={p.id} value={p.id} selected={p.id === user.id}>
                      {p.name}
                    </option>
                  ))}
              </select>
            </label>
            <label>
              <span>{t('session.tariff')}</span>
              <select name="tariff">
                <EnumOptions values={TARIFF_KINDS} label={(k) => t(`tariff.${k}`)} selected="actual" />
              </select>
            </label>
            <label>
              <span>{t('session.tariffReason')}</span>
              <input name="tariffReason" maxLength={200} />
            </label>
            <label>
              <span>{t('session.units')}</span>
              <select name="unitIds" multiple required size={Math.min(6, Math.max(2, units.length))}>
                {units.map((u) => (
                  <option key={u.id} value={u.id} selected={preselected.includes(u.id)}>
                    {u.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span>{t('session.materials')}</span>
              <select name="materials" multiple size={Math.min(6, Math.max(2, resources.length))}>
                {resources.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
              </select>
            </label>
            <div class="form-actions wide">
              <button type="submit" class="primary" disabled={submit.busy}>
                {t('session.create')}
              </button>
            </div>
            <div class="wide">
              <FormStatus failure={submit.failure} done={submit.done} />
            </div>
          </form>
        );
      }}
    </Loaded>
  );
}
