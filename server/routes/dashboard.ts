// The dashboard at `/`: the built single-page app from .output/dashboard (see server/dashboard), its
// hashed assets cached for good, and index.html for every other non-API path so deep links reload.
// Every response carries a strict Content-Security-Policy: same-origin files only, nothing inline.
import { Hono, type Context } from 'hono';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AppEnv } from '../http/app-env.ts';
import { notFoundResponse } from '../http/error-response.ts';
import { DASHBOARD_DIR } from '../paths.ts';


export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

function secure(c: Context): void {
  c.header('Content-Security-Policy', DASHBOARD_CSP);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('X-Frame-Options', 'DENY');
}

/** The file under `root` a URL path names, or null when it escapes the folder or is not a file. */
async function fileFor(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(root, `.${decoded}`);
  if (!file.startsWith(root)) return null;
  const info = await stat(file).catch(() => null);
  return info?.isFile() ? file : null;
}

export function dashboardRoutes(root: string = DASHBOARD_DIR) {
  const dir = path.resolve(root) + path.sep;
  return new Hono<AppEnv>().on(['GET', 'HEAD'], '*', async (c) => {
    const urlPath = c.req.path;
    if (urlPath === '/api' || urlPath.startsWith('/api/')) return notFoundResponse(c);
    secure(c);
    const asset = urlPath === '/' ? null : await fileFor(dir, urlPath);
    if (asset !== null) {
      const immutable = urlPath.startsWith('/assets/');
      c.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      c.header('Content-Type', TYPES[path.extname(asset)] ?? 'application/octet-stream');
      return c.body(await readFile(asset));
    }
    // A missing asset is a 404; any other path is a route of the app (deep link or reload).
    if (urlPath.startsWith('/assets/')) return notFoundResponse(c);
    const index = await readFile(path.join(dir, 'index.html'), 'utf8').catch(() => null);
    c.header('Cache-Control', 'no-cache');
    if (index === null) {
      return c.text('学迹管理页面尚未构建：请运行 npm run build。\nThe dashboard is not built: run npm run build.', 503);
    }
    return c.html(index);
  });
}
