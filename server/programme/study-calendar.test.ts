import { describe, expect, it } from 'vitest';
import type { CalendarException } from '../../shared/schemas/programme-calendar.ts';
import { holidayLookup, parseArrangement } from './holiday-arrangement.ts';
import { checkException, generatedDay, studyDays } from './study-calendar.ts';

const holidays2026 = holidayLookup([
  parseArrangement(
    ['元旦 2026-01-01 至 2026-01-03', '劳动节 2026-05-01 至 2026-05-05', '国庆节 2026-10-01 至 2026-10-08', '调休上班 2026-09-27', '调休上班 2026-10-10'].join('\n'),
    2026,
  ),
]);

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

describe('the holiday arrangement in the calendar', () => {
  it('takes out a Friday inside a holiday and makes the next held Friday the exchange day', () => {
    // October 2026: Fridays on 2 (国庆节), 9, 16, 23, 30; the working Saturday 10 is no study day.
    expect(studyDays('2026-10-01', '2026-10-31', [], holidays2026).map((d) => [d.date, d.kind])).toEqual([
      ['2026-10-09', 'exchange-day'],
      ['2026-10-16', 'study-day'],
      ['2026-10-23', 'study-day'],
      ['2026-10-30', 'study-day'],
    ]);
    expect(generatedDay('2026-10-02', holidays2026)).toBeNull();
    expect(generatedDay('2026-10-09', holidays2026)?.kind).toBe('exchange-day');
    expect(generatedDay('2026-10-09')?.kind).toBe('study-day');
  });

  it('keeps the exchange day on the first Friday when only a later Friday is a holiday', () => {
    const mid = holidayLookup([{ holidays: [{ name: '端午节', from: '2026-06-19', to: '2026-06-21' }] }]);
    expect(studyDays('2026-06-01', '2026-06-30', [], mid).map((d) => [d.date, d.kind])).toEqual([
      ['2026-06-05', 'exchange-day'],
      ['2026-06-12', 'study-day'],
      ['2026-06-26', 'study-day'],
    ]);
  });

  it('finds the exchange day even when the range starts after the holiday Friday', () => {
    expect(studyDays('2026-10-05', '2026-10-12', [], holidays2026).map((d) => [d.date, d.kind])).toEqual([['2026-10-09', 'exchange-day']]);
  });

  it('has no exchange day in a month whose every Friday is a holiday', () => {
    const all = holidayLookup([{ holidays: [{ name: '长假', from: '2026-02-01', to: '2026-02-28' }] }]);
    expect(studyDays('2026-02-01', '2026-03-31', [], all).filter((d) => d.date < '2026-03-01')).toEqual([]);
    expect(generatedDay('2026-03-06', all)?.kind).toBe('exchange-day');
  });

  it('lets an admin hold a holiday Friday elsewhere, as an ordinary study day', () => {
    const moved: CalendarException[] = [{ date: '2026-10-02', action: 'move', movedTo: '2026-09-27', reason: '调休上班日学习' }];
    expect(studyDays('2026-09-21', '2026-10-10', moved, holidays2026).map((d) => [d.date, d.kind, d.movedFrom])).toEqual([
      ['2026-09-25', 'study-day', null],
      ['2026-09-27', 'study-day', '2026-10-02'],
      ['2026-10-09', 'exchange-day', null],
    ]);
    expect(checkException('2026-10-02', { action: 'move', movedTo: '2026-09-27', reason: 'x' }, [], holidays2026)).toBeNull();
  });

  it('keeps a moved exchange day its kind when the arrangement leaves its Friday alone', () => {
    const moved: CalendarException[] = [{ date: '2026-05-08', action: 'move', movedTo: '2026-05-07', reason: '会议' }];
    expect(studyDays('2026-05-01', '2026-05-10', moved, holidays2026)).toEqual([{ date: '2026-05-07', kind: 'exchange-day', movedFrom: '2026-05-08', note: '会议' }]);
  });

  it('lets a day move onto a holiday Friday, which holds no study day', () => {
    expect(checkException('2026-10-09', { action: 'move', movedTo: '2026-10-02', reason: 'x' }, [], holidays2026)).toBeNull();
    expect(checkException('2026-10-09', { action: 'move', movedTo: '2026-10-02', reason: 'x' }, [])).toBe('target_taken');
  });

  it('counts 49 study days in 2026 with three holiday Fridays, still twelve exchange days', () => {
    const year = studyDays('2026-01-01', '2026-12-31', [], holidays2026);
    expect(year).toHaveLength(49);
    expect(year.filter((d) => d.kind === 'exchange-day').map((d) => d.date.slice(5))).toEqual([
      '01-09', '02-06', '03-06', '04-03', '05-08', '06-05', '07-03', '08-07', '09-04', '10-09', '11-06', '12-04',
    ]);
  });
});
