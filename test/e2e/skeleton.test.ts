// The walking skeleton, end to end: an administrator designates a resource, a staff member signs in on
// the extension's options page, reads a designated page and then another page, and the server's learning
// log shows the designated seconds and nothing for the other page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { startFixtureSite, type FixtureSite } from '../support/fixture-site.ts';
import { launchExtensionBrowser, type ExtensionBrowser } from './support/extension-browser.ts';
import { seedOrganisation, signIn, type Organisation } from './support/api-admin.ts';
import { signInOnOptionsPage } from './support/options-page.ts';
import { dateInZone } from '../../shared/time/zoned-days.ts';
import type { LearningLog } from '../../shared/schemas/log.ts';

const TZ = 'Asia/Shanghai';
const ADMIN_PASSWORD = 'admin-password-for-tests';

describe('walking skeleton in Chromium', () => {
  let dataDir: string;
  let server: ServerProcess;
  let site: FixtureSite;
  let browser: ExtensionBrowser;
  let org: Organisation;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'studytrail-e2e-'));
    site = await startFixtureSite();
    server = await startServerProcess({
      dataDir,
      env: { STUDYTRAIL_ADMIN_PASSWORD: ADMIN_PASSWORD, STUDYTRAIL_TZ: TZ },
    });
    const admin = await signIn(server.url, 'admin', ADMIN_PASSWORD);
    // No port in the pattern: it must match the fixture site's random port.
    org = await seedOrganisation(admin, { patterns: ['http://127.0.0.1/learn/*'] });
    browser = await launchExtensionBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await site?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('counts about 10 s on the designated page and nothing on the other page', async () => {
    const options = await browser.openExtensionPage('options.html');
    await signInOnOptionsPage(options, { server: server.url, ...org.staff });

    const page = await browser.context.newPage();
    await page.bringToFront();
    await page.goto(`${site.origin}/learn/article`);
    const startedAt = Date.now();
    await page.waitForTimeout(10_000);
    await page.goto(`${site.otherOrigin}/other/page`);
    const truthSeconds = (Date.now() - startedAt) / 1000;
    await page.waitForTimeout(5_000);

    const staff = await signIn(server.url, org.staff.username, org.staff.password);
    const today = dateInZone(Date.now(), TZ);
    let log: LearningLog | undefined;
    for (let attempt = 0; attempt < 30; attempt++) {
      log = await staff.get<LearningLog>(`/api/people/${org.staff.id}/log?from=${today}&to=${today}`);
      if (log.totalSeconds > 0) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(log).toBeDefined();
    expect(Math.abs(log!.totalSeconds - truthSeconds)).toBeLessThanOrEqual(2);
    expect(log!.byResource).toEqual([{ resourceId: org.resource.id, seconds: log!.totalSeconds }]);
    // The contract's day fields; the server adds rawSeconds beside them (docs/api.md).
    expect(log!.days.map(({ date, seconds }) => ({ date, seconds }))).toEqual([{ date: today, seconds: log!.totalSeconds }]);

    // Privacy: neither the server nor the extension holds any trace of the other page.
    for (const file of await readdir(dataDir)) {
      const text = await readFile(join(dataDir, file), 'utf8').catch(() => '');
      expect(text).not.toContain('/other/page');
      expect(text).not.toContain('Not a learning page');
    }
    const stored = JSON.stringify(await browser.readLocalStorage());
    expect(stored).not.toContain('/other/page');
    expect(stored).not.toContain('Not a learning page');
  });
});
