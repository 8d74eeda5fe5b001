// The service worker: creates the parts and connects them to browser events. Everything is registered
// synchronously on every start, because an MV3 worker is started again for each event it missed.
import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { createServerClient } from '../sync/server-client.ts';
import { markSignInNeeded } from '../account/needs-sign-in.ts';
import { flushOutbox, SYNC_ALARM, SYNC_INTERVAL_MINUTES } from '../sync/flush.ts';
import { createRecorder } from '../tracking/recorder.ts';
import { listenForSignals, startTracking } from '../tracking/browser-signals.ts';
import { showPresence } from '../tracking/presence-effects.ts';
import { POLICY_ALARM, POLICY_REFRESH_MINUTES, refreshIfNewer, refreshPolicy } from '../account/policy-refresh.ts';
import { syncDesignatedPageScripts } from '../content/registration.ts';
import { serveMessages } from '../messaging/serve.ts';
import { backgroundHandlers } from '../messaging/background-handlers.ts';
import { ensurePeriodicAlarm, onAlarm } from '../scheduling/alarms.ts';
import { badgeFor, showBadge } from '../status/badge.ts';
import { policyItem } from '../storage/items.ts';
import { openNoticeOnInstall } from '../trust/notice.ts';
import { createClipMenus, listenForClipRequests } from '../highlights/commands.ts';

// Extension pages forbid eval: without this zod probes `new Function` and logs a CSP violation.
z.config({ jitless: true });

export default defineBackground(() => {
  const client = createServerClient({ onTokenRefused: markSignInNeeded });
  const now = () => Date.now();
  const recorder = createRecorder({
    now,
    onSegmentsClosed: () => void flush(),
    onStep: ({ before, after, totals, nowMs, timeZone }) => {
      void showBadge(badgeFor(after, totals, nowMs, timeZone));
      void showPresence(before, after);
    },
  });
  const policyDeps = { client, recorder, now };
  const refresh = () => void refreshPolicy(policyDeps);
  const flush = (options?: { force?: boolean }) =>
    flushOutbox({ client, now, onPolicyVersion: (version) => void refreshIfNewer(policyDeps, version) }, options);

  listenForSignals(recorder);
  serveMessages(backgroundHandlers({ client, recorder, now, flush }));
  onAlarm(SYNC_ALARM, () => void flush());
  onAlarm(POLICY_ALARM, refresh);
  browser.runtime.onStartup.addListener(refresh);
  browser.runtime.onInstalled.addListener(refresh);
  browser.runtime.onInstalled.addListener(openNoticeOnInstall);
  // Clipping outside designated pages happens only on an explicit request (context menu, command).
  listenForClipRequests();
  browser.runtime.onInstalled.addListener(() => void createClipMenus());
  browser.runtime.onStartup.addListener(() => void createClipMenus());

  void ensurePeriodicAlarm(SYNC_ALARM, SYNC_INTERVAL_MINUTES);
  void ensurePeriodicAlarm(POLICY_ALARM, POLICY_REFRESH_MINUTES);
  void policyItem.getValue().then((stored) => syncDesignatedPageScripts(stored?.policy ?? null)).catch(() => undefined);
  void startTracking(recorder).then(() => flush());
});
