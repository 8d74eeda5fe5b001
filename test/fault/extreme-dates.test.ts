// Every GET route the app serves, over the extreme dates the date schema accepts (0000-01-01 to
// 9999-12-31, leap days, the edges of the span reports cover) in every form a query takes: from/to,
// period/date, month, year, and as path parameters. Each answer is 200, or 400 `validation_failed`
// naming the field; a report answered carries a range of valid dates. Never a 5xx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_DATES, reportDateSchema } from '../../shared/schemas/domain.ts';
import { errorBodySchema } from '../../shared/schemas/errors.ts';
import { appRoutes } from '../support/app-routes.ts';
import { startApiServer, type ApiServer } from '../support/api-server.ts';
import { seedOrganisation } from '../support/organisation.ts';

let server: ApiServer;
let org: Awaited<ReturnType<typeof seedOrganisation>>;

beforeAll(async () => {
  server = await startApiServer({ nowMs: Date.parse('2026-03-10T12:00:00+08:00') });
  org = await seedOrganisation(server);
});
afterAll(() => server.close());

const DATES = ['0000-01-01', '0000-02-29', '0099-12-31', '1899-12-31', REPORT_DATES.first, '2024-02-29', '9999-12-26', REPORT_DATES.last];
const PERIODS = ['week', 'month', 'quarter', 'year'];

/**
 * The query forms over every date: from/to, and period/date (which wins over from/to), each with the
 * date's month and year for the routes that read those instead.
 */
function queries(): string[] {
  const out = new Set<string>(['']);
  DATES.forEach((d, i) => {
    const monthAndYear = `month=${d.slice(0, 7)}&year=${Number(d.slice(0, 4))}`;
    out.add(`?from=${d}&to=${d}&${monthAndYear}`);
    out.add(`?period=${PERIODS[i % PERIODS.length]}&date=${d}&${monthAndYear}`);
    out.add(`?period=week&date=${d}`);
  });
  out.add(`?from=${REPORT_DATES.first}&to=${REPORT_DATES.last}`);
  out.add('?period=year&date=9999-06-30');
  out.add('?year=10000&month=10000-01');
  return [...out];
}

/** Concrete paths for a route's parameters: real ids, and extreme years and dates where one is taken. */
function paths(route: string): string[] {
  const person = org.people.staffResearch.user.id;
  let variants = [route.replace(/^GET /, '')];
  const fill = (param: string, values: string[]) => {
    variants = variants.flatMap((v) => (v.includes(param) ? values.map((x) => v.replace(param, x)) : [v]));
  };
  fill(':personId', [person]);
  fill(':id', [route.includes('/units/') ? org.units.office.id : route.includes('/sessions/') ? 'noSuchSession' : person]);
  fill(':year', ['0', '1899', '2026', '9999', '10000']);
  fill(':stage', ['q4']);
  fill(':date', DATES);
  return variants;
}

describe('extreme dates', () => {
  it('every GET route answers 200 or 400 validation_failed, never a 5xx, and reports only valid ranges', { timeout: 90_000 }, async () => {
    const routes = appRoutes().filter((r) => r.startsWith('GET '));
    // Every query on each route, and every path parameter once (a route reads its query or its path, not both).
    const requests = routes.flatMap((r) => {
      const [first, ...others] = paths(r);
      return [...queries().map((q) => first + q), ...others];
    });
    const failures: string[] = [];
    let answered = 0;
    const check = async (path: string) => {
      const res = await server.api.get(path, org.adminToken);
      const label = `${path} → ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`;
      if (res.headers.get('x-content-type-options') !== 'nosniff') failures.push(`without nosniff: ${label}`);
      if (res.status === 200) {
        answered++;
        const body = res.body as { from?: unknown; to?: unknown };
        for (const d of [body.from, body.to]) if (d !== undefined && !reportDateSchema.safeParse(d).success) failures.push(`invalid range: ${label}`);
        return;
      }
      if (res.status >= 500) failures.push(label);
      else if (!errorBodySchema.safeParse(res.body).success) failures.push(`not the error shape: ${label}`);
      else if (res.status === 400 && (res.body as { error: { code: string } }).error.code !== 'validation_failed') failures.push(`not validation_failed: ${label}`);
    };
    for (let i = 0; i < requests.length; i += 20) await Promise.all(requests.slice(i, i + 20).map(check));
    expect(failures.slice(0, 10)).toEqual([]);
    expect(requests.length).toBeGreaterThan(600);
    expect(answered).toBeGreaterThan(50);
  });

  it.each([
    ['/api/people/{p}/log', '?period=week&date=9999-12-31'],
    ['/api/people/{p}/segments', '?period=week&date=9999-12-31'],
    ['/api/people/{p}/xapi', '?period=week&date=9999-12-31'],
    ['/api/units/{u}/summary', '?period=week&date=9999-12-31'],
    ['/api/units/{u}/summary', '?from=0000-01-01&to=0000-01-02'],
    ['/api/units/{u}/xapi', '?period=week&date=1899-12-31'],
  ])('refuses %s%s with 400 validation_failed naming the field', async (path, query) => {
    const res = await server.api.get(path.replace('{p}', org.people.staffResearch.user.id).replace('{u}', org.units.office.id) + query, org.adminToken);
    expect(res.status).toBe(400);
    const { error } = errorBodySchema.parse(res.body);
    expect(error.code).toBe('validation_failed');
    expect(error.message).toMatch(/^(date|from):/);
  });

  it('answers the last week and the first day reports cover', async () => {
    const u = org.units.office.id;
    const last = await server.api.get(`/api/units/${u}/summary?period=week&date=9999-12-26`, org.adminToken);
    expect(last.status).toBe(200);
    expect(last.body).toMatchObject({ from: '9999-12-20', to: '9999-12-26' });
    const first = await server.api.get(`/api/people/${org.people.staffResearch.user.id}/log?from=1900-01-01&to=1900-01-01`, org.adminToken);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ from: '1900-01-01', to: '1900-01-01', totalSeconds: 0 });
  });
});
