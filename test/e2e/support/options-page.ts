// Drives the extension's options page the way a staff member does: fill the sign-in form, allow access
// to the designated sites when Chromium asks, and wait until the page greets them by name.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { acceptBrowserPrompt } from './extension-browser.ts';

export async function signInOnOptionsPage(
  page: Page,
  who: { server: string; username: string; password: string; name: string },
  display?: string,
): Promise<void> {
  await page.bringToFront();
  await page.fill('input[name=server]', who.server);
  await page.fill('input[name=username]', who.username);
  await page.fill('input[name=password]', who.password);
  await page.click('button[type=submit]');
  // The page marks the moment it asks Chromium for access; the prompt itself is browser UI.
  await page.waitForSelector('[data-state=awaiting-permission]', { timeout: 15_000 });
  await page.waitForTimeout(800);
  acceptBrowserPrompt(display);
  await page.waitForSelector('[data-state=signed-in]', { timeout: 15_000 });
  expect(await page.textContent('[data-state=signed-in]')).toContain(who.name);
}
