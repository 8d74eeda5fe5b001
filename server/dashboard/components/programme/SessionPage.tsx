// One session: what, when, where, materials and credit; for its organiser, leaders over its roster and
// admins also the check-in code to show and the roster to mark (present, late, leave with a reason,
// absent, make-up). Staff see the details and a way to check in.
import { useState } from 'preact/hooks';
import { useApp } from '../../app/context.ts';
import { ATTENDANCE_STATUSES, type AttendanceEntry, type AttendanceStatus, type Roster } from '../../../../shared/schemas/programme-attendance.ts';
import type { Session } from '../../../../shared/schemas/programme-calendar.ts';
import { formatInstant, formatPercent } from '../../models/format.ts';
import { creditRuleLabel } from '../../models/programme/credit-rule-label.ts';
import { markDraft } from '../../models/programme/mark-draft.ts';
import { routePath } from '../../models/router.ts';
import { useSessionPage } from '../../models/programme/session-page.ts';
import { Link } from '../Link.tsx';
import { Loaded } from '../States.tsx';
import { Field } from '../form/Field.tsx';
import { FormStatus } from '../form/FormStatus.tsx';
import { cancelSession, markAllPresent, markAttendance, withdrawAttendance } from '../../models/programme/programme-model.ts';
import { useSubmit } from '../../models/use-submit.ts';
import { EnumOptions } from '../EnumOptions.tsx';
import { WithdrawButton } from './WithdrawButton.tsx';

export function SessionPage({ sessionId }: { sessionId: string }) {
  const { api, t, locale, timeZone } = useApp();
  const load = useSessionPage(api, sessionId);
  return (
    <Loaded load={load}>
      {({ session, resources, roster, opensMinutes }) => (
        <article class="session-page" aria-labelledby="session-title">
          <header class="page-head">
            <div>
              <h1 id="session-title">{session.topic}</h1>
              <p class="muted">
                {t(`sessionKind.${session.kind}`)} · {session.date}
              </p>
            </div>
          </header>
          {session.cancelled !== null && (
            <p class="state state-error" role="status" data-testid="session-cancelled">
              {t('session.cancelled', { date: formatInstant(session.cancelled.at, locale, timeZone), name: session.cancelled.byName, reason: session.cancelled.reason })}
            </p>
          )}
          {session.code !== null && session.cancelled === null && (
            <WithdrawButton label={t('session.cancel')} onWithdraw={(reason) => cancelSession(api, session.id, reason)} onDone={load.reload} />
          )}
          <SessionDetails session={session} materials={resources.filter((r) => session.materials.includes(r.id)).map((r) => r.name)} />
          {session.code !== null && (
            <section class="panel session-code" aria-labelledby="code-title">
              <h2 id="code-title">{t('session.code')}</h2>
              <p class="code-display" data-testid="session-code">
                {session.code}
              </p>
              <p class="muted">{t('session.codeHint', { minutes: opensMinutes })}</p>
            </section>
          )}
          {session.code === null && (
            <p>
              <Link href={routePath({ name: 'check-in' })}>{t('nav.checkIn')}</Link>
            </p>
          )}
          {roster !== null && session.cancelled === null && <RosterPanel session={session} roster={roster} onChanged={load.reload} />}
        </article>
      )}
    </Loaded>
  );
}

function SessionDetails({ session, materials }: { session: Session; materials: string[] }) {
  const { t, locale, timeZone } = useApp();
  return (
    <section class="panel">
      <dl class="details">
        <dt>{t('session.start')}</dt>
        <dd>{formatInstant(session.startsAt, locale, timeZone)}</dd>
        <dt>{t('session.end')}</dt>
        <dd>{formatInstant(session.endsAt, locale, timeZone)}</dd>
        <dt>{t('session.place')}</dt>
        <dd>{session.place || '—'}</dd>
        {session.link && (
          <>
            <dt>{t('session.link')}</dt>
            <dd>
              <a href={session.link} rel="noopener noreferrer" target="_blank">
                {session.link}
              </a>
            </dd>
          </>
        )}
        <dt>{t('session.materials')}</dt>
        <dd>{materials.length > 0 ? materials.join('、') : '—'}</dd>
        <dt>{t('session.creditedHours')}</dt>
        <dd>
          {t('session.creditedHoursValue', { hours: session.creditedHours, tariff: t(`tariff.${session.tariff}`) })}
          <br />
          <span class="muted" data-testid="session-credit-rule">
            {creditRuleLabel(session.creditRule, t)}
          </span>
        </dd>
      </dl>
    </section>
  );
}

function RosterPanel({ session, roster, onChanged }: { session: Session; roster: Roster; onChanged(): void }) {
  const { t, locale, api, user, timeZone } = useApp();
  const counts = roster.counts;
  const markAll = useSubmit();
  // Everyone not yet recorded, except oneself (nobody marks their own attendance: they check in).
  const unrecorded = roster.people.filter((p) => p.entry === null && p.personId !== user.id);
  return (
    <section class="panel" aria-labelledby="roster-title">
      <h2 id="roster-title">
        {t('session.roster')} <span class="muted">{counts.rate === null ? '' : t('session.rate', { rate: formatPercent(counts.rate, locale) })}</span>
      </h2>
      {unrecorded.length > 0 && (
        <div class="form-actions">
          <button
            type="button"
            data-testid="mark-all-present"
            disabled={markAll.busy}
            onClick={async () => {
              await markAll.run(() => markAllPresent(api, session.id, unrecorded));
              onChanged();
            }}
          >
            {t('session.markAllPresent')}
          </button>
          {markAll.failure !== null && <FormStatus failure={markAll.failure} done={false} />}
        </div>
      )}
      <table class="data compact roster">
        <caption class="sr-only">{t('session.roster')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('field.name')}</th>
            <th scope="col">{t('field.status')}</th>
            <th scope="col">{t('session.checkedInAt')}</th>
            <th scope="col">{t('session.mark')}</th>
          </tr>
        </thead>
        <tbody>
          {roster.people.map((p) => (
            <tr key={p.personId} data-person-id={p.personId}>
              <th scope="row">{p.name}</th>
              <td class="attendance-status">
                {p.entry === null ? t('attendance.unrecorded') : t(`attendance.${p.entry.status}`)}
                {p.entry?.reason ? ` · ${p.entry.reason}` : ''}
                {p.entry?.makeUp ? ` · ${t('bulletin.madeUp')} ${p.entry.makeUp.doneOn}` : ''}
              </td>
              <td>{p.entry?.checkedInAt ? formatInstant(p.entry.checkedInAt, locale, timeZone) : ''}</td>
              <td>
                {p.personId !== user.id && <MarkForm key={p.entry?.updatedAt ?? ''} sessionId={session.id} personId={p.personId} entry={p.entry} onSaved={onChanged} />}
                {p.personId !== user.id && p.entry !== null && (
                  <WithdrawButton label={t('session.withdrawEntry')} onWithdraw={(reason) => withdrawAttendance(api, session.id, p.personId, reason)} onDone={onChanged} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Keyed by the entry's last change, so it starts again from the entry as saved. */
function MarkForm({ sessionId, personId, entry, onSaved }: { sessionId: string; personId: string; entry: AttendanceEntry | null; onSaved(): void }) {
  const { api, t } = useApp();
  const submit = useSubmit();
  const draft = markDraft(entry);
  const [status, setStatus] = useState<AttendanceStatus>(draft.status);
  const missed = status === 'leave' || status === 'absent';
  return (
    <form class="mark-form" onSubmit={submit.form((form) => markAttendance(api, sessionId, personId, status, form), { onSaved })}>
      <Field label={t('field.status')}>
        <select name="status" value={status} onChange={(e) => setStatus((e.currentTarget as HTMLSelectElement).value as AttendanceStatus)}>
          <EnumOptions values={ATTENDANCE_STATUSES} label={(s) => t(`attendance.${s}`)} />
        </select>
      </Field>
      {status === 'leave' && (
        <Field label={t('session.reason')}>
          <input name="reason" defaultValue={draft.reason} required maxLength={500} />
        </Field>
      )}
      {missed && (
        <>
          <Field label={t('session.makeUp')}>
            <input name="makeUp" type="date" defaultValue={draft.makeUpOn} />
          </Field>
          <Field label={t('session.makeUpNote')}>
            <input name="makeUpNote" defaultValue={draft.makeUpNote} maxLength={500} />
          </Field>
        </>
      )}
      <button type="submit" disabled={submit.busy}>
        {t('session.mark')}
      </button>
      {submit.failure !== null && <FormStatus failure={submit.failure} done={false} />}
    </form>
  );
}
