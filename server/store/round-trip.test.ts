// Every record kind the store keeps, with every field set (made from its schema, so a field added later
// is covered without listing it), written, read back after the journal is replayed, and again after the
// store is closed (a compact snapshot) and reopened: nothing may be lost or changed on the way (issue 19).
import { mkdtemp, readFile, appendFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { noteReviewSchema, noteSchema } from '../../shared/schemas/notes.ts';
import { settingsSchema } from '../../shared/schemas/settings.ts';
import { CannotFill, everyField } from '../../test/support/every-field.ts';
import { selectorOverrides } from '../../test/support/store-notes.ts';
import { checkedJson } from './checked-line.ts';
import { encodeLine, JOURNAL_FILE_NAME, readJournalRef } from './journal.ts';
import { openLowdbStore, STORE_FILE_NAME } from './lowdb-store.ts';
import type { Op } from './ops.ts';
import { auditRecordSchema, rejectedSegmentRecordSchema, resourceRecordSchema, segmentRecordSchema, tokenRecordSchema, unitRecordSchema, userRecordSchema } from './record-schemas.ts';
import { packId } from './packed-id.ts';
import { programmeSnapshotSchema, type ProgrammeOp, type ProgrammeSnapshot } from './programme/records.ts';
import type { Store } from './store-contract.ts';

const TZ = 'Asia/Shanghai';
const NOW = Date.parse('2026-03-06T10:00:00+08:00');
const PERSON = 'person1';
const DEVICE = 'device1';

let dir: string;
const opened: Store[] = [];

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'studytrail-round-trip-'));
});

afterEach(async () => {
  for (const store of opened.splice(0)) await store.close().catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

async function open(): Promise<Store> {
  const store = await openLowdbStore(dir, { clock: () => NOW, timeZone: TZ });
  opened.push(store);
  return store;
}

async function close(store: Store): Promise<void> {
  opened.splice(opened.indexOf(store), 1);
  await store.close();
}

/** The element schema of each collection in the programme's snapshot (its settings are one record). */
function programmeElement(key: keyof ProgrammeSnapshot): z.ZodType {
  let schema: z.ZodType = programmeSnapshotSchema.shape[key];
  if (schema instanceof z.ZodDefault) schema = schema.unwrap() as z.ZodType;
  return schema instanceof z.ZodArray ? (schema.element as z.ZodType) : schema;
}

// Targets whose categories add up to no more than the total (a refinement the walk cannot see).
const TARGETS = { 'targets.totalHours': 500 };

/** One of every record the store keeps, every field set. */
function everyRecord() {
  const segmentStart = NOW - 3 * 3600_000;
  const receivedMs = NOW - 60_000;
  const segment = everyField(segmentRecordSchema, {
    id: '0e3b6f0a-1111-4111-8111-000000000001',
    personId: PERSON,
    deviceId: DEVICE,
    startMs: segmentStart,
    endMs: segmentStart + 600_000,
    receivedMs,
  });
  const refused = everyField(rejectedSegmentRecordSchema, {
    id: '0e3b6f0a-1111-4111-8111-000000000002',
    personId: PERSON,
    deviceId: DEVICE,
    startMs: segmentStart + 3600_000,
    endMs: segmentStart + 3600_000 + 120_000,
    receivedMs,
  });
  const note = everyField(noteSchema, {
    id: '0e3b6f0a-1111-4111-8111-000000000003',
    url: 'https://learn.example.org/a',
    canonicalUrl: 'https://learn.example.org/a?canonical',
    ...selectorOverrides(),
  });
  const programme = {
    settings: everyField(programmeElement('settings')),
    plans: everyField(programmeElement('plans'), TARGETS),
    unitDefaults: everyField(programmeElement('unitDefaults'), TARGETS),
    exceptions: everyField(programmeElement('exceptions')),
    holidays: everyField(programmeElement('holidays')),
    sessions: everyField(programmeElement('sessions')),
    attendance: everyField(programmeElement('attendance')),
    visits: everyField(programmeElement('visits')),
    reports: everyField(programmeElement('reports')),
    annual: everyField(programmeElement('annual')),
    closedYears: everyField(programmeElement('closedYears')),
    changes: everyField(programmeElement('changes'), { 'change.from.totalHours': 500, 'change.to.totalHours': 500 }),
  } as { [K in keyof ProgrammeSnapshot]: ProgrammeSnapshot[K] extends (infer E)[] ? E : ProgrammeSnapshot[K] };
  return {
    settings: everyField(settingsSchema),
    unit: everyField(unitRecordSchema),
    user: everyField(userRecordSchema, { id: PERSON }),
    resource: everyField(resourceRecordSchema),
    token: everyField(tokenRecordSchema, { userId: PERSON, deviceId: DEVICE }),
    audit: everyField(auditRecordSchema),
    segment,
    refused,
    note,
    review: everyField(noteReviewSchema),
    programme,
  };
}

type Records = ReturnType<typeof everyRecord>;

/** Writing each programme record: one op per snapshot collection (a new collection must be added here). */
function programmeOps(p: Records['programme']): { [K in keyof ProgrammeSnapshot]: ProgrammeOp } {
  return {
    settings: { type: 'programme.settings.put', settings: p.settings },
    plans: { type: 'programme.plan.put', plan: p.plans },
    unitDefaults: { type: 'programme.unit-defaults.put', defaults: p.unitDefaults },
    exceptions: { type: 'programme.exception.put', exception: p.exceptions },
    holidays: { type: 'programme.holidays.put', arrangement: p.holidays },
    sessions: { type: 'programme.session.put', session: p.sessions },
    attendance: { type: 'programme.attendance.put', entry: p.attendance },
    visits: { type: 'programme.visit.put', visit: p.visits },
    reports: { type: 'programme.report.put', report: p.reports },
    annual: { type: 'programme.annual.put', record: p.annual },
    closedYears: { type: 'programme.year.close', closed: p.closedYears },
    changes: { type: 'programme.change.put', change: p.changes },
  };
}

/** Every record as the ops the store journals for it. */
function opsFor(r: Records): Op[] {
  const s = r.segment;
  const { personId: _p, deviceId: _d, receivedMs: _r, ...refused } = r.refused;
  return [
    { type: 'settings.put', settings: r.settings, at: new Date(NOW - 2000).toISOString() },
    { type: 'unit.put', unit: r.unit },
    { type: 'user.put', user: r.user },
    { type: 'resource.put', resource: r.resource, at: new Date(NOW - 1000).toISOString() },
    { type: 'token.put', token: r.token },
    { type: 'audit', entry: r.audit },
    {
      type: 'sync',
      personId: PERSON,
      deviceId: DEVICE,
      receivedMs: s.receivedMs,
      segments: [[packId(s.id), s.resourceId, s.url, s.title, s.startMs, s.endMs, s.mode, s.policyVersion]],
      refused: [refused],
      notes: [r.note],
    },
    { type: 'note.review', noteId: r.note.id, review: r.review },
    ...Object.values(programmeOps(r.programme)),
  ];
}

/** Everything the store answers about the records, through its reads. */
async function readBack(store: Store, r: Records) {
  const p = store.programme;
  const programme: { [K in keyof ProgrammeSnapshot]: unknown } = {
    settings: await p.settings(),
    plans: await p.personalPlan(r.programme.plans.personId, r.programme.plans.year, r.programme.plans.stage),
    unitDefaults: await p.unitDefaults(r.programme.unitDefaults.unitId, r.programme.unitDefaults.year, r.programme.unitDefaults.stage),
    exceptions: await p.calendarExceptions(),
    holidays: await p.holidayArrangements(),
    sessions: await p.findSession(r.programme.sessions.id),
    attendance: await p.attendance(),
    visits: await p.visits(),
    reports: await p.reports(),
    annual: await p.annualNote(r.programme.annual.personId, r.programme.annual.year),
    closedYears: await p.closedYear(r.programme.closedYears.year),
    changes: await p.changes(),
  };
  return {
    settings: await store.getSettings(),
    policyHistory: await store.policyHistory(),
    units: await store.listUnits(),
    users: await store.listUsers(),
    resources: await store.listResources(),
    tokens: await store.tokensOf(PERSON),
    audit: await store.listAudit({ limit: 100 }),
    segments: await store.segmentsForPerson(PERSON, 0, NOW),
    refused: await store.refusedForPerson(PERSON, 0, NOW),
    dayTotals: await store.dayTotals(PERSON, 0, 100_000),
    notes: await store.notesChangedSince(PERSON, 0, 100),
    noteSeq: await store.noteSeq(),
    programme,
  };
}

describe('store round trip', () => {
  it('keeps every field of every record kind through the journal, a snapshot and a reopen', async () => {
    const records = everyRecord();
    // A store with its journal in place; then the records' ops appended as the next journal entry.
    await close(await open());
    const journalFile = path.join(dir, JOURNAL_FILE_NAME);
    const base = readJournalRef(await readFile(journalFile, 'utf8'))!.base;
    await appendFile(journalFile, encodeLine({ seq: base + 1, ops: opsFor(records) }));

    const replayed = await open();
    const fromJournal = await readBack(replayed, records);
    const r = records;
    expect(fromJournal.settings).toStrictEqual(r.settings);
    expect(fromJournal.units).toStrictEqual([r.unit]);
    expect(fromJournal.users).toStrictEqual([r.user]);
    expect(fromJournal.resources).toStrictEqual([r.resource]);
    expect(fromJournal.policyHistory.at(-1)!.resources).toStrictEqual([
      { id: r.resource.id, name: r.resource.name, category: r.resource.category, kind: r.resource.kind, patterns: r.resource.patterns },
    ]);
    expect(fromJournal.tokens).toStrictEqual([r.token]);
    expect(fromJournal.audit).toStrictEqual([r.audit]);
    expect(fromJournal.segments).toStrictEqual([r.segment]);
    expect(fromJournal.refused).toStrictEqual([r.refused]);
    expect(fromJournal.dayTotals.length).toBeGreaterThan(0);
    expect(fromJournal.notes.notes).toStrictEqual([{ note: r.note, personId: PERSON, review: r.review, seq: 2 }]);
    expect(fromJournal.programme).toStrictEqual({
      ...r.programme,
      exceptions: [r.programme.exceptions],
      holidays: [r.programme.holidays],
      attendance: [r.programme.attendance],
      visits: [r.programme.visits],
      reports: [r.programme.reports],
      changes: [r.programme.changes],
    });

    // Closing writes everything into the snapshot; every collection it holds must have something in it.
    await close(replayed);
    const lines = (await readFile(path.join(dir, STORE_FILE_NAME), 'utf8')).trimEnd().split('\n');
    const line = (n: number) => {
      const checked = checkedJson(lines[n]!);
      if (!checked.ok) throw new Error(checked.why);
      return JSON.parse(checked.json);
    };
    const head = line(0);
    const empty = (object: Record<string, unknown>) => Object.keys(object).filter((k) => Array.isArray(object[k]) && (object[k] as unknown[]).length === 0);
    expect(empty(head)).toEqual([]);
    expect(empty(head.programme)).toEqual([]);
    expect(lines).toHaveLength(2);
    const [personId, rows] = line(1);
    expect(personId).toBe(PERSON);
    // `stale` lists days awaiting a recount: the reads above recounted them all.
    expect(empty(rows)).toEqual(['stale']);

    const reopened = await open();
    expect(await readBack(reopened, records)).toStrictEqual(fromJournal);
  });

  it('refuses to make a value it cannot fill, or one a schema would not keep as made', () => {
    expect(() => everyField(z.object({ anything: z.unknown() }))).toThrow(CannotFill);
    expect(() => everyField(z.object({ code: z.string().regex(/^[A-Z]{3}$/) }))).toThrow(/matching/);
    expect(() => everyField(z.object({ id: z.string().refine((s) => s.startsWith('x')) }))).toThrow(/does not parse/);
    expect(() => everyField(z.object({ n: z.number() }), { m: 1 })).toThrow(/does not have: m/);
    expect(everyField(z.object({ when: z.string().nullable().optional(), on: z.boolean().default(true) }))).toStrictEqual({ when: 'f2', on: false });
  });
});
