import { describe, expect, it } from 'vitest';
import { unitSummarySchema } from '../../shared/schemas/reports.ts';
import { dayNumber } from '../../shared/time/day-numbers.ts';
import type { DayTotalRecord, UserRecord } from '../store/records.ts';
import { unitSummary } from './unit-summary.ts';

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

describe('unitSummary', () => {
  it('orders people by name (pinyin), never by hours, and lists who is below target with the gap', () => {
    const summary = unitSummarySchema.parse(
      unitSummary({
        unitId: 'u',
        from: '2026-03-02',
        to: '2026-03-03',
        members: [
          { person: person('z', '张伟'), days: [day('z', '2026-03-02', 3600)], notesCount: 1 },
          { person: person('l', '李娜'), days: [day('l', '2026-03-02', 100), day('l', '2026-03-03', 200), day('l', '2026-03-09', 999)], notesCount: 0 },
          { person: person('w', '王芳'), days: [], notesCount: 3 },
        ],
        categoryOf: () => 'cppcc-theory',
        targetSeconds: 1000,
      }),
    );
    expect(summary.people.map((p) => [p.name, p.seconds, p.gapSeconds])).toEqual([
      ['李娜', 300, 700],
      ['王芳', 0, 1000],
      ['张伟', 3600, 0],
    ]);
    expect(summary.belowTarget.map((p) => p.name)).toEqual(['李娜', '王芳']);
    expect(summary).toMatchObject({ totalSeconds: 3900, rawSeconds: 3930, targetSeconds: 3000, notesCount: 4 });
    expect(summary.days).toEqual([
      { date: '2026-03-02', seconds: 3700 },
      { date: '2026-03-03', seconds: 200 },
    ]);
    expect(summary.byCategory['cppcc-theory']).toBe(3900);
  });
});
