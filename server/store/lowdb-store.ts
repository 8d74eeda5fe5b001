// The embedded store: one JSON file held by lowdb, indexed in memory. Mutations apply in memory at
// once and resolve only when a write containing them is durable; writes are coalesced so at most one
// is in flight and every mutation made meanwhile rides on the next one.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import type { Policy, TrackingSettings } from '../../shared/schemas/policy.ts';
import type { Segment } from '../../shared/schemas/sync.ts';
import { emptyDocument, parseDocument, type StoreDocument } from './document.ts';
import { DurableJsonFile } from './durable-json-file.ts';
import { newId } from './ids.ts';
import { StateProgrammeStore, type ProgrammeStore } from './programme/programme-store.ts';
import { ProgrammeState } from './programme/state.ts';
import {
  type AuditRecord,
  DuplicateError,
  type ErasedCounts,
  type NewAuditRecord,
  MissingReferenceError,
  type NewResource,
  type NewUnit,
  type NewUser,
  type ResourceRecord,
  type SegmentOutcome,
  type SegmentRecord,
  type Store,
  type TokenRecord,
  type UnitRecord,
  type UserRecord,
} from './records.ts';

export const STORE_FILE_NAME = 'studytrail.json';

export interface OpenStoreOptions {
  /** Epoch milliseconds; stamps createdAt and receivedAt. */
  clock: () => number;
  /** Test seam: called after each durable write, to observe coalescing. */
  onDurableWrite?: () => void;
}

interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
  reject: (err: unknown) => void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

interface IndexedSegment {
  record: SegmentRecord;
  startMs: number;
  endMs: number;
}

/** Opens (or starts) the store in `dataDir`. Throws StoreFileError when the file is unusable. */
export async function openLowdbStore(dataDir: string, options: OpenStoreOptions): Promise<Store> {
  await mkdir(dataDir, { recursive: true });
  const file = path.join(dataDir, STORE_FILE_NAME);
  const db = new Low<StoreDocument>(new DurableJsonFile(file, parseDocument), emptyDocument());
  await db.read();
  return new LowdbStore(db, options);
}

/** Fields a re-sent segment must repeat exactly to count as the same segment. */
const SEGMENT_CONTENT = ['resourceId', 'url', 'title', 'startedAt', 'endedAt', 'mode'] as const;

class LowdbStore implements Store {
  private readonly usersById = new Map<string, UserRecord>();
  private readonly usersByUsername = new Map<string, UserRecord>();
  private readonly unitsById = new Map<string, UnitRecord>();
  private readonly resourcesById = new Map<string, ResourceRecord>();
  private readonly tokensByHash = new Map<string, TokenRecord>();
  private readonly segmentsById = new Map<string, SegmentRecord>();
  private readonly segmentsByPerson = new Map<string, IndexedSegment[]>();

  readonly programme: ProgrammeStore;

  private writing: Promise<void> | null = null;
  private next: Deferred | null = null;
  private closed = false;

  constructor(
    private readonly db: Low<StoreDocument>,
    private readonly options: OpenStoreOptions,
  ) {
    const data = db.data;
    for (const u of data.users) this.indexUser(u);
    for (const u of data.units) this.unitsById.set(u.id, u);
    for (const r of data.resources) this.resourcesById.set(r.id, r);
    for (const t of data.tokens) this.tokensByHash.set(t.tokenHash, t);
    for (const s of data.segments) this.indexSegment(s);
    const programme = new ProgrammeState(data.programme);
    // Programme ops are applied to the state at once; the document's programme section is the state's
    // snapshot taken when the file is serialised, so a burst of marks costs one snapshot per write,
    // not one per mark.
    data.programme = { toJSON: () => programme.snapshot() } as unknown as StoreDocument['programme'];
    this.programme = new StateProgrammeStore(programme, () => this.mutate(() => undefined));
  }

  // ---- durability -------------------------------------------------------------------------------

  /** Resolves once a write that began after this call (so includes the caller's change) is durable. */
  private persist(): Promise<void> {
    if (this.next) return this.next.promise;
    const batch = deferred();
    this.next = batch;
    if (!this.writing) this.startWrite();
    return batch.promise;
  }

  private startWrite(): void {
    const batch = this.next!;
    this.next = null;
    this.writing = this.db.write().then(
      () => {
        this.options.onDurableWrite?.();
        batch.resolve();
      },
      (err: unknown) => batch.reject(err),
    );
    void this.writing.then(() => {
      this.writing = null;
      if (this.next) this.startWrite();
    });
  }

  /** Runs a synchronous change and waits for it to be durable. Checks run before any change. */
  private async mutate<T>(change: (data: StoreDocument) => T): Promise<T> {
    if (this.closed) throw new Error('The store is closed');
    const result = change(this.db.data);
    await this.persist();
    return result;
  }

  async close(): Promise<void> {
    this.closed = true;
    // A queued batch starts as soon as the write ahead of it settles, so loop until neither is left.
    while (this.writing) await this.writing;
  }

  private now(): string {
    return new Date(this.options.clock()).toISOString();
  }

  // ---- people and units -------------------------------------------------------------------------

  private indexUser(u: UserRecord): void {
    this.usersById.set(u.id, u);
    this.usersByUsername.set(u.username.toLowerCase(), u);
  }

  async countUsers(): Promise<number> {
    return this.usersById.size;
  }

  createUser(input: NewUser): Promise<UserRecord> {
    return this.mutate((data) => {
      if (this.usersByUsername.has(input.username.toLowerCase())) {
        throw new DuplicateError('username', `The username "${input.username}" is already taken`);
      }
      if (input.unitId !== null && !this.unitsById.has(input.unitId)) {
        throw new MissingReferenceError('unitId', `There is no unit with id "${input.unitId}"`);
      }
      const user: UserRecord = { id: newId(), ...input, createdAt: this.now() };
      data.users.push(user);
      this.indexUser(user);
      return user;
    });
  }

  async findUserById(id: string): Promise<UserRecord | null> {
    return this.usersById.get(id) ?? null;
  }

  async findUserByUsername(username: string): Promise<UserRecord | null> {
    return this.usersByUsername.get(username.toLowerCase()) ?? null;
  }

  async listUsers(): Promise<UserRecord[]> {
    return [...this.db.data.users];
  }

  createUnit(input: NewUnit): Promise<UnitRecord> {
    return this.mutate((data) => {
      if (input.parentId !== null && !this.unitsById.has(input.parentId)) {
        throw new MissingReferenceError('parentId', `There is no unit with id "${input.parentId}"`);
      }
      const unit: UnitRecord = { id: newId(), name: input.name, parentId: input.parentId, createdAt: this.now() };
      data.units.push(unit);
      this.unitsById.set(unit.id, unit);
      return unit;
    });
  }

  async findUnit(id: string): Promise<UnitRecord | null> {
    return this.unitsById.get(id) ?? null;
  }

  async listUnits(): Promise<UnitRecord[]> {
    return [...this.db.data.units];
  }

  // ---- resources and policy ---------------------------------------------------------------------

  createResource(input: NewResource): Promise<ResourceRecord> {
    return this.mutate((data) => {
      const resource: ResourceRecord = { id: newId(), ...input, patterns: [...input.patterns], createdAt: this.now() };
      data.resources.push(resource);
      data.policyVersion += 1;
      this.resourcesById.set(resource.id, resource);
      return resource;
    });
  }

  async findResource(id: string): Promise<ResourceRecord | null> {
    return this.resourcesById.get(id) ?? null;
  }

  async listResources(): Promise<ResourceRecord[]> {
    return [...this.db.data.resources];
  }

  private policy(): Policy {
    const data = this.db.data;
    return {
      version: data.policyVersion,
      resources: data.resources.map(({ id, name, category, kind, patterns }) => ({
        id,
        name,
        category,
        kind,
        patterns: [...patterns],
      })),
      settings: { ...data.settings },
    };
  }

  async getPolicy(): Promise<Policy> {
    return this.policy();
  }

  updateSettings(settings: TrackingSettings): Promise<Policy> {
    return this.mutate((data) => {
      data.settings = { ...settings };
      data.policyVersion += 1;
      return this.policy();
    });
  }

  // ---- tokens -----------------------------------------------------------------------------------

  saveToken(record: TokenRecord): Promise<void> {
    return this.mutate((data) => {
      data.tokens.push(record);
      this.tokensByHash.set(record.tokenHash, record);
    });
  }

  async findToken(tokenHash: string): Promise<TokenRecord | null> {
    return this.tokensByHash.get(tokenHash) ?? null;
  }

  async deleteToken(tokenHash: string): Promise<void> {
    if (!this.tokensByHash.has(tokenHash)) return;
    await this.mutate((data) => {
      data.tokens = data.tokens.filter((t) => t.tokenHash !== tokenHash);
      this.tokensByHash.delete(tokenHash);
    });
  }

  // ---- segments ---------------------------------------------------------------------------------

  private indexSegment(record: SegmentRecord): void {
    this.segmentsById.set(record.id, record);
    const indexed = { record, startMs: Date.parse(record.startedAt), endMs: Date.parse(record.endedAt) };
    const list = this.segmentsByPerson.get(record.personId);
    if (list) list.push(indexed);
    else this.segmentsByPerson.set(record.personId, [indexed]);
  }

  async recordSegments(input: {
    personId: string;
    deviceId: string;
    segments: readonly Segment[];
  }): Promise<SegmentOutcome[]> {
    if (this.closed) throw new Error('The store is closed');
    const data = this.db.data;
    const outcomes: SegmentOutcome[] = input.segments.map((segment) => {
      const existing = this.segmentsById.get(segment.id);
      if (existing) {
        const same = existing.personId === input.personId && SEGMENT_CONTENT.every((k) => existing[k] === segment[k]);
        return same ? 'duplicate' : 'id_reused';
      }
      const record: SegmentRecord = {
        id: segment.id,
        personId: input.personId,
        deviceId: input.deviceId,
        resourceId: segment.resourceId,
        url: segment.url,
        title: segment.title,
        startedAt: segment.startedAt,
        endedAt: segment.endedAt,
        mode: segment.mode,
        policyVersion: data.policyVersion,
        receivedAt: this.now(),
      };
      data.segments.push(record);
      this.indexSegment(record);
      return 'added';
    });
    // A batch of re-sent segments changes nothing, so there is nothing to write; but an earlier write
    // of those very segments may still be in flight, and "duplicate" must mean "durable" too.
    if (outcomes.includes('added') || this.writing) await this.persist();
    return outcomes;
  }

  async segmentsForPerson(personId: string, fromMs: number, toMs: number): Promise<SegmentRecord[]> {
    const list = this.segmentsByPerson.get(personId) ?? [];
    return list.filter((s) => s.endMs > fromMs && s.startMs < toMs).map((s) => s.record);
  }

  // ---- audit and erasure ------------------------------------------------------------------------

  private auditRecord(entry: NewAuditRecord): AuditRecord {
    return { id: newId(), at: this.now(), ...entry, details: { ...entry.details } };
  }

  appendAudit(entry: NewAuditRecord): Promise<AuditRecord> {
    return this.mutate((data) => {
      const record = this.auditRecord(entry);
      data.audit.push(record);
      return record;
    });
  }

  async auditFor(target: string): Promise<AuditRecord[]> {
    return this.db.data.audit.filter((a) => a.target === target);
  }

  async erasePerson(personId: string, audit: NewAuditRecord): Promise<{ counts: ErasedCounts; audit: AuditRecord } | null> {
    const user = this.usersById.get(personId);
    if (!user) return null;
    return this.mutate((data) => {
      const before = { segments: data.segments.length, tokens: data.tokens.length };
      data.users = data.users.filter((u) => u.id !== personId);
      data.tokens = data.tokens.filter((t) => t.userId !== personId);
      data.segments = data.segments.filter((s) => s.personId !== personId);
      this.usersById.delete(personId);
      this.usersByUsername.delete(user.username.toLowerCase());
      for (const [hash, token] of this.tokensByHash) if (token.userId === personId) this.tokensByHash.delete(hash);
      for (const s of this.segmentsByPerson.get(personId) ?? []) this.segmentsById.delete(s.record.id);
      this.segmentsByPerson.delete(personId);
      const record = this.auditRecord(audit);
      data.audit.push(record);
      return {
        counts: { segments: before.segments - data.segments.length, tokens: before.tokens - data.tokens.length },
        audit: record,
      };
    });
  }
}
