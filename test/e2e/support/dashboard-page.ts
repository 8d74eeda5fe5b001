// Drives the dashboard as a person does: sign in with the form, use the navigation, keep screenshots
// of the main views in test/artifacts/ for review.
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

export const ARTIFACTS_DIR = resolve('test/artifacts');

export async function openDashboard(
  context: BrowserContext,
  baseUrl: string,
  who: { username: string; password: string },
  locale: 'zh-CN' | 'en' = 'zh-CN',
): Promise<Page> {
  // Each scenario signs in from scratch: a session cookie left by an earlier one (signed out or failed
  // half-way) would otherwise open the dashboard as that person.
  await context.clearCookies({ domain: new URL(baseUrl).hostname });
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  const problems: string[] = [];
  // A CSP violation or an uncaught error is a bug even when the page looks right.
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) problems.push(`csp: ${m.text()}`);
  });
  (page as Page & { problems?: string[] }).problems = problems;
  await page.goto(`${baseUrl}/`);
  // The language choice is kept per browser: start every scenario from a known one.
  await page.evaluate((l) => localStorage.setItem('studytrail.dashboard.locale', l), locale);
  await page.reload();
  await page.getByLabel(/用户名|Username/).fill(who.username);
  await page.getByLabel(/密码|Password/).fill(who.password);
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=who]');
  return page;
}

export function pageProblems(page: Page): string[] {
  return (page as Page & { problems?: string[] }).problems ?? [];
}

export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: resolve(ARTIFACTS_DIR, `${name}.png`), fullPage: options.fullPage ?? true });
}

/**
 * Fails clearly when the server lacks an endpoint of the API plan (docs in api-plan.md) that a
 * scenario needs, instead of letting the scenario time out on an error panel.
 */
export async function requireEndpoints(baseUrl: string, token: string, probes: { label: string; path: string; needs?: string }[]): Promise<void> {
  const missing: string[] = [];
  for (const probe of probes) {
    const res = await fetch(`${baseUrl}${probe.path}`, { headers: { authorization: `Bearer ${token}` } });
    const text = await res.text();
    if (res.status === 404 && text.includes('No such endpoint')) missing.push(`${probe.label} (404 No such endpoint)`);
    else if (probe.needs !== undefined && !text.includes(`"${probe.needs}"`)) missing.push(`${probe.label} (no "${probe.needs}" field)`);
  }
  if (missing.length > 0) {
    throw new Error(`This scenario waits for the server branch (API plan); this server lacks: ${missing.join('; ')}`);
  }
}
