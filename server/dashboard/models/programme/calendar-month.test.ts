import { describe, expect, it } from 'vitest';
import type { Session } from '../../../../shared/schemas/programme-calendar.ts';
import { monthFromQuery, monthGrid, monthRange, shiftMonth } from './calendar-month.ts';

const session = (id: string, date: string, startsAt: string): Session => ({
  id,
  kind: 'collective-study',
  topic: id,
  date,
  startsAt,
  endsAt: startsAt,
  place: '',
  link: null,
  organiserId: 'o',
  materials: [],
  tariff: 'half-day',
  tariffReason: '',
  creditedHours: 4,
  cancelled: null,
  unitIds: ['u'],
  code: null,
});

describe('calendar month', () => {
  it('reads the month from the query or falls back to today’s', () => {
    expect(monthFromQuery(new URLSearchParams('month=2026-03'), '2026-11-27')).toBe('2026-03');
    expect(monthFromQuery(new URLSearchParams('month=2026-13'), '2026-11-27')).toBe('2026-11');
  });

  it('moves between months across years', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(monthRange('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });

  it('lays out whole Monday-first weeks with study days and sessions in time order', () => {
    const weeks = monthGrid(
      '2026-03',
      [{ date: '2026-03-06', kind: 'exchange-day', movedFrom: null, note: '' }],
      [session('b', '2026-03-06', '2026-03-06T14:00:00+08:00'), session('a', '2026-03-06', '2026-03-06T09:00:00+08:00')],
    );
    // March 2026 starts on a Sunday: the first week starts on Monday 23 February.
    expect(weeks[0]![0]!.date).toBe('2026-02-23');
    expect(weeks.at(-1)!.at(-1)!.date).toBe('2026-04-05');
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    const friday = weeks.flat().find((c) => c.date === '2026-03-06')!;
    expect(friday.studyDay?.kind).toBe('exchange-day');
    expect(friday.sessions.map((s) => s.id)).toEqual(['a', 'b']);
    expect(weeks[0]![0]!.inMonth).toBe(false);
  });
});
