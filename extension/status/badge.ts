// The toolbar badge: today's counted minutes on this browser, green while counting, grey while not
// (amber when the person paused or did not answer), and a tooltip that says why, including "nothing is
// recorded here" on pages that are not designated.
import { browser } from 'wxt/browser';
import { countingStatus } from '../tracking/counting.ts';
import { secondsCountedToday } from '../tracking/daily-total.ts';
import { t, type MessageKey } from '../i18n/t.ts';
import { REASON_MESSAGES } from './reason-messages.ts';
import type { DayTotals, TrackerState } from '../storage/tracker-state.ts';

export const BADGE_COLOURS = { counting: '#1a7f37', notCounting: '#6e7781', attention: '#9a6700' } as const;

export interface Badge {
  readonly text: string;
  readonly colour: string;
  /** The tooltip's message and its substitution. */
  readonly title: { readonly key: MessageKey; readonly state: MessageKey };
}

/** `timeZone`: the organisation's, whose today the minutes are. */
export function badgeFor(state: TrackerState, totals: DayTotals | null, nowMs: number, timeZone: string): Badge {
  const status = countingStatus(state);
  const minutes = Math.floor(secondsCountedToday(totals, state.open, nowMs, timeZone) / 60);
  const text = status.counting || status.reason !== 'signed-out' ? String(minutes) : '';
  if (status.counting) {
    return { text, colour: BADGE_COLOURS.counting, title: { key: 'badgeTitle', state: status.mode === 'media' ? 'countingMediaShort' : 'countingShort' } };
  }
  const attention = status.reason === 'paused' || status.reason === 'away';
  return {
    text,
    colour: attention ? BADGE_COLOURS.attention : BADGE_COLOURS.notCounting,
    title: { key: 'badgeTitle', state: REASON_MESSAGES[status.reason] },
  };
}

let shown = '';

/** Shows the badge; skips the browser calls when nothing changed (it is computed on every signal). */
export async function showBadge(badge: Badge): Promise<void> {
  const key = JSON.stringify(badge);
  if (key === shown) return;
  shown = key;
  await Promise.all([
    browser.action.setBadgeText({ text: badge.text }),
    browser.action.setBadgeBackgroundColor({ color: badge.colour }),
    browser.action.setTitle({ title: t(badge.title.key, t(badge.title.state)) }),
  ]);
}
