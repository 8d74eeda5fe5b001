// The harness's own check, on each engine: server.snapshot() is what every "bad input changes nothing"
// assertion compares, so it must stay equal across reads and differ after any stored change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitSchema } from '../../shared/schemas/organisation.ts';
import { expectData } from '../support/api-client.ts';
import { startApiServer, TEST_ADMIN, type ApiServer } from '../support/api-server.ts';

let server: ApiServer;
let adminToken: string;

beforeAll(async () => {
  server = await startApiServer();
  adminToken = await server.signIn(TEST_ADMIN.username, TEST_ADMIN.password);
});
afterAll(() => server.close());

describe('server.snapshot()', () => {
  it('is equal before and after reads', async () => {
    const before = await server.snapshot();
    expect((await server.api.get('/api/units', adminToken)).status).toBe(200);
    expect((await server.api.get('/api/people', adminToken)).status).toBe(200);
    expect(await server.snapshot()).toBe(before);
  });

  it('differs after a unit is created, and again after it is renamed', async () => {
    const before = await server.snapshot();
    const unit = expectData(await server.api.post('/api/units', { name: '办公室' }, adminToken), unitSchema, 201);
    const created = await server.snapshot();
    expect(created).not.toBe(before);
    expect((await server.api.patch(`/api/units/${unit.id}`, { name: '综合办公室' }, adminToken)).status).toBe(200);
    expect(await server.snapshot()).not.toBe(created);
  });
});
