// State of the popup: the background's status, asked again every few seconds while the popup is open
// so the minutes and the counting line stay current, plus the actions the popup offers.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { callBackground } from '../../messaging/client.ts';
import type { Status } from '../../status/read-status.ts';
import { popupPortName } from '../../tracking/popup-port.ts';

const REFRESH_MS = 5_000;

export interface PopupModel {
  readonly status: Status | null;
  /** The server's credited seconds for today (all devices), null until known or when it cannot say. */
  readonly serverTodaySeconds: number | null;
  setPaused(paused: boolean): void;
  /** Asks for access to the policy's sites still missing; must run inside the click. */
  grantAccess(): void;
}

export function usePopupModel(): PopupModel {
  const [status, setStatus] = useState<Status | null>(null);
  const [serverTodaySeconds, setServerTodaySeconds] = useState<number | null>(null);
  useEffect(() => {
    // Asked once per opening: the server's figure moves only as segments arrive there.
    void callBackground({ type: 'getServerToday' }).then((reply) => reply.ok && setServerTodaySeconds(reply.value));
  }, []);
  useEffect(() => {
    let stopped = false;
    let port: ReturnType<typeof browser.runtime.connect> | null = null;
    let popupWindowId: number | undefined;
    const load = async () => {
      const reply = await callBackground({ type: 'getStatus', popupWindowId });
      if (!stopped && reply.ok) setStatus(reply.value);
    };
    // The toolbar popup belongs to a browser window, which is in front of the person while the popup is
    // open: the background hears so with every status request, and hears the popup close when the port
    // drops. The same page opened in a tab (it has one) claims nothing.
    void Promise.all([browser.tabs.getCurrent(), browser.windows.getCurrent()])
      .then(([tab, window]) => {
        if (tab !== undefined || window.id === undefined || stopped) return;
        popupWindowId = window.id;
        port = browser.runtime.connect({ name: popupPortName(window.id) });
      })
      .catch(() => undefined)
      .then(load);
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
      port?.disconnect();
    };
  }, []);

  const setPaused = useCallback((paused: boolean) => {
    void callBackground({ type: 'setPaused', paused }).then((reply) => {
      if (reply.ok) setStatus(reply.value);
    });
  }, []);

  const grantAccess = useCallback(() => {
    const origins = status?.missingOrigins ?? [];
    if (origins.length === 0) return;
    void browser.permissions
      .request({ origins: [...origins] })
      .catch(() => false)
      .then(() => callBackground({ type: 'getStatus' }))
      .then((reply) => reply.ok && setStatus(reply.value));
  }, [status]);

  return { status, serverTodaySeconds, setPaused, grantAccess };
}

/**
 * Whether the popup must say why the two figures for today differ: they are shown in whole minutes,
 * so only a difference the person can see needs the explanation.
 */
export function todayFiguresDiffer(deviceSeconds: number, serverSeconds: number | null): boolean {
  return serverSeconds !== null && wholeMinutes(deviceSeconds) !== wholeMinutes(serverSeconds);
}

/** Whole minutes, rounded down: a minute is shown once it has been counted. */
export function wholeMinutes(seconds: number): number {
  return Math.floor(seconds / 60);
}
