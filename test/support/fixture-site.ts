// A local website for browser tests: serves test/fixtures/site/ on 127.0.0.1 at a free port.
// Paths map to files by name: /learn/article → learn-article.html, /other/page → other-page.html.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';

const SITE_DIR = fileURLToPath(new URL('../fixtures/site/', import.meta.url));

export interface FixtureSite {
  /** Base URL on 127.0.0.1, e.g. http://127.0.0.1:41234 */
  readonly origin: string;
  /** The same site reached as `localhost`: another origin, for pages the extension has no access to. */
  readonly otherOrigin: string;
  close(): Promise<void>;
}

export async function startFixtureSite(): Promise<FixtureSite> {
  const server: Server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const name = path.replace(/^\/+|\/+$/g, '').replace(/\//g, '-');
    if (!/^[a-z0-9-]+$/.test(name)) {
      res.writeHead(404).end('not found');
      return;
    }
    try {
      const html = await readFile(join(SITE_DIR, `${name}.html`));
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    otherOrigin: `http://localhost:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
