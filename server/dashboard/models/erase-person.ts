// Erasing a person's data takes two steps: a reason (kept in the audit log), then a confirmation in
// which the admin types the person's username, so one stray click can never erase anyone.
import { useState } from 'preact/hooks';
import type { Person } from '../../../shared/schemas/organisation.ts';
import { eraseRequestSchema, type EraseResult } from '../../../shared/schemas/personal-data.ts';
import type { Api } from '../api/endpoints.ts';
import type { MessageKey } from '../i18n/t.ts';
import type { FormFields } from './form-fields.ts';

export type EraseStep = { step: 'reason' } | { step: 'confirm'; reason: string };

export const ERASE_START: EraseStep = { step: 'reason' };

/** The reason step: a trimmed, non-empty reason of at most 500 characters moves on to confirmation. */
export function submitReason(text: string): { ok: true; next: EraseStep } | { ok: false; problem: 'erase.reasonRequired' | 'erase.reasonTooLong' } {
  const checked = eraseRequestSchema.safeParse({ reason: text });
  if (checked.success) return { ok: true, next: { step: 'confirm', reason: checked.data.reason } };
  return { ok: false, problem: text.trim() === '' ? 'erase.reasonRequired' : 'erase.reasonTooLong' };
}

/** The confirmation holds only when the typed text is exactly the person's username (spaces around ignored). */
export function confirmationMatches(username: string, typed: string): boolean {
  return typed.trim() === username;
}

/** What was removed, as numbers for the "erased" message. */
export function erasedCounts(result: EraseResult): Record<string, string> {
  const r = result.removed;
  return { segments: String(r.segments), notes: String(r.notes), tokens: String(r.tokens) };
}

/**
 * The two steps' state. `continueWith` is the reason form's save: it never sends anything (null), it
 * moves on or names the problem; `erase` sends the erasure once the typed username matches.
 */
export function useErasePerson(api: Api, person: Pick<Person, 'id' | 'username'>) {
  const [step, setStep] = useState<EraseStep>(ERASE_START);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [typed, setTyped] = useState('');
  const matches = confirmationMatches(person.username, typed);
  return {
    step,
    problem,
    typed,
    matches,
    type: setTyped,
    back: () => setStep(ERASE_START),
    continueWith(form: FormFields): null {
      const checked = submitReason(form.text('reason'));
      if (checked.ok) {
        setProblem(null);
        setTyped('');
        setStep(checked.next);
      } else setProblem(checked.problem);
      return null;
    },
    erase(): Promise<EraseResult> | null {
      if (step.step !== 'confirm' || !matches) return null;
      return api.erasePersonData(person.id, { reason: step.reason });
    },
  };
}
