// STAND-IN, notes only: a proxy in front of the real server that answers the notes part of
// POST /api/sync (notes, cursor) with test/support/fake-notes-server.ts, and passes everything else,
// segments included, to the real server unchanged. The server's own notes support is being built in
// parallel; once merged, the e2e test talks to the real server directly and this file goes.
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFakeNotesServer, type FakeNotesServer } from '../../support/fake-notes-server.ts';

export interface NotesStandIn {
  readonly url: string;
  readonly notes: FakeNotesServer;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

type Forwarded = { method: string; url: string; headers: IncomingMessage['headers'] };

function forward(target: URL, req: Forwarded, body: Buffer): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers = { ...req.headers, host: target.host, 'content-length': String(body.length) };
    const out = httpRequest({ hostname: target.hostname, port: target.port, path: req.url, method: req.method, headers }, async (res) => {
      resolve({ status: res.statusCode ?? 502, headers: res.headers, body: await readBody(res) });
    });
    out.on('error', reject);
    out.end(body);
  });
}

export async function startNotesStandIn(realServerUrl: string): Promise<NotesStandIn> {
  const target = new URL(realServerUrl);
  const notes = createFakeNotesServer();
  const personByToken = new Map<string, string>();

  const server: Server = createServer(async (req, res) => {
    try {
      const body = await readBody(req);
      const incoming: Forwarded = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers };
      const isSync = incoming.method === 'POST' && incoming.url === '/api/sync';
      if (!isSync) {
        const answer = await forward(target, incoming, body);
        res.writeHead(answer.status, answer.headers).end(answer.body);
        return;
      }
      const parsed = JSON.parse(body.toString('utf8')) as { deviceId: string; segments: unknown[]; notes?: unknown[]; cursor?: string | null };
      const segmentsBody = Buffer.from(JSON.stringify({ deviceId: parsed.deviceId, segments: parsed.segments }));
      const answer = await forward(target, incoming, segmentsBody);
      if (answer.status !== 200) {
        res.writeHead(answer.status, answer.headers).end(answer.body);
        return;
      }
      const token = String(req.headers.authorization ?? '');
      let personId = personByToken.get(token);
      if (personId === undefined) {
        const me = await forward(target, { method: 'GET', url: '/api/me', headers: { authorization: token } }, Buffer.alloc(0));
        personId = (JSON.parse(me.body.toString('utf8')) as { id: string }).id;
        personByToken.set(token, personId);
      }
      const segmentsAnswer = JSON.parse(answer.body.toString('utf8')) as { accepted: string[]; rejected: unknown[] };
      const exchange = notes.sync(personId, { notes: parsed.notes, cursor: parsed.cursor });
      const merged = {
        ...segmentsAnswer,
        accepted: [...segmentsAnswer.accepted, ...exchange.accepted],
        rejected: [...segmentsAnswer.rejected, ...exchange.rejected],
        notes: exchange.notes,
        cursor: exchange.cursor,
      };
      const headers = { ...answer.headers };
      delete headers['content-length'];
      res.writeHead(200, headers).end(JSON.stringify(merged));
    } catch (error) {
      res.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'stand_in', message: String(error) } }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    notes,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
