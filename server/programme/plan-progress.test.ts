import { describe, expect, it } from 'vitest';
import { DEFAULT_PROGRAMME_SETTINGS } from '../../shared/schemas/programme-settings.ts';
import { withCreditRules } from './credit-rules.ts';
import type { StudyPlan } from '../../shared/schemas/programme-plans.ts';
import { dayNumber } from '../../shared/time/day-numbers.ts';
import { studyHoursInRange } from './study-hours.ts';
import { effectiveTarget } from './effective-target.ts';
import { planProgress, sessionCategory } from './plan-progress.ts';

const plan: StudyPlan = {
  personId: 'p',
  year: 2026,
  stage: 'year',
  targets: { totalHours: 50, byCategory: { 'political-theory': 20, professional: 0 } },
  readingList: [
    { id: 'i1', title: '习近平谈治国理政', author: '', resourceId: 'r1', status: 'reading', source: 'unit' },
    { id: 'i2', title: '乡土中国', author: '费孝通', resourceId: null, status: 'done', source: 'own' },
    { id: 'i3', title: '政协章程', author: '', resourceId: null, status: 'not-started', source: 'unit' },
  ],
  updatedAt: null,
};
const range = { from: '2026-01-01', to: '2026-12-31' };
const online = { hoursPerHour: 1, yearlyCapHours: null };
/** Credit and target as person-figures.ts computes them: the year over, the plan's 50 h due in full. */
const figures = (onlineSeconds: number, sessionHours: number, totalHours = 50, today = '2027-01-15') => ({
  credit: studyHoursInRange({ range, onlineDays: [{ day: dayNumber('2026-03-06'), creditedSeconds: onlineSeconds }], sessionHours, rules: withCreditRules({ ...DEFAULT_PROGRAMME_SETTINGS, online }).creditRules }),
  target: effectiveTarget({ personal: { totalHours, period: null }, unit: null, organisationAnnualHours: 50, range, today, firstDay: '2025-01-01' }),
});

describe('planProgress', () => {
  it('adds online seconds and credited sessions, by category where the session has one', () => {
    const p = planProgress({
      plan,
      range,
      onlineSecondsByCategory: { 'political-theory': 36_000, professional: 7_200 },
      sessions: [
        { creditedHours: 4, category: 'political-theory' },
        { creditedHours: 8, category: null },
      ],
      notes: [],
      ...figures(36_000 + 7_200, 12),
    });
    expect(p.total).toEqual({ targetHours: 50, targetBasis: { source: 'plan', setHours: 50, dueFrom: '2026-01-01', dueTo: '2026-12-31' }, achievedSeconds: 36_000 + 7_200 + 12 * 3600, share: (36_000 + 7_200 + 12 * 3600) / (50 * 3600) });
    expect(p.byCategory.find((c) => c.category === 'political-theory')).toEqual({
      category: 'political-theory',
      targetHours: 20,
      achievedSeconds: 36_000 + 4 * 3600,
      share: (36_000 + 4 * 3600) / (20 * 3600),
    });
    // A zero target and a missing one have no share.
    expect(p.byCategory.find((c) => c.category === 'professional')?.share).toBeNull();
    expect(p.byCategory.find((c) => c.category === 'other')).toEqual({ category: 'other', targetHours: null, achievedSeconds: 0, share: null });
  });

  it('counts notes on an item’s resource or tagged with its title (ignoring 《》 and spaces), and the list by status', () => {
    const p = planProgress({
      plan,
      range,
      onlineSecondsByCategory: {},
      sessions: [],
      notes: [
        { resourceId: 'r1', tags: [], mustRead: null },
        { resourceId: 'r2', tags: ['乡土中国 '], mustRead: null },
        // The title with its book marks, quotes and a space is the same book.
        { resourceId: null, tags: ['《“乡土 中国”》'], mustRead: null },
        { resourceId: null, tags: ['other'], mustRead: null },
      ],
      ...figures(0, 0),
    });
    expect(p.reading.items.map((i) => i.notesCount)).toEqual([1, 2, 0]);
    expect(p.reading).toMatchObject({ total: 3, done: 1, reading: 1, notStarted: 1 });
    expect(p.total.share).toBe(0);
  });

  it('counts a note linked to a book for that book alone, whatever its resource and tags', () => {
    const p = planProgress({
      plan,
      range,
      onlineSecondsByCategory: {},
      sessions: [],
      notes: [
        // Linked explicitly: its resource (i1's) and its tag (i2's title) no longer decide.
        { resourceId: 'r1', tags: ['乡土中国'], mustRead: { bookId: 'i3' } },
        { resourceId: null, tags: [], mustRead: { bookId: 'i3' } },
        // A link to a book not on this plan (another stage's list) counts for none of its items.
        { resourceId: 'r1', tags: [], mustRead: { bookId: 'elsewhere' } },
        // Unlinked: the fallback by resource and tag.
        { resourceId: 'r1', tags: [], mustRead: null },
      ],
      ...figures(0, 0),
    });
    expect(p.reading.items.map((i) => [i.id, i.notesCount])).toEqual([['i1', 1], ['i2', 0], ['i3', 2]]);
  });

  it('has no share when the total target is zero', () => {
    const p = planProgress({ plan: { ...plan, targets: { totalHours: 0, byCategory: {} } }, range, onlineSecondsByCategory: {}, sessions: [], notes: [], ...figures(0, 0, 0) });
    expect(p.total.share).toBeNull();
  });

  it('measures the total and the category targets against the part of the year elapsed', () => {
    // On 1 July (day 182 of 365) half of the 50 h year target, and of the 20 h category target, is due.
    const p = planProgress({ plan, range, onlineSecondsByCategory: {}, sessions: [], notes: [], ...figures(0, 0, 50, '2026-07-01') });
    expect(p.total.targetHours).toBe(24.9);
    expect(p.total.targetBasis).toEqual({ source: 'plan', setHours: 50, dueFrom: '2026-01-01', dueTo: '2026-07-01' });
    expect(p.byCategory.find((c) => c.category === 'political-theory')?.targetHours).toBe(10);
  });
});

describe('sessionCategory', () => {
  it('is the shared category of the materials, else null', () => {
    expect(sessionCategory(['political-theory', 'political-theory', undefined])).toBe('political-theory');
    expect(sessionCategory(['political-theory', 'professional'])).toBeNull();
    expect(sessionCategory([])).toBeNull();
  });
});
