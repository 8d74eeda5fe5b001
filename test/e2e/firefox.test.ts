// The Firefox build in Debian's firefox-esr (puppeteer-core over WebDriver BiDi, headed under Xvfb, real
// input): signing in asks for the designated sites on a click Firefox counts, reading a designated page
// is counted within ±1 s on the server, and a passage clipped with the keyboard command arrives there.
import { beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_QUOTE, runFirefoxDay, type FirefoxRunResult } from './support/firefox-run.ts';

describe('a day of study in Firefox', () => {
  let run: FirefoxRunResult;

  beforeAll(async () => {
    run = await runFirefoxDay((line) => console.log(`[firefox e2e] ${line}`));
  }, 240_000);

  it('asks for the sites as part of signing in, on a click of the page\'s own, and gets them', () => {
    // Firefox refuses the request after the sign-in's network calls: the page's step asks instead.
    expect(run.signInPhases).toContain('needs-permission');
    expect(run.signInPhases.at(-1)).toBe('signed-in');
    expect(run.missingAfterAllowing).toBe(0);
  });

  it('counts the reading within ±1 s of the truth', () => {
    expect(Math.abs(run.reading.countedSeconds - run.reading.truthSeconds), JSON.stringify(run.reading)).toBeLessThanOrEqual(1);
    // The learning log gives whole seconds: half a second of rounding on top of the ±1 s.
    expect(Math.abs(run.reading.logSeconds - run.reading.truthSeconds)).toBeLessThanOrEqual(1.5);
  });

  it('keeps the clipped passage on the server', () => {
    expect(run.notesOnServer).toEqual([FIREFOX_QUOTE]);
  });
});
