// The policy history, read once and kept, for every sync request reads it (its checks and its stamp).
// Policy versions are only ever added, by a resource or settings change in any server process on the
// database; the transaction that adds one also sends a notification (POLICY_CHANNEL, delivered when it
// commits), and each process listens on a connection of its own and drops its copy on hearing it.
// While that connection is down nothing can be heard, so nothing is kept: every call reads the database,
// as before the cache, and a reconnection drops the copy again (a change may have been missed meanwhile).
import pg from 'pg';
import type { PolicyVersionRecord } from '../store-contract.ts';

/** The channel a new policy version is announced on (postgres-store.ts sends it). */
export const POLICY_CHANNEL = 'studytrail_policy';
/** The waits before listening again after the connection is lost, one per failure in a row; the last repeats. */
const RECONNECT_MS = [500, 1000, 2000, 5000, 10_000];

export interface PolicyCacheOptions {
  url: string;
  /** Reads the whole history from the database, oldest first. */
  read: () => Promise<PolicyVersionRecord[]>;
}

export class PolicyCache {
  private client: pg.Client | null = null;
  /** Bumped by every notification, reconnection and loss: a read begun before it is not kept. */
  private generation = 0;
  private kept: { generation: number; history: Promise<PolicyVersionRecord[]> } | null = null;
  private failures = 0;
  private retry: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly options: PolicyCacheOptions) {}

  /** True while a notification would be heard, so a kept history is current. */
  get listening(): boolean {
    return this.client !== null;
  }

  /** Starts listening; resolves when the first attempt has succeeded or failed (a failure retries in the background). */
  async start(): Promise<void> {
    await this.listen();
  }

  /** The history, read from the database only when no current copy is kept. Treat it as read-only: it is shared. */
  history(): Promise<PolicyVersionRecord[]> {
    if (!this.listening) return this.options.read();
    if (this.kept?.generation === this.generation) return this.kept.history;
    const kept = { generation: this.generation, history: this.options.read() };
    this.kept = kept;
    // A failed read is not kept: the next call asks again.
    kept.history.catch(() => {
      if (this.kept === kept) this.kept = null;
    });
    return kept.history;
  }

  /** Forgets the kept history (a version was added, here or in another process). */
  invalidate(): void {
    this.generation++;
    this.kept = null;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    this.invalidate();
    await client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.options.url, keepAlive: true, keepAliveInitialDelayMillis: 10_000 });
    let lost = false;
    const lose = (err?: Error) => {
      if (lost) return;
      lost = true;
      if (this.client === client) this.client = null;
      this.invalidate();
      if (this.closed) return;
      if (err) console.error('StudyTrail store: lost the connection that hears policy changes; reading the policy at every sync until it is back', err);
      void client.end().catch(() => undefined);
      const wait = RECONNECT_MS[Math.min(this.failures++, RECONNECT_MS.length - 1)]!;
      this.retry = setTimeout(() => {
        this.retry = null;
        void this.listen();
      }, wait);
      this.retry.unref();
    };
    client.on('error', lose);
    client.on('end', () => lose(new Error('the connection ended')));
    client.on('notification', (message) => {
      if (message.channel === POLICY_CHANNEL) this.invalidate();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${POLICY_CHANNEL}`);
    } catch (err) {
      lose(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    if (this.closed || lost) {
      await client.end().catch(() => undefined);
      return;
    }
    // Anything kept was read while nobody listened: a change may have been missed.
    this.invalidate();
    this.failures = 0;
    this.client = client;
  }
}
