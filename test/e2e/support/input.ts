// Real input through the X server (XTest via xdotool): the only input that moves chrome.idle, because
// Chromium asks the X server how long the person has been idle. Playwright's CDP input does not.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Person {
  /** Nudges the mouse by a pixel and back: input without clicking anything. */
  nudge(): Promise<void>;
  /** Keeps nudging every few seconds (well inside chrome.idle's 15 s minimum) until stopped. */
  stayActive(): void;
  stopActivity(): void;
}

export function personAt(display: string | undefined): Person {
  const env = { ...process.env, ...(display ? { DISPLAY: display } : {}) };
  let timer: NodeJS.Timeout | null = null;
  const nudge = async () => {
    await run('xdotool', ['mousemove_relative', '--', '1', '0'], { env });
    await run('xdotool', ['mousemove_relative', '--', '-1', '0'], { env });
  };
  return {
    nudge,
    stayActive() {
      if (timer !== null) return;
      void nudge();
      timer = setInterval(() => void nudge().catch(() => undefined), 4_000);
    },
    stopActivity() {
      if (timer !== null) clearInterval(timer);
      timer = null;
    },
  };
}
