// The Firefox build passes Mozilla's own linter (web-ext lint, i.e. addons-linter): any error fails the
// run; warnings are printed so they are seen. `npm test` builds .output/firefox-mv3 before this runs.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const FIREFOX_DIR = resolve('.output/firefox-mv3');
const WEB_EXT = resolve('node_modules/.bin/web-ext');

const messageSchema = z.object({ code: z.string(), message: z.string(), file: z.string().optional() });
const reportSchema = z.object({
  summary: z.object({ errors: z.number(), warnings: z.number(), notices: z.number() }),
  errors: z.array(messageSchema),
  warnings: z.array(messageSchema),
  notices: z.array(messageSchema),
});

async function lint(dir: string) {
  // web-ext exits non-zero when there are errors; the JSON report is on stdout either way.
  const { stdout } = await promisify(execFile)(WEB_EXT, ['lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'], {
    maxBuffer: 16 * 1024 * 1024,
  }).catch((err: { stdout?: string; stderr?: string }) => {
    if (err.stdout) return { stdout: err.stdout };
    throw new Error(`web-ext lint did not run: ${err.stderr ?? String(err)}`);
  });
  return reportSchema.parse(JSON.parse(stdout));
}

const line = (m: z.infer<typeof messageSchema>) => `${m.code}: ${m.message}${m.file ? ` (${m.file})` : ''}`;

describe('the Firefox build', () => {
  it('passes web-ext lint without errors', async () => {
    expect(existsSync(resolve(FIREFOX_DIR, 'manifest.json')), 'run `npm run build:firefox` first (npm test does)').toBe(true);
    const report = await lint(FIREFOX_DIR);
    if (report.warnings.length + report.notices.length > 0) {
      console.info(`web-ext lint warnings and notices:\n  ${[...report.warnings, ...report.notices].map(line).join('\n  ')}`);
    }
    expect(report.errors.map(line)).toEqual([]);
  }, 120_000);
});
