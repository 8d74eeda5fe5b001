import { describe, expect, it } from 'vitest';
import { DEFAULT_PROGRAMME_SETTINGS } from '../../shared/schemas/programme-settings.ts';
import { withCreditRules } from '../programme/credit-rules.ts';
import { unitSummarySchema } from '../../shared/schemas/reports.ts';
import { dayNumber } from '../../shared/time/day-numbers.ts';
import type { DayTotalRecord, UserRecord } from '../store/store-contract.ts';
import { studyHoursInRange } from '../programme/study-hours.ts';
import { effectiveTarget, targetGapSeconds } from '../programme/effective-target.ts';
import { unitSummary, type SummaryMember } from './unit-summary.ts';

const person = (id: string, name: string): UserRecord => ({
  id,
  username: id,
  name,
  role: 'staff',
  unitId: 'u',
  passwordHash: 'h',
  active: true,
  createdAt: '2026-01-01T00:00:00.000Z',
  memberships: [],
});
const day = (personId: string, date: string, seconds: number): DayTotalRecord => ({
  personId,
  day: dayNumber(date),
  rawSeconds: seconds + 10,
  creditedSeconds: seconds,
  overlapSeconds: 10,
  dailyCapSeconds: 0,
  outsideAllowlistSeconds: 0,
  invalidSeconds: 0,
  byResource: ['r1', seconds],
});

const range = { from: '2026-03-02', to: '2026-03-03' };
// 54.75 h a year is 0.15 h a day: 0.3 h over the two days (effective-target.ts).
const target = effectiveTarget({ personal: null, unit: null, organisationAnnualHours: 54.75, range, today: '2026-03-10', firstDay: null });
function member(p: UserRecord, days: DayTotalRecord[], notesCount: number): SummaryMember {
  const credit = studyHoursInRange({ range, onlineDays: days, sessionHours: 0, rules: withCreditRules(DEFAULT_PROGRAMME_SETTINGS).creditRules });
  return { person: p, totals: days, notesCount, credit, target, gapSeconds: targetGapSeconds(target.targetSeconds, credit.totalSeconds) };
}

describe('unitSummary', () => {
  it('orders people by name (pinyin), never by hours, and lists who is below target with the gap', () => {
    const summary = unitSummarySchema.parse(
      unitSummary({
        unitId: 'u',
        from: '2026-03-02',
        to: '2026-03-03',
        members: [
          member(person('z', '张伟'), [day('z', '2026-03-02', 3600)], 1),
          member(person('l', '李娜'), [day('l', '2026-03-02', 100), day('l', '2026-03-03', 200), day('l', '2026-03-09', 999)], 0),
          member(person('w', '王芳'), [], 3),
          // 100 s short of the 0.3 h target: the gap reads 0.0 h, so not below target.
          member(person('c', '陈新'), [day('c', '2026-03-02', 980)], 0),
        ],
        creditedByDay: new Map([
          [dayNumber('2026-03-02'), 4680],
          [dayNumber('2026-03-03'), 200],
          // A day outside the range is not shown.
          [dayNumber('2026-03-09'), 999],
        ]),
        categoryOf: () => 'cppcc-theory',
      }),
    );
    expect(summary.people.map((p) => [p.name, p.seconds, p.targetSeconds, p.gapSeconds])).toEqual([
      ['陈新', 980, 1080, 0],
      ['李娜', 300, 1080, 720],
      ['王芳', 0, 1080, 1080],
      ['张伟', 3600, 1080, 0],
    ]);
    expect(summary.belowTarget.map((p) => p.name)).toEqual(['李娜', '王芳']);
    expect(summary).toMatchObject({ totalSeconds: 4880, rawSeconds: 4920, targetSeconds: 4320, notesCount: 4 });
    expect(summary.days).toEqual([
      { date: '2026-03-02', seconds: 4680 },
      { date: '2026-03-03', seconds: 200 },
    ]);
    expect(summary.byCategory['cppcc-theory']).toBe(4880);
  });
});
