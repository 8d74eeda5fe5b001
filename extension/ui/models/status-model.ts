// State of the popup: the background's status, asked again every few seconds while the popup is open
// so the minutes and the "counting now" line stay current.
import { useEffect, useState } from 'preact/hooks';
import { callBackground } from '../../messaging/client.ts';
import type { Status } from '../../messaging/protocol.ts';

const REFRESH_MS = 5_000;

export function useStatus(): Status | null {
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
  return status;
}

/** Whole minutes, rounded down: a minute is shown once it has been counted. */
export function wholeMinutes(seconds: number): number {
  return Math.floor(seconds / 60);
}
