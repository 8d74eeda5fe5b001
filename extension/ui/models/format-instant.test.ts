// Run under a browser zone other than the organisation's, so a time shown in the browser's zone fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatInstant } from './format-instant.ts';

const browserZone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/New_York';
});
afterAll(() => {
  process.env.TZ = browserZone;
});

describe('formatInstant', () => {
  it('shows the organisation’s wall clock and day, not the browser’s', () => {
    // 01:30 UTC on 6 March: 09:30 on the 6th in Shanghai, 20:30 on the 5th in New York.
    expect(new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date('2026-03-06T01:30:00Z'))).toBe('Mar 5, 2026');
    expect(formatInstant('2026-03-06T01:30:00Z', 'en', 'Asia/Shanghai')).toBe('Mar 6, 2026, 9:30 AM');
    expect(formatInstant(Date.parse('2026-03-06T01:30:00Z'), 'zh-CN', 'Asia/Shanghai')).toBe('2026年3月6日 09:30');
  });
});
