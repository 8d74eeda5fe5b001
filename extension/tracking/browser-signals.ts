// Thin adapters from browser events to tracking signals. Without the `tabs` permission the browser
// shows url and title only for sites the person granted access to: every other tab arrives with
// url undefined, which the engine treats as "not designated" (the privacy design, not a limitation).
import { browser, type Browser } from 'wxt/browser';
import { CHECKPOINT_INTERVAL_MS } from './machine.ts';
import type { Recorder } from './recorder.ts';
import type { Signal, TabView, World } from './types.ts';
import { ensurePeriodicAlarm, onAlarm } from '../scheduling/alarms.ts';
import { DEFAULT_TRACKING_SETTINGS } from '../../shared/schemas/policy.ts';
import { policyItem } from '../storage/items.ts';
import { rulesFromPolicy } from './rules.ts';
import { popupWindowOf } from './popup-port.ts';
import type { IdleState, TrackerState, TrackingRules } from '../storage/tracker-state.ts';

const CHECKPOINT_ALARM = 'tracking-checkpoint';

/** Registers every listener; call synchronously when the worker starts so no event is missed. */
export function listenForSignals(recorder: Recorder): void {
  browser.tabs.onActivated.addListener(({ tabId }) => {
    void recorder.dispatch(async () => {
      const tab = await browser.tabs.get(tabId).catch(() => undefined);
      const view = tab && toTabView(tab);
      return view ? { type: 'tabActivated', tab: view } : null;
    });
    void recheckFocus(recorder);
  });
  browser.tabs.onUpdated.addListener((_tabId, change, tab) => {
    // Navigation shows up as `status` even where url and title are hidden from us.
    if (!tab.active || !('url' in change || 'title' in change || 'status' in change)) return;
    const view = toTabView(tab);
    if (view) void recorder.dispatch(() => ({ type: 'tabUpdated', tab: view }));
    void recheckFocus(recorder);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void recorder.dispatch(() => ({ type: 'tabRemoved', tabId }));
  });
  browser.windows.onFocusChanged.addListener((windowId) => {
    void recorder.dispatch(() => focusSignal(windowId));
    // The "no window" Chromium sends when its own popup opens is wrong: the popup's window is in front.
    if (windowId === browser.windows.WINDOW_ID_NONE && popupWindowId !== null) void recheckFocus(recorder);
  });
  browser.idle.onStateChanged.addListener((idle) => {
    void recorder.dispatch(() => ({ type: 'idleStateChanged', idle: idle as IdleState }));
  });
  // Granting or revoking access changes which tabs we can see: look again.
  const lookAgain = () => void recorder.dispatch(observeSignal);
  browser.permissions.onAdded.addListener(lookAgain);
  browser.permissions.onRemoved.addListener(lookAgain);
  onAlarm(CHECKPOINT_ALARM, () => {
    void recorder.dispatch(() => ({ type: 'checkpoint' }));
    void recheckFocus(recorder);
  });
  browser.runtime.onConnect.addListener((port) => {
    const windowId = popupWindowOf(port.name);
    if (windowId === null) return;
    popupWindowId = windowId;
    void recheckFocus(recorder);
    port.onDisconnect.addListener(() => {
      if (popupWindowId === windowId) popupWindowId = null;
      // Chromium sends no focus event when its popup closes, and may learn of the click that closed
      // it a moment later: look now and again shortly.
      void recheckFocus(recorder);
      setTimeout(() => void recheckFocus(recorder), RECHECK_AFTER_POPUP_MS);
    });
  });
}

/** The window whose toolbar popup is open: the person is at it, whatever the focus events said. */
let popupWindowId: number | null = null;

/** A second look after the popup closes; a short timer is safe here (the popup's port kept the worker up). */
const RECHECK_AFTER_POPUP_MS = 500;

/** Looks again at the window in front of the person: call whenever evidence that they are there arrives. */
export function recheckFocus(recorder: Recorder): Promise<void> {
  return recorder.dispatch(focusCheckSignal);
}

/** The popup's own window is in front of the person while the popup asks for its status. */
export function popupShown(recorder: Recorder, windowId: number): Promise<void> {
  popupWindowId = windowId;
  return recheckFocus(recorder);
}

async function focusCheckSignal(): Promise<Signal> {
  const windowId = popupWindowId ?? (await focusedWindowId());
  return { type: 'focusChecked', windowId, activeTab: await activeTabOf(windowId) };
}

/**
 * Schedules checkpoints and resumes the engine from storage with the stored policy, looking at the
 * browser afresh: the open segment continues if nothing changed while the worker was stopped.
 */
export async function startTracking(recorder: Recorder): Promise<void> {
  await ensurePeriodicAlarm(CHECKPOINT_ALARM, CHECKPOINT_INTERVAL_MS / 60_000);
  await applyRules(recorder, rulesFromPolicy((await policyItem.getValue())?.policy ?? null));
}

/** Applies new rules, then looks at the browser again (a page the old rules ignored may now count). */
export async function applyRules(recorder: Recorder, rules: TrackingRules | null): Promise<void> {
  await applyIdleThreshold(rules);
  await recorder.dispatch(() => ({ type: 'policyChanged', rules }));
  await recorder.dispatch(observeSignal);
}

async function observeSignal(state: TrackerState): Promise<Signal> {
  return { type: 'observed', world: await observeWorld(idleSecondsOf(state.rules)) };
}

/** The focused window, its active tab and the idle state, as the browser reports them now. */
async function observeWorld(idleSeconds: number): Promise<World> {
  const [windowId, idle] = await Promise.all([focusedWindowId(), browser.idle.queryState(idleSeconds)]);
  return { focusedWindowId: windowId, activeTab: await activeTabOf(windowId), idle: idle as IdleState };
}

/** The focused browser window as the browser reports it now, null when none is. */
async function focusedWindowId(): Promise<number | null> {
  try {
    const focused = await browser.windows.getLastFocused();
    return focused.focused && focused.id !== undefined ? focused.id : null;
  } catch {
    return null; // no browser window exists (yet)
  }
}

async function focusSignal(windowId: number): Promise<Signal> {
  const focused = windowId === browser.windows.WINDOW_ID_NONE ? null : windowId;
  return { type: 'windowFocusChanged', windowId: focused, activeTab: await activeTabOf(focused) };
}

async function activeTabOf(windowId: number | null): Promise<TabView | null> {
  if (windowId === null) return null;
  const [tab] = await browser.tabs.query({ active: true, windowId }).catch(() => []);
  return (tab && toTabView(tab)) ?? null;
}

function toTabView(tab: Browser.tabs.Tab): TabView | null {
  if (tab.id === undefined) return null;
  return { tabId: tab.id, windowId: tab.windowId, url: tab.url, title: tab.title };
}

function idleSecondsOf(rules: TrackingRules | null): number {
  return rules?.idleSeconds ?? DEFAULT_TRACKING_SETTINGS.idleSeconds;
}

async function applyIdleThreshold(rules: TrackingRules | null): Promise<void> {
  browser.idle.setDetectionInterval(idleSecondsOf(rules));
}
