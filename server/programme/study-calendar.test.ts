import { describe, expect, it } from 'vitest';
import type { CalendarException } from '../../shared/schemas/programme-calendar.ts';
import { checkException, generatedDay, studyDays } from './study-calendar.ts';

describe('studyDays', () => {
  it('makes every Friday a study day and the first Friday of each month the exchange day', () => {
    // March 2026: Fridays on 6, 13, 20, 27.
    expect(studyDays('2026-03-01', '2026-03-31', [])).toEqual([
      { date: '2026-03-06', kind: 'exchange-day', movedFrom: null, note: '' },
      { date: '2026-03-13', kind: 'study-day', movedFrom: null, note: '' },
      { date: '2026-03-20', kind: 'study-day', movedFrom: null, note: '' },
      { date: '2026-03-27', kind: 'study-day', movedFrom: null, note: '' },
    ]);
  });

  it('treats a Friday on the 1st and on the 7th as the first Friday', () => {
    expect(generatedDay('2026-05-01')?.kind).toBe('exchange-day');
    expect(generatedDay('2026-08-07')?.kind).toBe('exchange-day');
    expect(generatedDay('2026-05-08')?.kind).toBe('study-day');
    expect(generatedDay('2026-05-07')).toBeNull();
  });

  it('generates 52 or 53 days a year, twelve of them exchange days', () => {
    const year = studyDays('2026-01-01', '2026-12-31', []);
    expect(year).toHaveLength(52);
    expect(year.filter((d) => d.kind === 'exchange-day')).toHaveLength(12);
    expect(studyDays('2027-01-01', '2027-12-31', [])).toHaveLength(53);
  });

  it('drops a cancelled day and puts a moved one on its new date, keeping its kind and saying why', () => {
    const exceptions: CalendarException[] = [
      { date: '2026-05-01', action: 'cancel', movedTo: null, reason: '劳动节' },
      { date: '2026-05-08', action: 'move', movedTo: '2026-05-07', reason: '会议调整' },
    ];
    expect(studyDays('2026-05-01', '2026-05-10', exceptions)).toEqual([
      { date: '2026-05-07', kind: 'study-day', movedFrom: '2026-05-08', note: '会议调整' },
    ]);
  });

  it('includes a day moved into the range from outside it, and leaves out one moved away', () => {
    const exceptions: CalendarException[] = [{ date: '2026-10-02', action: 'move', movedTo: '2026-09-29', reason: '国庆' }];
    expect(studyDays('2026-09-28', '2026-09-30', exceptions).map((d) => [d.date, d.kind])).toEqual([['2026-09-29', 'exchange-day']]);
    expect(studyDays('2026-10-01', '2026-10-03', exceptions)).toEqual([]);
  });

  it('ignores an exception on a date that is not a Friday', () => {
    const stray: CalendarException[] = [{ date: '2026-03-05', action: 'move', movedTo: '2026-03-04', reason: 'x' }];
    expect(studyDays('2026-03-01', '2026-03-07', stray).map((d) => d.date)).toEqual(['2026-03-06']);
  });
});

describe('checkException', () => {
  it('accepts cancelling or moving a Friday to a free date', () => {
    expect(checkException('2026-03-13', { action: 'cancel', movedTo: null, reason: 'x' }, [])).toBeNull();
    expect(checkException('2026-03-13', { action: 'move', movedTo: '2026-03-12', reason: 'x' }, [])).toBeNull();
  });

  it('refuses a date that is not a Friday', () => {
    expect(checkException('2026-03-12', { action: 'cancel', movedTo: null, reason: 'x' }, [])).toBe('not_a_study_day');
  });

  it('refuses moving onto another study day or onto a day already moved there', () => {
    expect(checkException('2026-03-13', { action: 'move', movedTo: '2026-03-20', reason: 'x' }, [])).toBe('target_taken');
    const moved: CalendarException[] = [{ date: '2026-03-20', action: 'move', movedTo: '2026-03-18', reason: 'y' }];
    expect(checkException('2026-03-13', { action: 'move', movedTo: '2026-03-18', reason: 'x' }, moved)).toBe('target_taken');
  });

  it('allows moving onto a Friday whose own day was cancelled, and re-editing the same exception', () => {
    const cancelled: CalendarException[] = [{ date: '2026-03-20', action: 'cancel', movedTo: null, reason: 'y' }];
    expect(checkException('2026-03-13', { action: 'move', movedTo: '2026-03-20', reason: 'x' }, cancelled)).toBeNull();
    const own: CalendarException[] = [{ date: '2026-03-13', action: 'move', movedTo: '2026-03-12', reason: 'x' }];
    expect(checkException('2026-03-13', { action: 'move', movedTo: '2026-03-12', reason: 'z' }, own)).toBeNull();
  });
});
