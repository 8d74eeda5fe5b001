import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate, formatDateRange, formatHours, formatInstant, formatInstantDate, formatPercent, formatStudyTime, formatStudyTimeWithUnit, hoursValue } from './format.ts';

describe('study hours', () => {
  it('always have one decimal, rounded half up at the tenth', () => {
    expect(formatHours(0, 'zh-CN')).toBe('0.0');
    expect(formatHours(3600, 'en')).toBe('1.0');
    expect(formatHours(5400, 'en')).toBe('1.5');
    expect(hoursValue(180)).toBe(0.1); // 0.05 h rounds up
    expect(hoursValue(179)).toBe(0);
  });
  it('group thousands as the locale does', () => {
    expect(formatHours(1234.5 * 3600, 'en')).toBe('1,234.5');
    expect(formatHours(1234.5 * 3600, 'zh-CN')).toBe('1,234.5');
  });
});

describe('headline study time', () => {
  it('is minutes below an hour, so 7.5 minutes never reads as 0.1 h', () => {
    expect(formatStudyTime(450, 'en')).toBe('7.5 min');
    expect(formatStudyTime(450, 'zh-CN')).toBe('7.5分钟');
    expect(formatStudyTime(60, 'en')).toBe('1 min');
    expect(formatStudyTime(3599, 'en')).toBe('60 min');
  });
  it('is seconds below a minute, so a few seconds never read as 0 min', () => {
    expect(formatStudyTime(30, 'en')).toBe('30 sec');
    expect(formatStudyTime(2, 'zh-CN')).toBe('2秒');
    expect(formatStudyTime(0.4, 'en')).toBe('0.4 sec');
  });
  it('is study hours from an hour on, and 0.0 for nothing', () => {
    expect(formatStudyTime(3600, 'en')).toBe('1.0');
    expect(formatStudyTime(5400, 'zh-CN')).toBe('1.5');
    expect(formatStudyTime(0, 'zh-CN')).toBe('0.0');
  });
});

describe('study time with its unit', () => {
  it('names minutes and seconds below an hour, as the headline does', () => {
    expect(formatStudyTimeWithUnit(450, 'zh-CN')).toBe('7.5分钟');
    expect(formatStudyTimeWithUnit(450, 'en')).toBe('7.5 min');
    expect(formatStudyTimeWithUnit(59, 'en')).toBe('59 sec');
    expect(formatStudyTimeWithUnit(12.34, 'zh-CN')).toBe('12.3秒');
  });
  it('names hours, with one decimal, from an hour on', () => {
    expect(formatStudyTimeWithUnit(3600, 'zh-CN')).toBe('1.0小时');
    expect(formatStudyTimeWithUnit(4320, 'en')).toBe('1.2 hr');
    expect(formatStudyTimeWithUnit(1234.5 * 3600, 'en')).toBe('1,234.5 hr');
  });
  it('reads nothing as zero hours', () => {
    expect(formatStudyTimeWithUnit(0, 'zh-CN')).toBe('0.0小时');
    expect(formatStudyTimeWithUnit(0, 'en')).toBe('0.0 hr');
  });
  it('never reads a non-zero amount from 0.05 s on as zero', () => {
    for (const seconds of [0.05, 1, 5, 6, 59.9, 60, 179, 359, 3599, 3600])
      expect(formatStudyTimeWithUnit(seconds, 'en')).not.toMatch(/^0(\.0)? /);
  });
});

describe('dates', () => {
  it('read as calendar dates in both languages, never shifted by a time zone', () => {
    expect(formatDate('2026-03-01', 'zh-CN')).toBe('2026年3月1日');
    expect(formatDate('2026-03-01', 'en')).toBe('March 1, 2026');
    expect(formatDateRange('2026-03-01', '2026-03-01', 'en')).toBe('March 1, 2026');
    expect(formatDateRange('2026-03-01', '2026-03-31', 'en')).toBe('March 1, 2026 – March 31, 2026');
  });
  it('show instants with their time in the given zone', () => {
    expect(formatInstant('2026-03-06T02:00:00Z', 'en', 'Asia/Shanghai')).toBe('Mar 6, 2026, 10:00 AM');
    expect(formatPercent(0.456, 'zh-CN')).toBe('46%');
  });
});

describe('instants under a browser in another zone', () => {
  const browserZone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'America/New_York';
  });
  afterAll(() => {
    process.env.TZ = browserZone;
  });

  it('show the organisation’s day and wall clock, not the browser’s', () => {
    // 01:30 UTC on 6 March: 09:30 on the 6th in Shanghai, 20:30 on the 5th where this browser is.
    expect(new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date('2026-03-06T01:30:00Z'))).toBe('Mar 5, 2026');
    expect(formatInstant('2026-03-06T01:30:00Z', 'en', 'Asia/Shanghai')).toBe('Mar 6, 2026, 9:30 AM');
    expect(formatInstant('2026-03-06T01:30:00Z', 'zh-CN', 'Asia/Shanghai')).toBe('2026年3月6日 09:30');
  });

  it('give an instant’s date as the organisation’s day', () => {
    // 20:00 UTC on 5 March is already 6 March in Shanghai.
    expect(formatInstantDate('2026-03-05T20:00:00Z', 'zh-CN', 'Asia/Shanghai')).toBe('2026年3月6日');
  });

  it('keep calendar dates on their day', () => {
    expect(formatDate('2026-03-06', 'zh-CN')).toBe('2026年3月6日');
  });
});
