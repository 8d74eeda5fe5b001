// The baseline for the ingest figure: a bare Hono endpoint on @hono/node-server that parses the same
// JSON body and answers, with no auth, no checks and no disk.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';

const app = new Hono().post('/api/sync', async (c) => {
  const body = (await c.req.json()) as { segments: { id: string }[] };
  return c.json({ accepted: body.segments.map((s) => s.id), rejected: [] });
});
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`StudyTrail server listening on http://127.0.0.1:${(info as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
