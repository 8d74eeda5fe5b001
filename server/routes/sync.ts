// POST /api/sync: idempotent upload of counted time and notes. Each segment and note gets its own
// verdict; what is accepted is durable before the response says so. With a `cursor` the response also
// carries the person's notes changed since, so every device converges on the same notes.
import { Hono, type Context } from 'hono';
import { describeIssues, ERROR_CODES } from '../../shared/schemas/errors.ts';
import { noteSchema, type Note } from '../../shared/schemas/notes.ts';
import { noteTimeProblem } from '../ingest-checks/check-note.ts';
import { mustReadLinkChanged, mustReadProblem, mustReadYear } from '../ingest-checks/check-must-read.ts';
import { mustReadLists, mustReadTitles, type MustReadListOf } from '../report-inputs/must-read-lists.ts';
import { SEGMENT_REJECTION_CODES, syncRequestSchema, type Rejection, type SyncResponse } from '../../shared/schemas/sync.ts';
import { ApiError, validationFailed } from '../http/api-error.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { readJson } from '../http/json-body.ts';
import type { Limiter } from '../limits/limiter.ts';
import { signedIn } from '../http/signed-in.ts';
import { storedNoteView } from '../http/records-to-wire.ts';
import type { CheckedSegment, PolicyVersionRecord, RefusedSegment, SyncResult } from '../store/store-contract.ts';
import { checkSegment } from '../ingest-checks/check-segment.ts';

/** Most changed notes one response carries; `moreNotes` says when to ask again. */
export const MAX_NOTES_PER_RESPONSE = 500;

/** The version in force at an instant (the oldest when the instant predates them all); `sinceMs[i]` is history[i].at. */
function policyAt(history: readonly PolicyVersionRecord[], sinceMs: readonly number[], epochMs: number): PolicyVersionRecord {
  let found = history[0]!;
  for (let i = 0; i < history.length && sinceMs[i]! <= epochMs; i++) found = history[i]!;
  return found;
}

function parseCursor(cursor: string | null): number {
  if (cursor === null) return 0;
  if (!/^\d{1,15}$/.test(cursor)) throw validationFailed('cursor: not a cursor this server gave out; send null to start over');
  return Number(cursor);
}

type Verdict = Rejection | { id: string };

/** What a sync waits for the disk with: its verdicts in input order, not the batch they were made from. */
interface Staged {
  stored: Promise<SyncResult>;
  /** A rejection decided here, or an id the store decides on. */
  order: Verdict[];
  noteOrder: Verdict[];
  deviceId: string;
  policyVersion: number;
  /** The notes cursor, when the device asked for changed notes; and then the notes it sent. */
  afterSeq: number | null;
  sentNotes: Note[];
}

export function syncRoutes(deps: AppDeps, limiter: Limiter) {
  const { store, clock, config } = deps;
  let startsOf: { version: number; sinceMs: number[]; onlyCurrent: PolicyVersionRecord[] } = { version: -1, sinceMs: [], onlyCurrent: [] };

  /** The note's must-read link against the author's year list; the store is read only for a new or changed link. */
  async function mustReadCheck(personId: string, note: Note, listOf: MustReadListOf): Promise<Rejection | null> {
    if (note.mustRead === null || note.deletedAt !== null) return null;
    const found = await store.findNote(note.id);
    const stored = found !== null && found.personId === personId ? found.note : null;
    if (!mustReadLinkChanged(note, stored)) return null;
    const year = mustReadYear(note, config.timeZone);
    return mustReadProblem(note, { stored, year, books: new Set((await listOf(personId, year)).keys()) });
  }

  /**
   * Reads and checks the upload and hands it to the store. A function of its own: an async function
   * keeps all its locals until it returns, and the parsed upload must not wait out the fsync.
   */
  async function stage(c: Context<AppEnv>, personId: string): Promise<Staged> {
    const request = await readJson(c, syncRequestSchema);
    const afterSeq = request.cursor === undefined ? null : parseCursor(request.cursor);
    const nowMs = clock();
    const history = await store.policyHistory();
    const current = history.at(-1)!;
    // Parsed once per policy version, not once a request: versions never change, only get added.
    if (startsOf.version !== current.version) {
      startsOf = { version: current.version, sinceMs: history.map((p) => Date.parse(p.at)), onlyCurrent: [current] };
    }
    const { sinceMs, onlyCurrent } = startsOf;
    const policiesAt = (startMs: number) => {
      const then = policyAt(history, sinceMs, startMs);
      return then === current ? onlyCurrent : [then, current];
    };

    const order: Verdict[] = [];
    const accepted: CheckedSegment[] = [];
    const refused: RefusedSegment[] = [];
    for (let index = 0; index < request.segments.length; index++) {
      const verdict = checkSegment(request.segments[index], index, { nowMs, policiesAt });
      if (verdict.ok) {
        accepted.push(verdict.segment);
        order.push({ id: verdict.segment.id });
      } else if (verdict.refused) {
        refused.push(verdict.refused);
        order.push({ id: verdict.refused.id });
      } else {
        order.push(verdict.rejection);
      }
    }
    const notes: Note[] = [];
    const noteOrder: Verdict[] = [];
    const rawNotes = request.notes ?? [];
    const listOf = mustReadLists(store);
    for (let index = 0; index < rawNotes.length; index++) {
      const raw = rawNotes[index];
      const parsed = noteSchema.safeParse(raw);
      const problem = parsed.success ? (noteTimeProblem(parsed.data, nowMs) ?? (await mustReadCheck(personId, parsed.data, listOf))) : null;
      if (problem) {
        noteOrder.push(problem);
        continue;
      }
      if (parsed.success) {
        notes.push(parsed.data);
        noteOrder.push({ id: parsed.data.id });
        continue;
      }
      const rawId = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
      const id = typeof rawId === 'string' && rawId !== '' ? rawId.slice(0, 100) : `notes[${index}]`;
      noteOrder.push({ id, code: SEGMENT_REJECTION_CODES.invalidNote, message: describeIssues(parsed.error) });
    }

    const stored = store.recordSync({ personId, deviceId: request.deviceId, accepted, refused, notes });
    return { stored, order, noteOrder, deviceId: request.deviceId, policyVersion: current.version, afterSeq, sentNotes: afterSeq === null ? [] : notes };
  }

  return new Hono<AppEnv>().post('/', signedIn(deps), async (c) => {
    const waitMs = await limiter.takeSync(c.get('token').tokenHash);
    if (waitMs > 0) {
      c.header('Retry-After', String(Math.ceil(waitMs / 1000)));
      throw new ApiError(429, ERROR_CODES.rateLimited, 'Too many sync requests from this device: wait and send again');
    }
    const personId = c.get('user').id;
    const { stored, order, noteOrder, deviceId, policyVersion, afterSeq, sentNotes } = await stage(c, personId);
    const result = await stored;

    const acceptedIds = new Set<string>();
    const rejected: Rejection[] = [];
    for (const item of order) {
      if ('code' in item) {
        rejected.push(item);
        continue;
      }
      const outcome = result.segments.get(item.id)!;
      if (outcome.kind === 'accepted') acceptedIds.add(item.id);
      else if (outcome.kind === 'rejected') rejected.push({ id: item.id, code: outcome.code, message: outcome.message });
      else rejected.push({ id: item.id, code: SEGMENT_REJECTION_CODES.idReused, message: 'This id was already used for a different segment' });
    }
    for (const item of noteOrder) {
      if ('code' in item) rejected.push(item);
      else if (result.notes.get(item.id) === 'id_reused') {
        rejected.push({ id: item.id, code: SEGMENT_REJECTION_CODES.idReused, message: 'This note id belongs to someone else' });
      } else acceptedIds.add(item.id);
    }

    // The token learns its device from the first sync that stores something (a refused sync changes nothing).
    if (acceptedIds.size > 0) await store.touchToken(c.get('token').tokenHash, deviceId);

    const body: SyncResponse = { accepted: [...acceptedIds], rejected, policyVersion };
    if (afterSeq !== null) {
      // The cursor is read before the changes: every change numbered up to it is committed (noteSeq
      // never names one still being written), so the read after sees them all. Read after, a change
      // committed in between would be under the cursor yet missing from this response, and the device
      // would never fetch it. A change committed in between may come now and again next time: harmless.
      const upTo = await store.noteSeq();
      const changed = await store.notesChangedSince(personId, afterSeq, MAX_NOTES_PER_RESPONSE);
      const records = [...changed.notes];
      // A sent note that lost the merge to a newer version comes back too, so the device learns it.
      const listed = new Set(records.map((n) => n.note.id));
      for (const sent of sentNotes) {
        const found = await store.findNote(sent.id);
        if (found && found.personId === personId && !listed.has(sent.id) && JSON.stringify(found.note) !== JSON.stringify(sent)) {
          records.push(found);
          listed.add(sent.id);
        }
      }
      const titleOf = await mustReadTitles(store, config.timeZone, records);
      body.notes = records.map((r) => storedNoteView(r, titleOf));
      body.cursor = String(changed.more ? changed.notes.at(-1)!.seq : upTo);
      if (changed.more) body.moreNotes = true;
    }
    return c.json(body);
  });
}
