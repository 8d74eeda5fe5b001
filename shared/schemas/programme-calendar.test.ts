import { describe, expect, it } from 'vitest';
import { sessionSchema } from './programme-calendar.ts';

const session = {
  id: 's1',
  kind: 'collective-study',
  topic: '集体学习',
  date: '2026-03-06',
  startsAt: '2026-03-06T14:30:00+08:00',
  endsAt: '2026-03-06T17:30:00+08:00',
  place: '',
  link: null,
  organiserId: 'p1',
  materials: [],
  tariff: 'half-day',
  tariffReason: '',
  creditedHours: 4,
  unitIds: ['u1'],
  cancelled: null,
  code: null,
};

describe('sessionSchema', () => {
  it('reads the credit rules version a session names', () => {
    expect(sessionSchema.parse({ ...session, creditRule: { version: 2, from: '2026-03-01' } }).creditRule).toEqual({ version: 2, from: '2026-03-01' });
  });

  it('reads a session from a server older than credit rule versions as recorded before them (an extension may be newer than its server)', () => {
    expect(sessionSchema.parse(session).creditRule).toBeNull();
  });

  it('refuses a version that is no positive whole number', () => {
    expect(sessionSchema.safeParse({ ...session, creditRule: { version: 0, from: null } }).success).toBe(false);
  });
});
