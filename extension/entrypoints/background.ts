// The service worker: creates the parts and connects them to browser events. Everything is registered
// synchronously on every start, because an MV3 worker is started again for each event it missed.
import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { createServerClient } from '../sync/server-client.ts';
import { flushOutbox, SYNC_ALARM, SYNC_INTERVAL_MINUTES } from '../sync/flush.ts';
import { createRecorder } from '../tracking/recorder.ts';
import { listenForSignals, startTracking } from '../tracking/browser-signals.ts';
import { POLICY_ALARM, POLICY_REFRESH_MINUTES, refreshPolicy } from '../account/policy-refresh.ts';
import { serveMessages } from '../messaging/serve.ts';
import { backgroundHandlers } from '../messaging/background-handlers.ts';
import { ensurePeriodicAlarm, onAlarm } from '../scheduling/alarms.ts';
import { openNoticeOnInstall } from '../trust/notice.ts';
import { policyItem } from '../storage/items.ts';
import { registerContentScripts } from '../highlights/registration.ts';
import { createClipMenus, listenForClipRequests } from '../highlights/commands.ts';

// Extension pages forbid eval: without this zod probes `new Function` and logs a CSP violation.
z.config({ jitless: true });

export default defineBackground(() => {
  const client = createServerClient();
  const now = () => Date.now();
  const flush = (options?: { force?: boolean }) => flushOutbox({ client, now }, options);
  const recorder = createRecorder({ now, onSegmentsClosed: () => void flush() });
  const refresh = () => void refreshPolicy({ client, recorder, now });

  listenForSignals(recorder);
  serveMessages(backgroundHandlers({ client, recorder, now, flush }));
  onAlarm(SYNC_ALARM, () => void flush());
  onAlarm(POLICY_ALARM, refresh);
  browser.runtime.onStartup.addListener(refresh);
  browser.runtime.onInstalled.addListener(refresh);
  browser.runtime.onInstalled.addListener(openNoticeOnInstall);
  // Highlights: content scripts follow the policy; clipping elsewhere only on an explicit request.
  const register = () => void policyItem.getValue().then((p) => registerContentScripts(p?.policy ?? null));
  policyItem.watch(register);
  listenForClipRequests();
  browser.runtime.onInstalled.addListener(() => void createClipMenus());
  browser.runtime.onStartup.addListener(() => void createClipMenus());

  void ensurePeriodicAlarm(SYNC_ALARM, SYNC_INTERVAL_MINUTES);
  void ensurePeriodicAlarm(POLICY_ALARM, POLICY_REFRESH_MINUTES);
  void startTracking(recorder).then(() => flush());
  register();
});
