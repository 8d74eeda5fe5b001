// Office-wide deployment, for real in Chromium: an enterprise policy file gives the extension its server
// and organisation (managed storage); the options page shows the server locked, the background refuses
// any other, and the first-run notice opened on install names the organisation and, once the person has
// signed in, the designated sites. Chromium reads /etc/chromium/policies/managed at start (tests run as
// root); the file exists only while this test runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { acceptBrowserPrompt, launchExtensionBrowser, type ExtensionBrowser } from './support/extension-browser.ts';
import { seedOrganisation, signIn, type Organisation } from './support/api-admin.ts';

const ADMIN_PASSWORD = 'admin-password-for-tests';
/** Fixed by the manifest key (wxt.config.ts). */
const EXTENSION_ID = 'aofackckcnjpfcbfcfoopiamjabhmele';
const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, `studytrail-e2e-${process.pid}.json`);
const ORGANISATION = '市政协机关（测试）';

describe('managed deployment in Chromium', () => {
  let dataDir: string;
  let server: ServerProcess;
  let browser: ExtensionBrowser;
  let org: Organisation;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'studytrail-e2e-'));
    server = await startServerProcess({ dataDir, env: { STUDYTRAIL_ADMIN_PASSWORD: ADMIN_PASSWORD } });
    org = await seedOrganisation(await signIn(server.url, 'admin', ADMIN_PASSWORD), { patterns: ['http://127.0.0.1/learn/*'] });
    // The policy as IT writes it (docs/deployment.md), with the server's trailing slash a person might type.
    const policy = { '3rdparty': { extensions: { [EXTENSION_ID]: { serverUrl: `${server.url}/`, organisationName: ORGANISATION } } } };
    await mkdir(POLICY_DIR, { recursive: true });
    await writeFile(POLICY_FILE, JSON.stringify(policy));
    browser = await launchExtensionBrowser({ keepNotice: true });
  });

  afterAll(async () => {
    await rm(POLICY_FILE, { force: true });
    await browser?.close();
    await server?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('opens the notice on install, locks the server, refuses another, and lists the sites after sign-in', async () => {
    expect(browser.extensionId).toBe(EXTENSION_ID);
    const notice = browser.noticePage!;
    await notice.waitForSelector('[data-state=ready]');
    expect(await notice.textContent('.organisation')).toContain(ORGANISATION);
    await notice.waitForSelector('[data-sites=after-sign-in]');
    for (const section of ['pin', 'sites', 'recorded', 'who', 'pause', 'retention']) {
      expect((await notice.textContent(`[data-section=${section}]`))?.trim().length, section).toBeGreaterThan(20);
    }

    const options = await browser.openExtensionPage('options.html');
    await options.bringToFront();
    await options.waitForSelector('[data-state=signed-out]');
    const serverField = options.locator('input[name=server]');
    expect(await serverField.inputValue()).toBe(server.url);
    expect(await serverField.getAttribute('readonly')).not.toBeNull();
    expect(await options.textContent('.organisation')).toBe(ORGANISATION);

    // The page is not the boundary: the background refuses another server even when asked directly.
    const reply = await options.evaluate(() =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({
        type: 'signIn',
        server: 'http://127.0.0.1:9/',
        username: 'zhang.wei',
        password: 'study-hard-2026',
      }),
    );
    expect(reply).toMatchObject({ ok: false, code: 'managed_server' });

    // Staff only sign in: user name and password, the server is already there.
    await options.fill('input[name=username]', org.staff.username);
    await options.fill('input[name=password]', org.staff.password);
    await options.click('button[type=submit]');
    await options.waitForSelector('[data-state=awaiting-permission]', { timeout: 15_000 });
    await options.waitForTimeout(800);
    acceptBrowserPrompt();
    await options.waitForSelector('[data-state=signed-in]', { timeout: 15_000 });
    expect(await options.textContent('[data-state=signed-in]')).toContain(org.staff.name);

    // The notice, still open, now lists the designated site.
    await notice.waitForSelector('[data-sites="1"]', { timeout: 10_000 });
    const sites = await notice.textContent('[data-section=sites]');
    expect(sites).toContain('网上政协学习专栏');
    expect(sites).toContain('http://127.0.0.1/learn/*');
  });
});
