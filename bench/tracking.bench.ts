// Tracking accuracy and footprint: runs the scripted scenarios of the end-to-end test in real Chromium
// (on its own Xvfb display when none is set) and prints counted time against the truth per scenario,
// the size of the content script (gzip) and of the background bundle, and whether the content script
// runs on a non-designated page; then the real toolbar popup (opened and closed, pause and resume), each
// on its own display with a window manager (openbox) and without one; then a designated page read in Firefox
// (firefox-esr) as one more row. Needs the built extensions (`npx wxt build`, `npx wxt build -b firefox`;
// built here if missing).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from '../test/e2e/support/extension-browser.ts';
import { startVirtualDisplay } from '../test/e2e/support/virtual-display.ts';
import { runTrackingScenarios, type PhaseResult } from '../test/e2e/support/tracking-run.ts';
import { runPopupScenarios } from '../test/e2e/support/popup-run.ts';
import { FIREFOX_EXTENSION_DIR } from '../test/e2e/support/firefox-browser.ts';
import { runFirefoxDay } from '../test/e2e/support/firefox-run.ts';

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

function footprint(): void {
  const size = (file: string) => {
    const bytes = readFileSync(join(EXTENSION_DIR, file));
    return `${kB(bytes.length)} (${kB(gzipSync(bytes, { level: 9 }).length)} gzip)`;
  };
  console.log(`content script (tracking probe): ${size('content-scripts/tracking-probe.js')}`);
  console.log(`background bundle:               ${size('background.js')}`);
}

export default async function trackingBench(): Promise<void> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { stdio: 'ignore' });
  footprint();

  const display = process.env.DISPLAY ? null : await startVirtualDisplay();
  if (display !== null) process.env.DISPLAY = display.display;
  try {
    const run = await runTrackingScenarios();
    const popup = [await runPopupScenarios(true), await runPopupScenarios(false)];
    const popupPhases: PhaseResult[] = popup.flatMap((r) =>
      r.phases.map((p) => ({ ...p, name: `${p.name} (${r.windowManager ? 'openbox' : 'no WM'})` })),
    );
    const firefox = await runFirefoxDay();
    const phases: PhaseResult[] = [
      ...run.phases,
      ...popupPhases,
      { name: 'Firefox: designated page, reading', device: 'A', truthSeconds: firefox.reading.truthSeconds, countedSeconds: firefox.reading.countedSeconds, mediaSeconds: 0 },
    ];
    console.log(`\n${'scenario'.padEnd(56)} truth s  counted s  error s  media s`);
    for (const p of phases) {
      const error = p.countedSeconds - p.truthSeconds;
      const signed = `${error >= 0 ? '+' : '-'}${Math.abs(error).toFixed(2)}`;
      console.log(
        `${p.name.padEnd(56)} ${p.truthSeconds.toFixed(2).padStart(7)}  ${p.countedSeconds.toFixed(2).padStart(9)}  ${signed.padStart(7)}  ${p.mediaSeconds.toFixed(1).padStart(7)}`,
      );
    }
    const worst = Math.max(...phases.map((p) => Math.abs(p.countedSeconds - p.truthSeconds)));
    console.log(`\nlargest error per scenario: ${worst.toFixed(2)} s; counted between scenarios: ${run.countedBetweenPhases.toFixed(2)} s`);
    console.log(
      `two devices: raw ${run.twoDevices.rawSeconds.toFixed(1)} s, truth once ${run.twoDevices.truthUnionSeconds.toFixed(1)} s, server ${run.twoDevices.serverUnionSeconds.toFixed(1)} s`,
    );
    console.log(`learning log total: ${run.log.totalSeconds} s (truth ${run.log.truthSeconds.toFixed(1)} s)`);
    for (const r of popup) {
      const { beforeRestart, afterRestart, serverSegments, server } = r.today;
      console.log(
        `today on the device (${r.windowManager ? 'openbox' : 'no WM'}): ${beforeRestart.toFixed(2)} s, ${afterRestart.toFixed(2)} s after a worker restart; server segments ${serverSegments.toFixed(2)} s, log ${server} s`,
      );
    }
    console.log(
      `server offline: ${run.delivery.waitingOffline} segments waited, ${run.delivery.arrivedOnce} arrived exactly once, ${run.delivery.duplicateIds} duplicate ids, outbox empty ${run.delivery.secondsToDeliver.toFixed(0)} s after the server returned`,
    );
    console.log(
      `content script worlds: designated page ${run.probe.designated}, non-designated page ${run.probe.nonDesignated} (${run.probe.nonDesignated === 0 ? 'not injected' : 'INJECTED'})`,
    );
    console.log(`traces of the non-designated page: ${run.privacyLeaks.length === 0 ? 'none' : run.privacyLeaks.join(', ')}`);
  } finally {
    await display?.close();
  }
}
