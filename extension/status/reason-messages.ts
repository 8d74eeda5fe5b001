// How each reason for not counting is said to the person (popup and toolbar tooltip).
import type { NotCountingReason } from '../tracking/counting.ts';
import type { MessageKey } from '../i18n/t.ts';

export const REASON_MESSAGES: Record<NotCountingReason, MessageKey> = {
  'signed-out': 'reasonSignedOut',
  paused: 'reasonPaused',
  away: 'reasonAway',
  'browser-not-focused': 'reasonBrowserNotFocused',
  'not-designated': 'reasonNotDesignated',
  'page-hidden': 'reasonPageHidden',
  locked: 'reasonLocked',
  idle: 'reasonIdle',
};
