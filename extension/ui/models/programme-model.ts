// State of the popup's programme part: this year's plan progress (asked once when the popup opens) and
// the check-in form's answer, as a message key with its substitutions for the component to show.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { callBackground } from '../../messaging/client.ts';
import type { CheckInRefusal, PlanSummary } from '../../programme/programme-protocol.ts';
import type { MessageKey } from '../../i18n/t.ts';
import { FAILURE_MESSAGES } from '../../rpc/failure-messages.ts';

export const REFUSAL_MESSAGES: Record<CheckInRefusal, MessageKey> = {
  wrong_code: 'checkInWrongCode',
  check_in_closed: 'checkInClosed',
  already_checked_in: 'checkInAlready',
  not_on_roster: 'checkInNotOnRoster',
};

export interface Line {
  readonly key: MessageKey;
  readonly subs: readonly string[];
  readonly ok: boolean;
}

export interface ProgrammeModel {
  readonly plan: PlanSummary | null;
  readonly busy: boolean;
  readonly answer: Line | null;
  checkIn(code: string): void;
}

export function useProgrammeModel(): ProgrammeModel {
  const [plan, setPlan] = useState<PlanSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<Line | null>(null);
  useEffect(() => {
    void callBackground({ type: 'planProgress' }).then((reply) => reply.ok && setPlan(reply.value));
  }, []);
  const checkIn = useCallback((code: string) => {
    setBusy(true);
    setAnswer(null);
    void callBackground({ type: 'checkIn', code }).then((reply) => {
      setBusy(false);
      if (!reply.ok) setAnswer({ key: FAILURE_MESSAGES[reply.code], subs: [], ok: false });
      else if (reply.value.outcome === 'refused') setAnswer({ key: REFUSAL_MESSAGES[reply.value.reason], subs: [], ok: false });
      else {
        setAnswer({ key: reply.value.late ? 'checkInDoneLate' : 'checkInDone', subs: [reply.value.topic], ok: true });
        // Credited session hours count towards the plan: show the new figure.
        void callBackground({ type: 'planProgress' }).then((r) => r.ok && setPlan(r.value));
      }
    });
  }, []);
  return { plan, busy, answer, checkIn };
}

/** Hours with one decimal, as the dashboard shows 学时. */
export function hoursText(seconds: number, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Math.round(seconds / 360) / 10);
}
