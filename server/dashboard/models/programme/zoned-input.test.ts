import { describe, expect, it } from 'vitest';
import { wallTime, wallTimeToInstant } from './zoned-input.ts';

describe('zoned input', () => {
  it('turns a wall time in the organisation zone into an instant with its offset', () => {
    expect(wallTimeToInstant('2026-03-06', '14:30', 'Asia/Shanghai')).toBe('2026-03-06T14:30:00+08:00');
    expect(wallTimeToInstant('2026-07-03', '09:00', 'Europe/Berlin')).toBe('2026-07-03T09:00:00+02:00');
  });

  it('refuses malformed times', () => {
    expect(wallTimeToInstant('2026-03-06', '24:00', 'Asia/Shanghai')).toBeNull();
    expect(wallTimeToInstant('2026-03-06', '9:00', 'Asia/Shanghai')).toBeNull();
    expect(wallTimeToInstant('', '09:00', 'Asia/Shanghai')).toBeNull();
  });

  it('shows an instant as the zone’s wall time', () => {
    expect(wallTime('2026-03-06T06:30:00Z', 'Asia/Shanghai')).toBe('14:30');
  });
});
