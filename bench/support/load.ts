// The server benches' load generator and figures: an open-loop sync load at a fixed arrival rate
// (spread round-robin over one or more server processes) and timed GETs.
//
// The load is open: request i is sent at start + i / rate whether or not earlier ones were answered,
// and its time is counted from then, so a stall shows in the tail instead of slowing the sender
// (a closed loop would hide it). The client runs on the same machine, so its own work is in the figures.
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { random, type Seeded } from './year-data.ts';

export const SEGMENTS_PER_SYNC = 10;
const DAY_MS = 86_400_000;

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
export const msText = (ms: number) => `${ms.toFixed(1)} ms`;

/** One GET answered 200, its milliseconds; anything else rejects. */
export function get(agent: http.Agent, url: string, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const began = performance.now();
    http
      .get(url, { agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - began) : reject(new Error(`GET ${url}: ${res.statusCode}`))));
      })
      .on('error', reject);
  });
}

/** A sync of 10 new segments from one person, ending within the last 5 days (inside the accepted window). */
function syncBody(seeded: Seeded, rnd: () => number, i: number): { json: string; token: string } {
  const person = seeded.people[i % seeded.people.length]!;
  const now = Date.now();
  const segments = Array.from({ length: SEGMENTS_PER_SYNC }, () => {
    const res = seeded.resources[Math.floor(rnd() * seeded.resources.length)]!;
    const end = now - Math.floor(rnd() * 5 * DAY_MS);
    return {
      id: randomUUID(),
      resourceId: res.id,
      url: `${res.prefix}lesson-${Math.floor(rnd() * 20)}`,
      title: '课程',
      startedAt: new Date(end - 300_000).toISOString(),
      endedAt: new Date(end).toISOString(),
      mode: 'reading',
    };
  });
  return { json: JSON.stringify({ deviceId: 'office-pc', segments }), token: person.token };
}

export interface SyncLoadResult {
  /** Milliseconds from each answered request's due time to its answer, sorted. */
  times: number[];
  /** Each answered request's due time (performance.now()) and milliseconds to its answer, in the order answered. */
  answered: { dueAt: number; ms: number }[];
  errors: number;
  /** The answers that were not 200, by status ("network" for a request that got none), so a figure with failures says which. */
  failures: Record<string, number>;
  /** Requests the client itself sent more than 5 ms after they were due. */
  late: number;
  /** Answered requests per second over the whole run, from the first due time to the last answer. */
  achievedRate: number;
}

/**
 * Open-loop load: `rate` requests a second for `seconds`, request i to server i mod n. With `goOn`,
 * the load continues past `seconds` while it returns true (up to `maxSeconds`).
 */
export async function syncLoad(
  serverUrls: readonly string[],
  seeded: Seeded,
  rate: number,
  seconds: number,
  goOn: { while: () => boolean; maxSeconds: number } | null = null,
): Promise<SyncLoadResult> {
  const targets = serverUrls.map((u) => new URL(u));
  // Enough sockets that the client never queues a request behind another (a stall would need seconds to fill them).
  const agent = new http.Agent({ keepAlive: true, maxSockets: 400 });
  const rnd = random(11);
  const total = rate * seconds;
  const times: number[] = [];
  const answered: { dueAt: number; ms: number }[] = [];
  let errors = 0;
  const failures: Record<string, number> = {};
  const fail = (why: string) => {
    errors++;
    failures[why] = (failures[why] ?? 0) + 1;
  };
  let late = 0;
  const began = performance.now();
  const send = (i: number, dueAt: number) =>
    new Promise<void>((resolve) => {
      const { json, token } = syncBody(seeded, rnd, i);
      const target = targets[i % targets.length]!;
      const req = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: '/api/sync',
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json), authorization: `Bearer ${token}` },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode === 200) {
              const ms = performance.now() - dueAt;
              times.push(ms);
              answered.push({ dueAt, ms });
            } else fail(String(res.statusCode));
            resolve();
          });
        },
      );
      req.on('error', () => {
        fail('network');
        resolve();
      });
      req.end(json);
    });
  const inFlight: Promise<void>[] = [];
  const last = goOn === null ? total : rate * goOn.maxSeconds;
  for (let i = 0; i < last && (i < total || goOn!.while()); i++) {
    const dueAt = began + (i * 1000) / rate;
    const wait = dueAt - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    else if (wait < -5) late++;
    inFlight.push(send(i, dueAt));
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - began) / 1000;
  agent.destroy();
  return { times: times.sort((a, b) => a - b), answered, errors, failures, late, achievedRate: times.length / elapsed };
}
