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
  creditRule: null,
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
    const weeks = monthGrid('2026-03', {
      days: [{ date: '2026-03-06', kind: 'exchange-day', movedFrom: null, note: '' }],
      sessions: [session('b', '2026-03-06', '2026-03-06T14:00:00+08:00'), session('a', '2026-03-06', '2026-03-06T09:00:00+08:00')],
      holidays: [],
      workdays: [],
    });
    // March 2026 starts on a Sunday: the first week starts on Monday 23 February.
    expect(weeks[0]![0]!.date).toBe('2026-02-23');
    expect(weeks.at(-1)!.at(-1)!.date).toBe('2026-04-05');
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    const friday = weeks.flat().find((c) => c.date === '2026-03-06')!;
    expect(friday.studyDay?.kind).toBe('exchange-day');
    expect(friday.sessions.map((s) => s.id)).toEqual(['a', 'b']);
    expect(weeks[0]![0]!.inMonth).toBe(false);
  });

  it('marks the days of a holiday (also those of a holiday starting the month before) and the swapped working days', () => {
    const weeks = monthGrid('2026-10', {
      days: [{ date: '2026-10-09', kind: 'exchange-day', movedFrom: null, note: '' }],
      sessions: [],
      holidays: [
        { name: '中秋节', from: '2026-09-25', to: '2026-09-28' },
        { name: '国庆节', from: '2026-10-01', to: '2026-10-08' },
      ],
      workdays: [{ date: '2026-10-10', name: '国庆节' }],
    });
    const cell = (date: string) => weeks.flat().find((c) => c.date === date)!;
    expect(cell('2026-09-28').holiday?.name).toBe('中秋节');
    expect(cell('2026-09-29').holiday).toBeNull();
    expect(cell('2026-10-02')).toMatchObject({ studyDay: null, holiday: { name: '国庆节' }, workday: null });
    expect(cell('2026-10-08').holiday?.name).toBe('国庆节');
    expect(cell('2026-10-10')).toMatchObject({ holiday: null, workday: { date: '2026-10-10', name: '国庆节' } });
  });
});
