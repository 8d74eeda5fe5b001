// Every key the extension persists, declared once with its type, fallback and version. The service
// worker can stop at any moment, so everything that must survive it lives here (storage.local). Stored
// shapes with no lower home (session, policy, parked outbox, sync status) are declared here too, and the
// modules working on them import them from here: storage/ never imports sync/ or programme/.
// Nothing else in the extension names a storage key; a test enforces it.
import { storage, type StorageItemKey, type WxtStorageItem } from 'wxt/utils/storage';
import type { User } from '../../shared/schemas/auth.ts';
import type { Policy } from '../../shared/schemas/policy.ts';
import type { ReadingItem } from '../../shared/schemas/programme-plans.ts';
import type { Segment, Rejection } from '../../shared/schemas/sync.ts';
import { migrateTrackerV1, migrateDailyTotalV1 } from './migrations.ts';
import { INITIAL_STATE, type DayTotals, type TrackerState } from './tracker-state.ts';
import type { NotesBook } from './notes-book.ts';

/** The version of each item declared above 1 (WXT's items do not expose theirs). */
const VERSIONS = new Map<string, number>();

function versioned<T>(item: WxtStorageItem<T, Record<string, unknown>>, version: number): typeof item {
  VERSIONS.set(item.key, version);
  return item;
}

/** One value to write with writeItems. */
// `any`: one list holds writes of items of different types (an item's type is invariant).
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export interface ItemWrite<T = any> {
  readonly item: WxtStorageItem<T, Record<string, unknown>>;
  readonly value: T;
}

/**
 * Writes several items at once (one storage call), each with its version beside it. WXT's own
 * storage.setItems writes values only: a value written that way without a version is taken for v1 at
 * the next start and "migrated", which once turned every new day total into garbage (36 s lost).
 */
export async function writeItems(writes: readonly ItemWrite[]): Promise<void> {
  const entries: { key: StorageItemKey; value: unknown }[] = [];
  for (const { item, value } of writes) {
    entries.push({ key: item.key, value });
    const version = VERSIONS.get(item.key);
    if (version !== undefined) entries.push({ key: `${item.key}$` as StorageItemKey, value: { v: version } });
  }
  await storage.setItems(entries);
}

export interface Session {
  /** Base URL of the StudyTrail server, without trailing slash. */
  readonly server: string;
  readonly token: string;
  readonly user: User;
  /** The server answered 401: the person must sign in again; the outbox waits for them. */
  readonly needsSignIn: boolean;
}

export interface StoredPolicy {
  readonly policy: Policy;
  readonly fetchedAt: number;
  /** The server's ETag for this policy, sent back as If-None-Match so an unchanged policy costs a 304. */
  readonly etag?: string;
}

/** The must-read books last fetched for one person and year: the note editor's picker offline. */
export interface StoredMustReadBooks {
  /** `ownerOf(server, userId)`: another person signing in never sees this list. */
  readonly owner: string;
  readonly year: number;
  /** The picker's books (programme-protocol.ts's MustReadBook): what a note links to and shows. */
  readonly books: readonly Readonly<Pick<ReadingItem, 'id' | 'title'>>[];
  readonly fetchedAt: number;
}

/** Unsent segments that belong to one account on one server (sync/outbox.ts parks and unparks them). */
export interface ParkedOutbox {
  readonly owner: string;
  readonly segments: readonly Segment[];
}

/** How sending went lately; sync/backoff.ts decides from it when to try again. */
export interface SyncStatus {
  /** Consecutive failed attempts since the last success. */
  readonly failures: number;
  /** Epoch ms before which automatic flushes wait; null when not backing off. */
  readonly nextAttemptAt: number | null;
  readonly lastSyncAt: number | null;
  readonly lastError: string | null;
}

export interface RejectedSegment extends Rejection {
  readonly at: number;
}

export const sessionItem = storage.defineItem<Session | null>('local:session', { fallback: null, version: 1 });

export const policyItem = storage.defineItem<StoredPolicy | null>('local:policy', { fallback: null, version: 1 });

export const mustReadBooksItem = storage.defineItem<StoredMustReadBooks | null>('local:mustReadBooks', { fallback: null, version: 1 });

export const trackerItem = versioned(
  storage.defineItem<TrackerState>('local:tracker', {
    fallback: INITIAL_STATE,
    version: 2,
    migrations: { 2: migrateTrackerV1 },
  }),
  2,
);

/** Closed segments of the signed-in person not yet accepted or rejected by the server, oldest first. */
export const outboxItem = storage.defineItem<Segment[]>('local:outbox', { fallback: [], version: 1 });

/**
 * Ids of outbox segments that have been in a request whose answer never arrived: the server may hold
 * them already, so they are sent again exactly as they are and never merged with a neighbour.
 */
export const offeredItem = storage.defineItem<string[]>('local:offered', { fallback: [], version: 1 });

/** Unsent segments of people who signed out while the server was unreachable, kept for their return. */
export const parkedItem = storage.defineItem<ParkedOutbox[]>('local:parked', { fallback: [], version: 1 });

export const syncStatusItem = storage.defineItem<SyncStatus>('local:syncStatus', {
  fallback: { failures: 0, nextAttemptAt: null, lastSyncAt: null, lastError: null },
  version: 1,
});

/** The latest segments the server refused, with its reason, so the person can be told. */
export const rejectedItem = storage.defineItem<RejectedSegment[]>('local:rejected', { fallback: [], version: 1 });

/** Seconds counted on this browser per local day, for the badge and the popup. */
export const dailyTotalItem = versioned(
  storage.defineItem<DayTotals | null>('local:dailyTotal', {
    fallback: null,
    version: 2,
    migrations: { 2: migrateDailyTotalV1 },
  }),
  2,
);

/** Identifies this browser profile to the server; created once. */
export const deviceIdItem = storage.defineItem<string>('local:deviceId', {
  init: () => crypto.randomUUID(),
  version: 1,
});

/**
 * Set by the organisation's enterprise policy (managed storage, read-only; schema in
 * public/managed_schema.json) and validated in account/managed-config.ts, hence `unknown` here.
 */
export const managedServerUrlItem = storage.defineItem<unknown>('managed:serverUrl');
export const managedOrganisationNameItem = storage.defineItem<unknown>('managed:organisationName');

/**
 * Each account's notes on this browser, by owner (`ownerOf(server, userId)`): the notes, the versions
 * waiting to be sent with the outbox, and the sync cursor. Another person signing in sees only theirs.
 */
export const notesItem = storage.defineItem<Record<string, NotesBook>>('local:notes', { fallback: {}, version: 1 });
