// The one handler map of the background: every request the extension's pages can make, in one place.
import { signIn, signOut, type AccountDeps } from '../account/sign-in.ts';
import { readStatus } from '../status/read-status.ts';
import type { Handlers } from './protocol.ts';
import { noteHandlers } from '../highlights/notes/note-handlers.ts';

export function backgroundHandlers(deps: AccountDeps): Handlers {
  return {
    ...noteHandlers({ now: deps.now, flush: () => deps.flush(), forceFlush: () => deps.flush({ force: true }) }),
    getStatus: () => readStatus(deps.now()),
    signIn: (request) => signIn(deps, request),
    signOut: () => signOut(deps),
  };
}
