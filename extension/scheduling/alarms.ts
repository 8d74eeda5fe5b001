// Periodic work in the service worker runs on alarms, never timers: a stopped worker keeps no timers,
// but an alarm wakes it up again.
import { browser } from 'wxt/browser';

/** Creates the periodic alarm unless one with the same period exists (re-creating would delay it). */
export async function ensurePeriodicAlarm(name: string, periodInMinutes: number): Promise<void> {
  const existing = await browser.alarms.get(name);
  if (existing?.periodInMinutes === periodInMinutes) return;
  await browser.alarms.create(name, { periodInMinutes, delayInMinutes: periodInMinutes });
}

/** Calls fn whenever the named alarm fires. Must be called while the worker starts, like every listener. */
export function onAlarm(name: string, fn: () => void): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === name) fn();
  });
}
