// A small HTTP load generator on node:http with keep-alive: `concurrency` requests in flight for
// `durationMs`, each body made by `body(i)`. Counts only 2xx answers.
import http from 'node:http';

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
}

export async function runLoad(options: {
  url: string;
  path: string;
  concurrency: number;
  durationMs: number;
  body: (i: number) => { json: string; token?: string };
}): Promise<LoadResult> {
  const target = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  let issued = 0;
  let ok = 0;
  let errors = 0;
  const began = performance.now();
  const deadline = began + options.durationMs;
  const one = (i: number) =>
    new Promise<void>((resolve) => {
      const { json, token } = options.body(i);
      const req = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: options.path,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json), ...(token ? { authorization: `Bearer ${token}` } : {}) },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode! >= 200 && res.statusCode! < 300) ok++;
            else errors++;
            resolve();
          });
        },
      );
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(json);
    });
  const worker = async () => {
    while (performance.now() < deadline) await one(issued++);
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (performance.now() - began) / 1000;
  agent.destroy();
  return { requests: ok, errors, seconds, perSecond: ok / seconds };
}
