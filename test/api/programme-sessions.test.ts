// Sessions on the calendar over real HTTP: who may schedule them, impossible and overlapping windows
// refused with the error shape and nothing stored, the check-in code shown only to those who run it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarSchema, sessionSchema } from '../../shared/schemas/programme-calendar.ts';
import { expectData, expectError } from '../support/api-client.ts';
import { startApiServer, type ApiServer } from '../support/api-server.ts';
import { seedOrganisation } from '../support/organisation.ts';

let server: ApiServer;
let org: Awaited<ReturnType<typeof seedOrganisation>>;

beforeAll(async () => {
  server = await startApiServer({ nowMs: Date.parse('2026-03-02T09:00:00+08:00') });
  org = await seedOrganisation(server);
});
afterAll(() => server.close());

const input = (over: Record<string, unknown> = {}) => ({
  kind: 'collective-study',
  topic: '学习全国两会精神',
  startsAt: '2026-03-06T14:30:00+08:00',
  endsAt: '2026-03-06T17:30:00+08:00',
  place: '三楼会议室',
  organiserId: org.people.leadOffice.user.id,
  materials: [org.resources.theory.id],
  tariff: 'half-day',
  tariffReason: '按半天计',
  unitIds: [org.units.research.id],
  ...over,
});

async function unchanged(send: () => Promise<unknown>): Promise<void> {
  const before = await server.snapshot();
  await send();
  expect(await server.snapshot()).toBe(before);
}

describe('sessions', () => {
  let sessionId = '';

  it('lets an admin schedule a session, credited by the tariff, with a six-character code', async () => {
    const s = expectData(await server.api.post('/api/sessions', input(), org.adminToken), sessionSchema, 201);
    expect(s).toMatchObject({ date: '2026-03-06', creditedHours: 4, tariff: 'half-day', tariffReason: '按半天计', unitIds: [org.units.research.id] });
    expect(s.code).toMatch(/^[A-Z2-9]{6}$/);
    sessionId = s.id;
  });

  it('shows the code to the organiser and leaders over the roster, never to the staff checking in', async () => {
    const asStaff = expectData(await server.api.get(`/api/sessions/${sessionId}`, org.people.staffResearch.token), sessionSchema);
    expect(asStaff.code).toBeNull();
    const asOrganiser = expectData(await server.api.get(`/api/sessions/${sessionId}`, org.people.leadOffice.token), sessionSchema);
    expect(asOrganiser.code).toMatch(/^[A-Z2-9]{6}$/);
    const asOtherLeader = expectData(await server.api.get(`/api/sessions/${sessionId}`, org.people.leadCulture.token), sessionSchema);
    expect(asOtherLeader.code).toBeNull();
  });

  it('puts the session and the study days on the calendar', async () => {
    const cal = expectData(await server.api.get('/api/calendar?from=2026-03-01&to=2026-03-31', org.people.staffResearch.token), calendarSchema);
    expect(cal.timeZone).toBe('Asia/Shanghai');
    expect(cal.days.map((d) => [d.date, d.kind])).toEqual([
      ['2026-03-06', 'exchange-day'],
      ['2026-03-13', 'study-day'],
      ['2026-03-20', 'study-day'],
      ['2026-03-27', 'study-day'],
    ]);
    expect(cal.sessions.map((s) => s.id)).toEqual([sessionId]);
  });

  it.each([
    ['ending before it starts', { endsAt: '2026-03-06T13:00:00+08:00' }],
    ['lasting ten minutes', { endsAt: '2026-03-06T14:40:00+08:00' }],
    ['running past midnight', { startsAt: '2026-03-06T22:00:00+08:00', endsAt: '2026-03-07T02:00:00+08:00' }],
  ])('refuses a session %s with 400 impossible_times and stores nothing', async (_label, over) => {
    await unchanged(async () => expectError(await server.api.post('/api/sessions', input(over), org.adminToken), 400, 'impossible_times'));
  });

  it('refuses a session overlapping another for the same people with 409 session_clash', async () => {
    const clash = input({ topic: '专题辅导', kind: 'special-lecture', organiserId: org.people.leadCulture.user.id, startsAt: '2026-03-06T16:00:00+08:00', endsAt: '2026-03-06T18:00:00+08:00', unitIds: [org.units.office.id] });
    await unchanged(async () => expectError(await server.api.post('/api/sessions', clash, org.adminToken), 409, 'session_clash'));
  });

  it('lets another unit meet at the same time', async () => {
    const other = input({ organiserId: org.people.leadCulture.user.id, unitIds: [org.units.culture.id] });
    expectData(await server.api.post('/api/sessions', other, org.people.leadCulture.token), sessionSchema, 201);
  });

  it('refuses a staff member (403) and a leader scheduling for a unit outside theirs (403), storing nothing', async () => {
    await unchanged(async () => expectError(await server.api.post('/api/sessions', input({ startsAt: '2026-03-13T09:00:00+08:00', endsAt: '2026-03-13T11:00:00+08:00' }), org.people.staffResearch.token), 403, 'forbidden'));
    await unchanged(async () => expectError(await server.api.post('/api/sessions', input({ startsAt: '2026-03-13T09:00:00+08:00', endsAt: '2026-03-13T11:00:00+08:00' }), org.people.leadCulture.token), 403, 'forbidden'));
  });

  it('refuses unknown organisers, materials and units, and malformed bodies, with 400', async () => {
    const later = { startsAt: '2026-03-20T09:00:00+08:00', endsAt: '2026-03-20T11:00:00+08:00' };
    await unchanged(async () => {
      expectError(await server.api.post('/api/sessions', input({ ...later, organiserId: 'nobody' }), org.adminToken), 400, 'validation_failed');
      expectError(await server.api.post('/api/sessions', input({ ...later, materials: ['nothing'] }), org.adminToken), 400, 'validation_failed');
      expectError(await server.api.post('/api/sessions', input({ ...later, unitIds: ['nowhere'] }), org.adminToken), 400, 'validation_failed');
      expectError(await server.api.post('/api/sessions', input({ ...later, unitIds: [] }), org.adminToken), 400, 'validation_failed');
      expectError(await server.api.post('/api/sessions', input({ ...later, kind: 'party' }), org.adminToken), 400, 'validation_failed');
    });
  });

  it('lets an admin cancel a Friday for a holiday and refuses a day that is no Friday', async () => {
    const ok = await server.api.put('/api/calendar/exceptions/2026-05-01', { action: 'cancel', reason: '劳动节' }, org.adminToken);
    expect(ok.status).toBe(200);
    const may = expectData(await server.api.get('/api/calendar?from=2026-05-01&to=2026-05-31', org.adminToken), calendarSchema);
    expect(may.days.map((d) => d.date)).toEqual(['2026-05-08', '2026-05-15', '2026-05-22', '2026-05-29']);
    await unchanged(async () => expectError(await server.api.put('/api/calendar/exceptions/2026-05-02', { action: 'cancel', reason: 'x' }, org.adminToken), 400, 'validation_failed'));
    await unchanged(async () => expectError(await server.api.put('/api/calendar/exceptions/2026-05-08', { action: 'cancel', reason: 'x' }, org.people.leadOffice.token), 403, 'forbidden'));
  });
});
