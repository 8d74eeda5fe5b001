// The one handler map of the background: every request the extension's pages and its content scripts
// can make, in one place.
import { signIn, signOut, type AccountDeps } from '../account/sign-in.ts';
import { readStatus } from '../status/read-status.ts';
import { serverTodaySeconds } from '../status/server-today.ts';
import { clockJumpedSignal, pageStateSignal } from '../tracking/page-signals.ts';
import { popupShown, recheckFocus } from '../tracking/browser-signals.ts';
import type { Handlers } from './protocol.ts';
import { noteHandlers } from '../highlights/notes/note-handlers.ts';
import { programmeHandlers } from '../programme/programme-handlers.ts';

export function backgroundHandlers(deps: AccountDeps): Handlers {
  return {
    ...noteHandlers({ now: deps.now, flush: () => deps.flush(), forceFlush: () => deps.flush({ force: true }) }),
    ...programmeHandlers({ now: deps.now, client: deps.client }),
    getStatus: async ({ popupWindowId }) => {
      if (popupWindowId !== undefined) await popupShown(deps.recorder, popupWindowId);
      return readStatus(deps.now());
    },
    getServerToday: () => serverTodaySeconds(deps.client, deps.now()),
    signIn: (request) => signIn(deps, request),
    signOut: () => signOut(deps),
    setPaused: async ({ paused }) => {
      await deps.recorder.dispatch(() => ({ type: 'pauseChanged', paused }));
      return readStatus(deps.now());
    },
    pageState: async (request, sender) => {
      await deps.recorder.dispatch(() => pageStateSignal(request, sender));
      // Input, a page shown or hidden: evidence worth a fresh look at which window is in front.
      await recheckFocus(deps.recorder);
      return null;
    },
    presenceConfirmed: async () => {
      await deps.recorder.dispatch(() => ({ type: 'presenceConfirmed' }));
      return null;
    },
    clockJumped: async (request) => {
      await deps.recorder.dispatch(() => clockJumpedSignal(request));
      return null;
    },
  };
}
