// Attendance over real HTTP: check-in with the session code inside the window (late after the grace),
// refused outside it, with a wrong code, twice, or off the roster — each in the error shape with the
// store unchanged; leaders mark the roster; the monthly bulletin names absences.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { attendanceEntrySchema, monthlyBulletinSchema, rosterSchema } from '../../shared/schemas/programme-attendance.ts';
import { sessionSchema } from '../../shared/schemas/programme-calendar.ts';
import { expectData, expectError } from '../support/api-client.ts';
import { startApiServer, type ApiServer } from '../support/api-server.ts';
import { seedOrganisation } from '../support/organisation.ts';

let server: ApiServer;
let org: Awaited<ReturnType<typeof seedOrganisation>>;
let session: z.infer<typeof sessionSchema>;
const START = Date.parse('2026-03-06T14:30:00+08:00');
const MIN = 60_000;
const checkInResponse = z.object({ session: sessionSchema, entry: attendanceEntrySchema });

beforeAll(async () => {
  server = await startApiServer({ nowMs: Date.parse('2026-03-02T09:00:00+08:00') });
  org = await seedOrganisation(server);
  session = expectData(
    await server.api.post(
      '/api/sessions',
      {
        kind: 'exchange-day',
        topic: '学习交流日：读书心得',
        startsAt: '2026-03-06T14:30:00+08:00',
        endsAt: '2026-03-06T17:30:00+08:00',
        organiserId: org.people.leadOffice.user.id,
        tariff: 'half-day',
        tariffReason: '按半天计',
        unitIds: [org.units.office.id],
      },
      org.adminToken,
    ),
    sessionSchema,
    201,
  );
});
afterAll(() => server.close());

/**
 * The store files are byte-for-byte the same after `send`. The tokens used are touched first: the
 * server records a token's use at most hourly, and these tests move the clock by days.
 */
async function unchanged(send: () => Promise<unknown>, tokens: string[] = []): Promise<void> {
  for (const token of tokens) await server.api.get('/api/me', token);
  const before = await server.snapshot();
  await send();
  expect(await server.snapshot()).toBe(before);
}

const checkIn = (token: string, code: string) => server.api.post('/api/check-in', { code }, token);

describe('check-in', () => {
  it('refuses before the window opens (409 check_in_closed), storing nothing', async () => {
    server.nowMs = START - 16 * MIN;
    await unchanged(async () => expectError(await checkIn(org.people.staffResearch.token, session.code!), 409, 'check_in_closed'), [org.people.staffResearch.token]);
  });

  it('refuses a wrong code (400 wrong_code), storing nothing', async () => {
    server.nowMs = START;
    await unchanged(async () => expectError(await checkIn(org.people.staffResearch.token, 'ZZZZZZ'), 400, 'wrong_code'));
  });

  it('checks in with the code as typed (any case, with a dash) as present', async () => {
    server.nowMs = START + 5 * MIN;
    const typed = `${session.code!.slice(0, 3).toLowerCase()}-${session.code!.slice(3)}`;
    const res = expectData(await checkIn(org.people.staffResearch.token, typed), checkInResponse, 201);
    expect(res.entry).toMatchObject({ personId: org.people.staffResearch.user.id, status: 'present', checkedInAt: new Date(START + 5 * MIN).toISOString() });
    expect(res.session.code).toBeNull();
  });

  it('refuses a second check-in (409 already_checked_in), storing nothing', async () => {
    server.nowMs = START + 6 * MIN;
    await unchanged(async () => expectError(await checkIn(org.people.staffResearch.token, session.code!), 409, 'already_checked_in'));
  });

  it('records late after the grace minutes, through the session’s own path too', async () => {
    server.nowMs = START + 11 * MIN;
    const res = expectData(await server.api.post(`/api/sessions/${session.id}/check-in`, { code: session.code }, org.people.staffCulture.token), checkInResponse, 201);
    expect(res.entry.status).toBe('late');
  });

  it('refuses after the end, and someone not on the roster', async () => {
    server.nowMs = START + 180 * MIN;
    await unchanged(async () => expectError(await checkIn(org.people.leadCulture.token, session.code!), 409, 'check_in_closed'), [org.people.leadCulture.token]);
    // A session of research only: the culture staff member is not expected there.
    server.nowMs = Date.parse('2026-03-13T09:00:00+08:00');
    const other = expectData(
      await server.api.post(
        '/api/sessions',
        { kind: 'seminar', topic: '互动研讨', startsAt: '2026-03-13T09:00:00+08:00', endsAt: '2026-03-13T11:00:00+08:00', organiserId: org.people.leadOffice.user.id, tariff: 'actual', unitIds: [org.units.research.id] },
        org.adminToken,
      ),
      sessionSchema,
      201,
    );
    expect(other.creditedHours).toBe(2);
    await unchanged(async () => expectError(await checkIn(org.people.staffCulture.token, other.code!), 403, 'not_on_roster'), [org.people.staffCulture.token]);
  });
});

describe('roster and marking', () => {
  it('shows the roster to the organiser with each entry, and not to staff', async () => {
    const roster = expectData(await server.api.get(`/api/sessions/${session.id}/roster`, org.people.leadOffice.token), rosterSchema);
    const status = Object.fromEntries(roster.people.map((p) => [p.name, p.entry?.status ?? null]));
    expect(status).toEqual({ 'lead.culture': null, 'lead.office': null, 'staff.culture': 'late', 'staff.research': 'present' });
    expectError(await server.api.get(`/api/sessions/${session.id}/roster`, org.people.staffResearch.token), 403, 'forbidden');
  });

  it('lets a leader mark leave with a reason and a make-up; leave without a reason is 400', async () => {
    const path = `/api/sessions/${session.id}/attendance/${org.people.leadCulture.user.id}`;
    await unchanged(async () => expectError(await server.api.put(path, { status: 'leave' }, org.people.leadOffice.token), 400, 'validation_failed'));
    const entry = expectData(await server.api.put(path, { status: 'leave', reason: '外出调研', makeUp: { doneOn: '2026-03-09', note: '观看录像' } }, org.people.leadOffice.token), attendanceEntrySchema);
    expect(entry).toMatchObject({ status: 'leave', reason: '外出调研', makeUp: { doneOn: '2026-03-09' }, markedBy: org.people.leadOffice.user.id });
  });

  it('refuses marking by staff and by a leader for someone outside their units', async () => {
    await unchanged(async () => {
      expectError(await server.api.put(`/api/sessions/${session.id}/attendance/${org.people.staffCulture.user.id}`, { status: 'absent' }, org.people.staffResearch.token), 403, 'forbidden');
      expectError(await server.api.put(`/api/sessions/${session.id}/attendance/${org.people.staffResearch.user.id}`, { status: 'absent' }, org.people.leadCulture.token), 403, 'forbidden');
    }, [org.people.staffResearch.token, org.people.leadCulture.token]);
  });
});

describe('monthly bulletin', () => {
  it('counts the unit’s people and names the late, the leave and the unrecorded', async () => {
    server.nowMs = Date.parse('2026-04-01T09:00:00+08:00');
    const b = expectData(await server.api.get(`/api/units/${org.units.office.id}/bulletin?month=2026-03`, org.people.leadOffice.token), monthlyBulletinSchema);
    expect(b.sessions).toHaveLength(2);
    const rows = Object.fromEntries(b.people.map((p) => [p.name, [p.counts.expected, p.counts.attended, p.counts.counted]]));
    // staff.research is expected at both: checked in to the exchange day, not recorded at the seminar.
    expect(rows).toEqual({ 'lead.culture': [1, 1, 1], 'lead.office': [1, 0, 1], 'staff.culture': [1, 1, 1], 'staff.research': [2, 1, 2] });
    expect(b.exceptions.map((e) => [e.name, e.status, e.madeUp])).toEqual([
      ['lead.culture', 'leave', true],
      ['lead.office', 'unrecorded', false],
      ['staff.culture', 'late', false],
      ['staff.research', 'unrecorded', false],
    ]);
  });

  it('is for leaders over the unit and admins only, with a well-formed month', async () => {
    expectError(await server.api.get(`/api/units/${org.units.office.id}/bulletin?month=2026-03`, org.people.leadCulture.token), 403, 'forbidden');
    expectError(await server.api.get(`/api/units/${org.units.office.id}/bulletin?month=2026-03`, org.people.staffResearch.token), 403, 'forbidden');
    expectError(await server.api.get(`/api/units/${org.units.office.id}/bulletin?month=2026-13`, org.adminToken), 400, 'validation_failed');
  });
});

describe('guessing codes', () => {
  it('stops a person after ten wrong codes in ten minutes (429), storing nothing, and lets others on', async () => {
    server.nowMs = Date.parse('2026-03-20T10:00:00+08:00');
    const guesser = org.people.leadCulture.token;
    await unchanged(async () => {
      for (let i = 0; i < 10; i++) expectError(await checkIn(guesser, `WRONG${i}`), 400, 'wrong_code');
      expectError(await checkIn(guesser, session.code!), 429, 'rate_limited');
      // The session's own check-in counts the same guesses: switching ways gains none.
      expectError(await server.api.post(`/api/sessions/${session.id}/check-in`, { code: session.code }, guesser), 429, 'rate_limited');
    }, [guesser]);
    expectError(await checkIn(org.people.staffResearch.token, 'WRONG0'), 400, 'wrong_code');
    server.nowMs += 10 * 60_000 + 1;
    expectError(await checkIn(guesser, 'WRONGX'), 400, 'wrong_code');
  });
});
