// The year's holiday arrangement (放假安排) over real HTTP: an admin pastes it as text, every bad line is
// refused at once with nothing stored, everyone signed in reads it, the calendar leaves out the Fridays
// inside a holiday, and each change is in the audit log with readable details.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorBodySchema } from '../../shared/schemas/errors.ts';
import { holidayArrangementSchema } from '../../shared/schemas/holiday-arrangement.ts';
import { auditEntrySchema } from '../../shared/schemas/organisation.ts';
import { calendarSchema } from '../../shared/schemas/programme-calendar.ts';
import { expectData, expectError } from '../support/api-client.ts';
import { startApiServer, type ApiServer } from '../support/api-server.ts';
import { seedOrganisation } from '../support/organisation.ts';

let server: ApiServer;
let org: Awaited<ReturnType<typeof seedOrganisation>>;

beforeAll(async () => {
  server = await startApiServer({ nowMs: Date.parse('2026-09-01T09:00:00+08:00') });
  org = await seedOrganisation(server);
  for (const token of [org.adminToken, org.people.staffResearch.token, org.people.leadOffice.token]) await server.api.get('/api/me', token);
});
afterAll(() => server.close());

async function unchanged(send: () => Promise<unknown>): Promise<void> {
  const before = await server.snapshot();
  await send();
  expect(await server.snapshot()).toBe(before);
}

const ARRANGEMENT = ['# 2026 年部分节假日安排', '中秋节 2026-09-25 至 2026-09-27', '国庆节：10月1日（周四）至8日', '调休上班 2026-09-20 国庆节', '2026-10-10 上班'].join('\n');
const october = async (token: string) => expectData(await server.api.get('/api/calendar?from=2026-10-01&to=2026-10-31', token), calendarSchema);
const audit = async () => expectData(await server.api.get('/api/audit?limit=500', org.adminToken), z.array(auditEntrySchema));

describe('the holiday arrangement', () => {
  it('reads an empty arrangement for a year that has none', async () => {
    const none = expectData(await server.api.get('/api/calendar/holidays/2026', org.people.staffResearch.token), holidayArrangementSchema);
    expect(none).toEqual({ year: 2026, holidays: [], workdays: [], updatedAt: null });
    expect((await october(org.adminToken)).days.map((d) => [d.date, d.kind])[0]).toEqual(['2026-10-02', 'exchange-day']);
  });

  it('refuses every bad line at once, naming the lines, and stores nothing', async () => {
    const text = ['国庆节 2026-10-01 至 2026-10-08', '春节 2026-02-30', '调休上班 2026-10-03', '元旦 2027-01-01', '调休上班 2026-09-22'].join('\n');
    await unchanged(async () => {
      const res = await server.api.put('/api/calendar/holidays/2026', { text }, org.adminToken);
      const message = expectError(res, 400, 'holidays_invalid');
      expect(errorBodySchema.parse(res.body).error.details).toEqual({ lines: '2, 3, 4, 5' });
      expect(message).toContain('line 2 (春节 2026-02-30): 2026-02-30 is not a date');
      expect(message).toContain('line 3 (调休上班 2026-10-03): 2026-10-03 is inside the holiday on line 1');
      expect(message).toContain('line 4 (元旦 2027-01-01): 2027-01-01 is not in the year');
      expect(message).toContain('line 5 (调休上班 2026-09-22): 2026-09-22 is a weekday');
    });
  });

  it('refuses overlapping holidays, an empty text, a malformed body and a bad year', async () => {
    await unchanged(async () => {
      const overlap = await server.api.put('/api/calendar/holidays/2026', { text: '中秋节 2026-09-25 至 2026-10-01\n国庆节 2026-10-01 至 2026-10-08' }, org.adminToken);
      expect(expectError(overlap, 400, 'holidays_invalid')).toContain('overlaps the holiday on line 1');
      expectError(await server.api.put('/api/calendar/holidays/2026', { text: '# nothing\n\n' }, org.adminToken), 400, 'validation_failed');
      expectError(await server.api.put('/api/calendar/holidays/2026', { holidays: [] }, org.adminToken), 400, 'validation_failed');
      expectError(await server.api.put('/api/calendar/holidays/1999', { text: '国庆节 1999-10-01' }, org.adminToken), 400, 'validation_failed');
    });
  });

  it('refuses anyone but an admin', async () => {
    await unchanged(async () => {
      expectError(await server.api.put('/api/calendar/holidays/2026', { text: ARRANGEMENT }, org.people.leadOffice.token), 403, 'forbidden');
      expectError(await server.api.put('/api/calendar/holidays/2026', { text: ARRANGEMENT }, org.people.staffResearch.token), 403, 'forbidden');
      expectError(await server.api.delete('/api/calendar/holidays/2026', {}, org.people.leadOffice.token), 403, 'forbidden');
    });
  });

  it('saves an admin’s arrangement, which everyone signed in reads back by date', async () => {
    const saved = expectData(await server.api.put('/api/calendar/holidays/2026', { text: ARRANGEMENT }, org.adminToken), holidayArrangementSchema);
    const read = expectData(await server.api.get('/api/calendar/holidays/2026', org.people.staffResearch.token), holidayArrangementSchema);
    expect(read).toEqual(saved);
    expect(read).toMatchObject({
      year: 2026,
      holidays: [
        { name: '中秋节', from: '2026-09-25', to: '2026-09-27' },
        { name: '国庆节', from: '2026-10-01', to: '2026-10-08' },
      ],
      workdays: [
        { date: '2026-09-20', name: '国庆节' },
        { date: '2026-10-10', name: '' },
      ],
    });
    expect(read.updatedAt).not.toBeNull();
  });

  it('takes the Friday in 国庆 off the calendar, and makes the next Friday the exchange day', async () => {
    const cal = await october(org.people.staffResearch.token);
    expect(cal.days.map((d) => [d.date, d.kind])).toEqual([
      ['2026-10-09', 'exchange-day'],
      ['2026-10-16', 'study-day'],
      ['2026-10-23', 'study-day'],
      ['2026-10-30', 'study-day'],
    ]);
    expect(cal.holidays.map((h) => h.name)).toEqual(['国庆节']);
    expect(cal.workdays).toEqual([{ date: '2026-10-10', name: '' }]);
    const september = expectData(await server.api.get('/api/calendar?from=2026-09-01&to=2026-09-30', org.adminToken), calendarSchema);
    expect(september.days.map((d) => d.date)).toEqual(['2026-09-04', '2026-09-11', '2026-09-18']);
  });

  it('lets an admin still hold the holiday Friday on the working Sunday, and nothing else move onto it', async () => {
    const move = await server.api.put('/api/calendar/exceptions/2026-10-02', { action: 'move', movedTo: '2026-09-20', reason: '调休上班日集中学习' }, org.adminToken);
    expect(move.status).toBe(200);
    const september = expectData(await server.api.get('/api/calendar?from=2026-09-01&to=2026-09-30', org.adminToken), calendarSchema);
    expect(september.days.find((d) => d.date === '2026-09-20')).toEqual({ date: '2026-09-20', kind: 'study-day', movedFrom: '2026-10-02', note: '调休上班日集中学习' });
    expect((await server.api.delete('/api/calendar/exceptions/2026-10-02', {}, org.adminToken)).status).toBe(204);
  });

  it('replaces the arrangement as a whole and audits each save with the holidays by name', async () => {
    const replaced = expectData(await server.api.put('/api/calendar/holidays/2026', { text: '国庆节 2026-10-01 至 2026-10-07\n调休上班 2026-10-10 国庆节' }, org.adminToken), holidayArrangementSchema);
    expect(replaced.holidays).toEqual([{ name: '国庆节', from: '2026-10-01', to: '2026-10-07' }]);
    const saves = (await audit()).filter((a) => a.action === 'calendar.holidays');
    expect(saves).toHaveLength(2);
    expect(saves[0]).toMatchObject({
      actorName: expect.any(String),
      target: 'calendar:2026',
      targetLabel: '2026',
      details: '2026: 国庆节 2026-10-01–2026-10-07; working days 2026-10-10 (国庆节); was 2026: 中秋节 2026-09-25–2026-09-27, 国庆节 2026-10-01–2026-10-08; working days 2026-09-20 (国庆节), 2026-10-10',
    });
    expect(saves[1]!.details).toBe('2026: 中秋节 2026-09-25–2026-09-27, 国庆节 2026-10-01–2026-10-08; working days 2026-09-20 (国庆节), 2026-10-10');
  });

  it('refuses a change to a closed year', async () => {
    expect((await server.api.put('/api/programme/years/2026/closed', { reason: '年度考核已完成' }, org.adminToken)).status).toBe(200);
    await unchanged(async () => {
      expectError(await server.api.put('/api/calendar/holidays/2026', { text: ARRANGEMENT }, org.adminToken), 409, 'year_closed');
      expectError(await server.api.delete('/api/calendar/holidays/2026', {}, org.adminToken), 409, 'year_closed');
    });
    expect((await server.api.delete('/api/programme/years/2026/closed', { reason: '补录放假安排' }, org.adminToken)).status).toBe(204);
  });

  it('clears the arrangement (audited), gives the Friday back, and answers 404 when there is none', async () => {
    expect((await server.api.delete('/api/calendar/holidays/2026', {}, org.adminToken)).status).toBe(204);
    expect((await october(org.adminToken)).days[0]).toMatchObject({ date: '2026-10-02', kind: 'exchange-day' });
    expect((await october(org.adminToken)).holidays).toEqual([]);
    const cleared = (await audit()).find((a) => a.action === 'calendar.holidays_delete');
    expect(cleared).toMatchObject({ target: 'calendar:2026', details: 'cleared: 2026: 国庆节 2026-10-01–2026-10-07; working days 2026-10-10 (国庆节)' });
    await unchanged(async () => expectError(await server.api.delete('/api/calendar/holidays/2026', {}, org.adminToken), 404, 'not_found'));
  });
});
