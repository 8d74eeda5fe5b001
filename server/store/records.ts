// What the store keeps, in domain terms, and the errors its mutations raise. Any store implementation
// (the embedded lowdb one today, a database later) speaks these types.
import type { Category, ResourceKind, Role, SegmentMode } from '../../shared/schemas/domain.ts';
import type { Policy, TrackingSettings } from '../../shared/schemas/policy.ts';
import type { Segment } from '../../shared/schemas/sync.ts';
import type { ProgrammeStore } from './programme/programme-store.ts';

export interface UnitRecord {
  id: string;
  name: string;
  parentId: string | null;
  createdAt: string;
}

export interface UserRecord {
  id: string;
  username: string;
  name: string;
  role: Role;
  unitId: string | null;
  /** Output of hashPassword: algorithm, parameters, salt and hash. */
  passwordHash: string;
  createdAt: string;
}

export interface ResourceRecord {
  id: string;
  name: string;
  category: Category;
  kind: ResourceKind;
  patterns: string[];
  createdAt: string;
}

export interface TokenRecord {
  /** SHA-256 of the bearer token; the token itself is never stored. */
  tokenHash: string;
  userId: string;
  createdAt: string;
}

/** A segment as the client sent it, plus who sent it, from where, and under which policy. */
export interface SegmentRecord {
  id: string;
  personId: string;
  deviceId: string;
  resourceId: string;
  url: string;
  title: string;
  startedAt: string;
  endedAt: string;
  mode: SegmentMode;
  policyVersion: number;
  receivedAt: string;
}

/** One administrative act, kept for accountability (who did what to whom, when, why, from where). */
export interface AuditRecord {
  id: string;
  at: string;
  actorId: string;
  actorName: string;
  /** e.g. `person.erase` */
  action: string;
  /** Id of what the act was done to. */
  target: string;
  details: Record<string, string | number>;
  reason: string;
  /** The client's address as the server saw it (through a trusted proxy, the forwarded one). */
  address: string | null;
}

/** What erasing a person removed. */
export interface ErasedCounts {
  segments: number;
  tokens: number;
}

export type NewUnit = { name: string; parentId: string | null };
export type NewAuditRecord = Omit<AuditRecord, 'id' | 'at'>;
export type NewUser = Omit<UserRecord, 'id' | 'createdAt'>;
export type NewResource = Omit<ResourceRecord, 'id' | 'createdAt'>;

/** Per segment: stored now, already stored with the same content (a no-op), or id taken by other content. */
export type SegmentOutcome = 'added' | 'duplicate' | 'id_reused';

export interface Store {
  countUsers(): Promise<number>;
  /** Throws DuplicateError when the username is taken, MissingReferenceError for an unknown unit. */
  createUser(input: NewUser): Promise<UserRecord>;
  findUserById(id: string): Promise<UserRecord | null>;
  /** Usernames are unique and matched without regard to letter case. */
  findUserByUsername(username: string): Promise<UserRecord | null>;
  listUsers(): Promise<UserRecord[]>;

  /** Throws MissingReferenceError for an unknown parent. */
  createUnit(input: NewUnit): Promise<UnitRecord>;
  findUnit(id: string): Promise<UnitRecord | null>;
  listUnits(): Promise<UnitRecord[]>;

  /** Adds a designated resource and bumps the policy version. */
  createResource(input: NewResource): Promise<ResourceRecord>;
  findResource(id: string): Promise<ResourceRecord | null>;
  listResources(): Promise<ResourceRecord[]>;
  getPolicy(): Promise<Policy>;
  /** Replaces the tracking settings and bumps the policy version. */
  updateSettings(settings: TrackingSettings): Promise<Policy>;

  saveToken(record: TokenRecord): Promise<void>;
  findToken(tokenHash: string): Promise<TokenRecord | null>;
  deleteToken(tokenHash: string): Promise<void>;

  /**
   * Stores already-validated segments of one person, atomically per call; the outcome of each is in
   * the same order as the input (a repeated id within one call is judged against the first).
   */
  recordSegments(input: {
    personId: string;
    deviceId: string;
    segments: readonly Segment[];
  }): Promise<SegmentOutcome[]>;
  /** The person's segments overlapping [fromMs, toMs), from every device. */
  segmentsForPerson(personId: string, fromMs: number, toMs: number): Promise<SegmentRecord[]>;

  /** Appends an audit entry, stamped with the store's clock. */
  appendAudit(entry: NewAuditRecord): Promise<AuditRecord>;
  /** Audit entries whose target is `target`, oldest first. */
  auditFor(target: string): Promise<AuditRecord[]>;
  /**
   * Removes a person and everything recorded about them (account, sign-in tokens, segments) and
   * appends the audit entry, in one durable write; null when there is no such person.
   */
  erasePerson(personId: string, audit: NewAuditRecord): Promise<{ counts: ErasedCounts; audit: AuditRecord } | null>;

  /** The learning programme's records, persisted in the same file and written through the same queue. */
  readonly programme: ProgrammeStore;

  /** Waits for every acknowledged write; later mutations fail. */
  close(): Promise<void>;
}

export class DuplicateError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'DuplicateError';
  }
}

export class MissingReferenceError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'MissingReferenceError';
  }
}

/** The store file exists but cannot be used; the server must stop and leave the file alone. */
export class StoreFileError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(
      `The store file ${file} ${problem}. It has been left untouched: restore it from a backup or ` +
        'move it away (the server then starts with an empty store).',
    );
    this.name = 'StoreFileError';
  }
}
