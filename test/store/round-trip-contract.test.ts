// Every record kind (the core's and the programme's) written through the Store interface with every field the caller gives set
// (made from its schema, so a field added to a record later is covered without listing it), read back,
// and read back again after a restart: on both engines nothing may be lost or changed on the way. The
// embedded store's journal and snapshot codecs have their own round trip (server/store/round-trip.test.ts).
import { expect, it } from 'vitest';
import { z } from 'zod';
import { noteReviewSchema, noteSchema } from '../../shared/schemas/notes.ts';
import { settingsSchema } from '../../shared/schemas/settings.ts';
import { rejectedSegmentRecordSchema, resourceRecordSchema, segmentRecordSchema, tokenRecordSchema, unitRecordSchema, userRecordSchema } from '../../server/store/record-schemas.ts';
import { programmeSnapshotSchema, type ProgrammeSnapshot } from '../../server/store/programme/records.ts';
import type { Store } from '../../server/store/store-contract.ts';
import { everyField } from '../support/every-field.ts';
import { selectorOverrides } from '../support/store-notes.ts';
import { describeEachEngine } from '../support/store-engines.ts';

const NOW = Date.parse('2026-03-06T10:00:00+08:00');

/** The element schema of each collection in the programme's snapshot (its settings are one record). */
function programmeElement(key: keyof ProgrammeSnapshot): z.ZodType {
  let schema: z.ZodType = programmeSnapshotSchema.shape[key];
  if (schema instanceof z.ZodDefault) schema = schema.unwrap() as z.ZodType;
  return schema instanceof z.ZodArray ? (schema.element as z.ZodType) : schema;
}
// Targets whose categories add up to no more than the total (a refinement the walk cannot see).
const TARGETS = { 'targets.totalHours': 500 };
const START = NOW - 3 * 3600_000;

describeEachEngine('store round trip', ({ open }) => {
  it('keeps every field of every core record kind, through a restart', async () => {
    const store = await open({ clock: () => NOW });
    const context = { actor: { id: 'actor', name: '管理员' }, reason: 'why', address: '10.0.0.9' };
    const settings = everyField(settingsSchema);
    await store.updateSettings(settings, context);
    const parent = await store.createUnit({ name: 'parent', parentId: null });
    const unit = await store.createUnit(everyField(unitRecordSchema.omit({ id: true, createdAt: true }), { parentId: parent.id }), context);
    const user = await store.createUser(
      { ...everyField(userRecordSchema.omit({ id: true, createdAt: true, active: true, memberships: true }), { unitId: unit.id }), memberSince: '2026-01-05' },
      context,
    );
    const resource = await store.createResource(everyField(resourceRecordSchema.omit({ id: true, createdAt: true, active: true })), context);
    const token = await store.saveToken(everyField(tokenRecordSchema.omit({ id: true, createdAt: true, lastUsedAt: true }), { userId: user.id }));
    const segment = everyField(segmentRecordSchema.omit({ personId: true, deviceId: true, receivedMs: true }), {
      id: '0e3b6f0a-1111-4111-8111-000000000001',
      startMs: START,
      endMs: START + 600_000,
    });
    const refused = everyField(rejectedSegmentRecordSchema.omit({ personId: true, deviceId: true, receivedMs: true }), {
      id: '0e3b6f0a-1111-4111-8111-000000000002',
      startMs: START + 3600_000,
      endMs: START + 3600_000 + 120_000,
    });
    // Live, so it can be reviewed (a tombstone's fields are the same columns).
    const note = everyField(noteSchema, {
      id: '0e3b6f0a-1111-4111-8111-000000000003',
      url: 'https://learn.example.org/a',
      canonicalUrl: 'https://learn.example.org/a?canonical',
      deletedAt: null,
      ...selectorOverrides(),
    });
    const review = everyField(noteReviewSchema);
    await store.recordSync({ personId: user.id, deviceId: 'device-1', accepted: [segment], refused: [refused], notes: [note] });
    const reviewed = await store.setNoteReview(note.id, review, context);

    const expected = async (s: Store) => {
      expect(await s.getSettings()).toStrictEqual(settings);
      expect(await s.findUnit(unit.id)).toStrictEqual(unit);
      expect(await s.findUserById(user.id)).toStrictEqual(user);
      expect(await s.findResource(resource.id)).toStrictEqual(resource);
      expect(await s.findToken(token.tokenHash)).toStrictEqual(token);
      expect(await s.segmentsForPerson(user.id, 0, NOW)).toStrictEqual([{ ...segment, personId: user.id, deviceId: 'device-1', receivedMs: NOW }]);
      expect(await s.refusedForPerson(user.id, 0, NOW)).toStrictEqual([{ ...refused, personId: user.id, deviceId: 'device-1', receivedMs: NOW }]);
      expect(await s.findNote(note.id)).toStrictEqual({ note, personId: user.id, review, seq: reviewed.seq });
      expect((await s.listAudit({ limit: 100 })).map(({ id: _id, ...entry }) => entry)).toStrictEqual(
        ['note.review', 'resource.create', 'person.create', 'unit.create', 'settings.update'].map((action) =>
          expect.objectContaining({ action, at: new Date(NOW).toISOString(), actorId: 'actor', actorName: '管理员', reason: 'why', address: '10.0.0.9' }),
        ),
      );
    };
    await expected(store);
    const before = { policy: await store.policyHistory(), days: await store.dayTotals(user.id, 0, 100_000), audit: await store.listAudit({ limit: 100 }) };
    await store.close();
    const reopened = await open({ clock: () => NOW });
    await expected(reopened);
    expect({ policy: await reopened.policyHistory(), days: await reopened.dayTotals(user.id, 0, 100_000), audit: await reopened.listAudit({ limit: 100 }) }).toStrictEqual(before);
  });

  it('keeps every field of every programme record kind, through a restart', async () => {
    const store = await open({ clock: () => NOW });
    const audit = { context: { actor: { id: 'actor', name: '管理员' }, reason: 'why' }, action: 'test', target: 'person:p', details: 'd' };
    type Element<K extends keyof ProgrammeSnapshot> = ProgrammeSnapshot[K] extends (infer E)[] ? E : ProgrammeSnapshot[K];
    const make = <K extends keyof ProgrammeSnapshot>(key: K, overrides = {}) => everyField(programmeElement(key), overrides) as Element<K>;
    const r = {
      settings: make('settings'),
      plan: make('plans', TARGETS),
      defaults: make('unitDefaults', TARGETS),
      exception: make('exceptions'),
      holidays: make('holidays'),
      session: make('sessions'),
      attendance: make('attendance'),
      visit: make('visits'),
      report: make('reports'),
      annual: make('annual'),
      closed: make('closedYears'),
      change: make('changes', { 'change.from.totalHours': 500, 'change.to.totalHours': 500 }),
    };
    // Every collection the programme keeps is written here: one added later fails this until it is.
    const written: Record<keyof ProgrammeSnapshot, keyof typeof r> = {
      settings: 'settings', plans: 'plan', unitDefaults: 'defaults', exceptions: 'exception', holidays: 'holidays', sessions: 'session',
      attendance: 'attendance', visits: 'visit', reports: 'report', annual: 'annual', closedYears: 'closed', changes: 'change',
    };
    expect(Object.keys(written).sort()).toEqual(Object.keys(programmeSnapshotSchema.shape).sort());
    const p = store.programme;
    // Saved through the credit rules (a new version from the day of the change), then kept as saved.
    const { creditRules: _made, ...settings } = r.settings;
    r.settings = (await p.saveSettings(settings, { today: '2026-03-09', at: new Date(NOW).toISOString() }, () => audit)).settings;
    expect(r.settings.creditRules.map((rule) => [rule.version, rule.from])).toEqual([
      [1, null],
      [2, '2026-03-09'],
    ]);
    await p.savePersonalPlan(r.plan, audit);
    await p.saveUnitDefaults(r.defaults, audit);
    await p.saveCalendarException(() => ({ ok: true, value: r.exception }), () => audit);
    await p.saveHolidayArrangement(r.holidays, audit);
    await p.saveSession(() => ({ ok: true, value: r.session }), () => audit);
    await p.saveAttendance(r.attendance.sessionId, r.attendance.personId, () => ({ ok: true, value: r.attendance }), () => audit);
    await p.saveVisit(r.visit, audit);
    await p.saveReport(r.report, audit);
    await p.saveAnnualNote(r.annual, audit);
    await p.closeYear(r.closed, audit);
    await p.saveChange(r.change, audit);
    const readBack = async (s: Store) => ({
      settings: await s.programme.settings(),
      plan: await s.programme.personalPlan(r.plan.personId, r.plan.year, r.plan.stage),
      defaults: await s.programme.unitDefaults(r.defaults.unitId, r.defaults.year, r.defaults.stage),
      exception: await s.programme.calendarException(r.exception.date),
      holidays: await s.programme.holidayArrangement(r.holidays.year),
      session: await s.programme.findSession(r.session.id),
      attendance: (await s.programme.attendance({ sessionIds: [r.attendance.sessionId] }))[0],
      visit: await s.programme.findVisit(r.visit.id),
      report: await s.programme.findReport(r.report.id),
      annual: await s.programme.annualNote(r.annual.personId, r.annual.year),
      closed: await s.programme.closedYear(r.closed.year),
      change: await s.programme.findChange(r.change.id),
    });
    expect(await readBack(store)).toStrictEqual(r);
    await store.close();
    expect(await readBack(await open({ clock: () => NOW }))).toStrictEqual(r);
  });
});
