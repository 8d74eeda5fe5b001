// State of the popup: the background's status, asked again every few seconds while the popup is open
// so the minutes and the counting line stay current, plus the actions the popup offers.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { callBackground } from '../../messaging/client.ts';
import type { Status } from '../../messaging/protocol.ts';

const REFRESH_MS = 5_000;

export interface PopupModel {
  readonly status: Status | null;
  setPaused(paused: boolean): void;
  /** Asks for access to the policy's sites still missing; must run inside the click. */
  grantAccess(): void;
}

export function usePopupModel(): PopupModel {
  const [status, setStatus] = useState<Status | null>(null);
  useEffect(() => {
    let stopped = false;
    const load = async () => {
      const reply = await callBackground({ type: 'getStatus' });
      if (!stopped && reply.ok) setStatus(reply.value);
    };
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
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

  return { status, setPaused, grantAccess };
}

/** Whole minutes, rounded down: a minute is shown once it has been counted. */
export function wholeMinutes(seconds: number): number {
  return Math.floor(seconds / 60);
}
