// The baseline for the ingest figure: a bare Hono endpoint on the same adapter (@hono/node-server),
// reading the body the way /api/sync does (http/read-body.ts straight from Node's stream, the same
// size limit, JSON.parse) and answering the same shape, with no auth, no checks and no disk.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { MAX_BODY_BYTES } from '../../server/http/json-body.ts';
import { readBodyText } from '../../server/http/read-body.ts';

const app = new Hono().post('/api/sync', async (c) => {
  const body = JSON.parse(await readBodyText(c, MAX_BODY_BYTES)) as { segments: { id: string }[] };
  return c.json({ accepted: body.segments.map((s) => s.id), rejected: [], policyVersion: 1 });
});
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`StudyTrail server listening on http://127.0.0.1:${(info as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
