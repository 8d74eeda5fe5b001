// What the note editor says when a draft cannot be saved: a limit it breaks (before saving), or why the
// background refused or failed (after). Shared by the in-page editor and the side panel.
import type { FailureCode } from '../rpc/failure.ts';
import { t, type MessageKey } from '../i18n/t.ts';
import { FAILURE_MESSAGES } from '../rpc/failure-messages.ts';
import type { DraftField, DraftProblem, SaveOutcome } from './note-draft-model.ts';

const FIELD_LABELS: Record<DraftField, MessageKey> = { comment: 'noteCommentLabel', title: 'noteTitleLabel', quote: 'noteQuoteLabel' };

export function describeProblem(problem: DraftProblem): string {
  switch (problem.kind) {
    case 'tooLong':
      return t('draftTooLong', t(FIELD_LABELS[problem.field]), String(problem.limit), String(problem.excess));
    case 'tooManyTags':
      return t('draftTooManyTags', String(problem.limit));
    case 'tagTooLong':
      return t('draftTagTooLong', problem.tag, String(problem.limit));
  }
}

/** Why a save failed, in the person's language: the background's validation gets its own wording. */
export function failureReason(code: FailureCode): string {
  return t(code === 'invalid_request' ? 'noteSaveInvalid' : FAILURE_MESSAGES[code]);
}

export function failedOutcome(code: FailureCode): SaveOutcome {
  return { ok: false, message: t('noteSaveFailed', failureReason(code)) };
}
