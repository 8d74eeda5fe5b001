import { describe, expect, it } from 'vitest';
import { presenceRequests } from './presence-effects.ts';
import { INITIAL_STATE, type PresenceQuestion, type TrackerState } from '../storage/tracker-state.ts';

const asked = (askedAt: number, tabId: number, unanswered = false): PresenceQuestion => ({ askedAt, tabId, held: [], unanswered });
const with_ = (presence: PresenceQuestion | null): TrackerState => ({ ...INITIAL_STATE, presence });

describe('presenceRequests', () => {
  it('asks in the tab when a question appears and dismisses it when it goes, answered or given up', () => {
    expect(presenceRequests(with_(null), with_(asked(5, 7)))).toEqual([{ tabId: 7, request: { type: 'askPresence' } }]);
    expect(presenceRequests(with_(asked(5, 7)), with_(null))).toEqual([{ tabId: 7, request: { type: 'dismissPresence' } }]);
    expect(presenceRequests(with_(asked(5, 7)), with_(asked(5, 7, true)))).toEqual([{ tabId: 7, request: { type: 'dismissPresence' } }]);
  });

  it('sends nothing while the same question waits, and moves a replaced one', () => {
    expect(presenceRequests(with_(asked(5, 7)), with_(asked(5, 7)))).toEqual([]);
    expect(presenceRequests(with_(null), with_(null))).toEqual([]);
    expect(presenceRequests(with_(asked(5, 7)), with_(asked(9, 8)))).toEqual([
      { tabId: 7, request: { type: 'dismissPresence' } },
      { tabId: 8, request: { type: 'askPresence' } },
    ]);
  });
});
