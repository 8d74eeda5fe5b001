// One queue for every read-modify-write of extension storage made by the service worker, so that the
// tracker appending segments and the sync removing them never overwrite each other.

let tail: Promise<unknown> = Promise.resolve();

/** Runs fn after every previously queued task has settled; its result or error is passed through. */
export function withStorageLock<T>(fn: () => Promise<T>): Promise<T> {
  const run = tail.then(fn, fn);
  tail = run.catch(() => undefined);
  return run;
}
