// A store that counts what it is asked (and how long each kind of call took), for tests that a report
// reads its inputs in a fixed number of store calls and SQL statements whatever the number of people
// (issue 19), and for the PostgreSQL bench's profile of a report.
import pg from 'pg';
import type { Store } from '../../server/store/store-contract.ts';

export interface StoreCalls {
  /** Calls since the last reset, by method (`programme.` prefixed for the programme store's). */
  readonly counts: Map<string, number>;
  /** Milliseconds from call to settling, summed by method (calls made together overlap). */
  readonly ms: Map<string, number>;
  total(): number;
  reset(): void;
}

function counted<T extends object>(target: T, prefix: string, calls: StoreCalls, inner: Record<string, object> = {}): T {
  const add = (map: Map<string, number>, key: string, n: number) => map.set(key, (map.get(key) ?? 0) + n);
  return new Proxy(target, {
    get(object, key, receiver) {
      if (typeof key === 'string' && key in inner) return inner[key];
      const value: unknown = Reflect.get(object, key, receiver);
      if (typeof value !== 'function' || typeof key !== 'string') return value;
      return (...args: unknown[]) => {
        const name = prefix + key;
        add(calls.counts, name, 1);
        const began = performance.now();
        const result = (value as (...a: unknown[]) => unknown).apply(object, args);
        if (result instanceof Promise) void result.finally(() => add(calls.ms, name, performance.now() - began)).catch(() => undefined);
        else add(calls.ms, name, performance.now() - began);
        return result;
      };
    },
  });
}

/** `wrap` goes to startApiServer's storeForApp (or createApp); `calls` counts what the app asked of it. */
export function countingStore(): { wrap: (store: Store) => Store; calls: StoreCalls } {
  const counts = new Map<string, number>();
  const ms = new Map<string, number>();
  const calls: StoreCalls = {
    counts,
    ms,
    total: () => [...counts.values()].reduce((a, b) => a + b, 0),
    reset: () => {
      counts.clear();
      ms.clear();
    },
  };
  return { wrap: (store) => counted(store, '', calls, { programme: counted(store.programme, 'programme.', calls) }), calls };
}

/**
 * How many SQL statements the PostgreSQL driver runs during `during()` in this process (a store opened
 * here, as the API tests' in-process app's is): every statement goes through a client's `query`, a
 * pool's included.
 */
export async function sqlStatementsDuring(during: () => Promise<void>): Promise<number> {
  const query = pg.Client.prototype.query;
  let statements = 0;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    statements += 1;
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  try {
    await during();
    return statements;
  } finally {
    pg.Client.prototype.query = query;
  }
}
