// The limiter (limits/limiter.ts) on PostgreSQL: sign-in attempts and sync buckets in the tables of
// migration 090-limits.sql, so any number of server processes on one database count as one server.
// A sign-in reservation takes a transaction-scoped advisory lock per key (in the lock ids' order, so two
// reservations never wait on each other in a circle), counts, and inserts in that transaction: guesses
// sent at once through different processes are counted one after another, never all before the first.
// A sync take is one upsert, atomic on the bucket's row.
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Limiter, LimiterFactory, SignInHold } from '../../limits/limiter.ts';
import type { Limits } from '../../limits/limits.ts';

/** The first key of this file's advisory locks; the store's own use 1 to 4 (postgres-store.ts). */
const LIMIT_LOCK = 90;
/** Expired rows of keys not seen again are swept every this many calls of each process. */
const SWEEP_EVERY = 1000;

/** A key's lock id: 32 bits of its SHA-256 (two keys sharing one only take turns, never wrongly count). */
function lockId(key: string): number {
  return createHash('sha256').update(key).digest().readInt32BE(0);
}

export interface PostgresLimiter {
  readonly factory: LimiterFactory;
  /** Closes the limiter's connections. */
  close(): Promise<void>;
}

/**
 * A limiter on the database at `url`, whose schema the store has already migrated (openPostgresStore
 * applies 090-limits.sql with the rest). Its own small pool, so counting never waits behind reports.
 */
export function openPostgresLimiter(url: string, poolSize = 4): PostgresLimiter {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', (err) => console.error('StudyTrail limiter: a PostgreSQL connection failed', err));
  return { factory: (limits, clock) => postgresLimiter(pool, limits, clock), close: () => pool.end() };
}

export function postgresLimiter(pool: pg.Pool, limits: Limits, clock: () => number): Limiter {
  let calls = 0;
  const sweepNow = () => ++calls % SWEEP_EVERY === 0;

  async function reserveSignIn({ account, address }: { account: string; address: string }): Promise<SignInHold | { retryAfterMs: number }> {
    const now = clock();
    const since = now - limits.loginWindowMs;
    // The account first: when both are at their limit, its wait is the one given (as in memory).
    const keys = [`account:${account}`, `address:${address}`];
    const caps = [limits.loginFailuresPerAccount, limits.loginFailuresPerAddress];
    const client = await pool.connect();
    let ids: string[];
    try {
      await client.query('BEGIN');
      try {
        const locks = [...new Set(keys.map(lockId))].sort((a, b) => a - b);
        await client.query(`SELECT ${locks.map((_, i) => `pg_advisory_xact_lock(${LIMIT_LOCK}, $${i + 1})`).join(', ')}`, locks);
        if (sweepNow()) await client.query('DELETE FROM limit_attempts WHERE at_ms <= $1', [since]);
        else await client.query('DELETE FROM limit_attempts WHERE key = ANY($1) AND at_ms <= $2', [keys, since]);
        // Per key, the attempt `cap` places from the newest: when it exists the key is at its limit,
        // and it frees a place when it leaves the window.
        const full = await client.query<{ key: string; at_ms: string }>(
          `SELECT k.key, (SELECT a.at_ms FROM limit_attempts a WHERE a.key = k.key AND a.at_ms > $3 ORDER BY a.at_ms DESC OFFSET k.cap - 1 LIMIT 1) AS at_ms
             FROM unnest($1::text[], $2::int[]) WITH ORDINALITY AS k(key, cap, n) ORDER BY k.n`,
          [keys, caps, since],
        );
        const first = full.rows.find((r) => r.at_ms !== null);
        if (first) {
          await client.query('ROLLBACK');
          return { retryAfterMs: Number(first.at_ms) + limits.loginWindowMs - now };
        }
        ids = (await client.query<{ id: string }>('INSERT INTO limit_attempts (key, at_ms) SELECT unnest($1::text[]), $2 RETURNING id', [keys, now])).rows.map((r) => r.id);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      }
    } finally {
      client.release();
    }
    return {
      async settle(outcome) {
        if (outcome === 'wrong') await pool.query('UPDATE limit_attempts SET pending = false WHERE id = ANY($1::bigint[])', [ids]);
        // A right password also forgets the account's settled failures; checks still in flight keep counting.
        else if (outcome === 'right') await pool.query('DELETE FROM limit_attempts WHERE id = ANY($1::bigint[]) OR (key = $2 AND NOT pending)', [ids, keys[0]]);
        else await pool.query('DELETE FROM limit_attempts WHERE id = ANY($1::bigint[])', [ids]);
      },
    };
  }

  async function takeSync(key: string): Promise<number> {
    const now = clock();
    const { syncBurst: burst, syncPerSecond: perSecond } = limits;
    if (sweepNow()) {
      await pool.query('DELETE FROM limit_buckets WHERE tokens + GREATEST(0, $1 - at_ms) * $2 / 1000.0 >= $3', [now, perSecond, burst]);
    }
    // SET reads the row as it was, so `refilled` is the same in all three; a clock behind the row's
    // (another process's) refills nothing rather than going back.
    const refilled = `LEAST($2::float8, b.tokens + GREATEST(0, $4 - b.at_ms) * $3::float8 / 1000.0)`;
    // Named: prepared once per connection, as every sync request runs it.
    const { rows } = await pool.query<{ tokens: number; granted: boolean }>({
      name: 'take-sync',
      text: `INSERT INTO limit_buckets AS b (key, tokens, at_ms, granted) VALUES ($1, $2::float8 - 1, $4, true)
       ON CONFLICT (key) DO UPDATE SET
         tokens = CASE WHEN ${refilled} >= 1 THEN ${refilled} - 1 ELSE ${refilled} END,
         granted = ${refilled} >= 1,
         at_ms = GREATEST(b.at_ms, $4)
       RETURNING tokens, granted`,
      values: [key, burst, perSecond, now],
    });
    const { tokens, granted } = rows[0]!;
    return granted ? 0 : Math.ceil(((1 - tokens) / perSecond) * 1000);
  }

  return { reserveSignIn, takeSync };
}
