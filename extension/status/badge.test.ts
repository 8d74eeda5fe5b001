// The badge says today's minutes and, by its colour and tooltip, whether this tab counts and why not.
import { describe, expect, it } from 'vitest';
import { BADGE_COLOURS, badgeFor } from './badge.ts';
import { INITIAL_STATE, type TrackerState } from '../storage/tracker-state.ts';

const NOW = Date.parse('2026-03-06T10:00:00+08:00');
const RULES = { resources: [{ id: 'res-a', patterns: ['https://learn.example.org/*'] }], idleSeconds: 120, mediaPresenceSeconds: 1800 };
const PAGE = { resourceId: 'res-a', url: 'https://learn.example.org/a', title: 'A' };
const base: TrackerState = { ...INITIAL_STATE, rules: RULES, focusedWindowId: 1, activeTabId: 3 };

describe('badgeFor', () => {
  it('shows the minutes in green while counting, including the running segment', () => {
    const state: TrackerState = { ...base, page: PAGE, open: { ...PAGE, id: 's', mode: 'reading', startedAt: NOW - 150_000, lastSeenAt: NOW } };
    expect(badgeFor(state, { '2026-03-06': 600 }, NOW, 'Asia/Shanghai')).toEqual({
      text: '12',
      colour: BADGE_COLOURS.counting,
      title: { key: 'badgeTitle', state: 'countingShort' },
    });
  });

  it('says so when video or audio is what counts', () => {
    const reports = { '3': { url: PAGE.url, visible: true, mediaPlaying: true, lastInputAt: null } };
    expect(badgeFor({ ...base, page: PAGE, reports }, null, NOW, 'Asia/Shanghai').title.state).toBe('countingMediaShort');
  });

  it('is grey on a page that is not designated and says that nothing is recorded there', () => {
    expect(badgeFor(base, { '2026-03-06': 600 }, NOW, 'Asia/Shanghai')).toEqual({
      text: '10',
      colour: BADGE_COLOURS.notCounting,
      title: { key: 'badgeTitle', state: 'reasonNotDesignated' },
    });
  });

  it('asks for attention when paused or when the presence question went unanswered', () => {
    expect(badgeFor({ ...base, page: PAGE, paused: true }, null, NOW, 'Asia/Shanghai').colour).toBe(BADGE_COLOURS.attention);
    const away = { askedAt: NOW - 1, tabId: 3, held: [], unanswered: true };
    expect(badgeFor({ ...base, page: PAGE, presence: away }, null, NOW, 'Asia/Shanghai')).toMatchObject({
      colour: BADGE_COLOURS.attention,
      title: { state: 'reasonAway' },
    });
  });

  it('shows no number when signed out', () => {
    expect(badgeFor(INITIAL_STATE, { '2026-03-06': 600 }, NOW, 'Asia/Shanghai').text).toBe('');
  });
});
