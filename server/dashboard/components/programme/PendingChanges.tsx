// A person's proposed changes to what counts (their plan's targets, their report's status), with who
// proposed them and when; a leader over them approves or rejects (with a reason), the person sees them wait.
import { useApp } from '../../app/context.ts';
import type { ChangeRequest } from '../../../../shared/schemas/programme-changes.ts';
import { formatInstant } from '../../models/format.ts';
import { approveChange, rejectChange, usePendingChanges } from '../../models/programme/programme-model.ts';
import { useSubmit } from '../../models/use-submit.ts';
import { FormStatus } from '../form/FormStatus.tsx';
import { Loaded } from '../States.tsx';
import { WithdrawButton } from './WithdrawButton.tsx';

export function PendingChanges({ personId, onDecided }: { personId: string; onDecided(): void }) {
  const { api, t, user } = useApp();
  const load = usePendingChanges(api, personId);
  const decides = user.role !== 'staff' && user.id !== personId;
  return (
    <Loaded load={load}>
      {(pending) =>
        pending.length === 0 ? null : (
          <section class="panel" aria-labelledby="changes-title" data-testid="pending-changes">
            <h2 id="changes-title">{t('changes.title')}</h2>
            <ul class="plain">
              {pending.map((c) => (
                <ChangeRow
                  key={c.id}
                  change={c}
                  decides={decides}
                  onDecided={() => {
                    load.reload();
                    onDecided();
                  }}
                />
              ))}
            </ul>
          </section>
        )
      }
    </Loaded>
  );
}

function ChangeRow({ change, decides, onDecided }: { change: ChangeRequest; decides: boolean; onDecided(): void }) {
  const { api, t, locale, timeZone } = useApp();
  const approve = useSubmit();
  const c = change.change;
  const what =
    c.kind === 'plan-targets'
      ? t('changes.planTargets', { year: c.year, stage: t(`stage.${c.stage}`), from: c.from.totalHours, to: c.to.totalHours })
      : t('changes.reportStatus', { title: c.title, from: t(`report.${c.from}`), to: t(`report.${c.to}`) });
  return (
    <li data-change-id={change.id}>
      <p>
        {what} <span class="muted">· {t('changes.proposed', { name: change.proposedByName, at: formatInstant(change.proposedAt, locale, timeZone) })}</span>
      </p>
      {decides ? (
        <div class="form-actions">
          <button type="button" class="primary" disabled={approve.busy} onClick={async () => (await approve.run(() => approveChange(api, change.id))) && onDecided()}>
            {t('changes.approve')}
          </button>
          <WithdrawButton label={t('changes.reject')} onWithdraw={(reason) => rejectChange(api, change.id, reason)} onDone={onDecided} />
          {approve.failure !== null && <FormStatus failure={approve.failure} done={false} />}
        </div>
      ) : (
        <p class="muted">{t('changes.waiting')}</p>
      )}
    </li>
  );
}
