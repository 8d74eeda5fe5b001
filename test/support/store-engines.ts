// The store contract's test harness: each suite runs once per engine, the embedded store in a fresh
// temp folder and PostgreSQL in a database of its own per test file (emptied before each test), so a
// case written once holds for both.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe } from 'vitest';
import { openLowdbStore } from '../../server/store/lowdb-store.ts';
import { resetDatabase } from '../../server/store/postgres/database.ts';
import { openPostgresStore } from '../../server/store/postgres/postgres-store.ts';
import type { Store } from '../../server/store/store-contract.ts';
import { freshDatabase } from './postgres-database.ts';

export const ENGINES = ['embedded', 'postgres'] as const;
export type Engine = (typeof ENGINES)[number];

export interface EngineContext {
  readonly engine: Engine;
  /** Opens a store on this test's data (a second open after close sees what the first kept). */
  open(options: { clock: () => number; timeZone?: string }): Promise<Store>;
}

/** Declares the suite `body` once per engine. */
export function describeEachEngine(title: string, body: (ctx: EngineContext) => void): void {
  describe.each(ENGINES)(`${title} (%s)`, (engine) => {
    let databaseUrl = '';
    let dir = '';
    const opened: Store[] = [];
    beforeAll(async () => {
      if (engine === 'postgres') databaseUrl = await freshDatabase(title);
    });
    beforeEach(async () => {
      if (engine === 'postgres') await resetDatabase(databaseUrl);
      else dir = await mkdtemp(path.join(tmpdir(), 'studytrail-contract-'));
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
      if (engine === 'embedded') await rm(dir, { recursive: true, force: true });
    });
    body({
      engine,
      async open({ clock, timeZone = 'Asia/Shanghai' }) {
        const store = engine === 'postgres' ? await openPostgresStore(databaseUrl, { clock, timeZone }) : await openLowdbStore(dir, { clock, timeZone });
        opened.push(store);
        return store;
      },
    });
  });
}
