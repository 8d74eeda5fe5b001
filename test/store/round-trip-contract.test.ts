// Every core record kind written through the Store interface with every field the caller gives set
// (made from its schema, so a field added to a record later is covered without listing it), read back,
// and read back again after a restart: on both engines nothing may be lost or changed on the way. The
// embedded store's journal and snapshot codecs have their own round trip (server/store/round-trip.test.ts).
import { expect, it } from 'vitest';
import { noteReviewSchema, noteSchema } from '../../shared/schemas/notes.ts';
import { settingsSchema } from '../../shared/schemas/settings.ts';
import { rejectedSegmentRecordSchema, resourceRecordSchema, segmentRecordSchema, tokenRecordSchema, unitRecordSchema, userRecordSchema } from '../../server/store/record-schemas.ts';
import type { Store } from '../../server/store/records.ts';
import { everyField } from '../support/every-field.ts';
import { describeEachEngine } from '../support/store-engines.ts';

const NOW = Date.parse('2026-03-06T10:00:00+08:00');
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
    const note = everyField(noteSchema, { id: '0e3b6f0a-1111-4111-8111-000000000003', url: 'https://learn.example.org/a', canonicalUrl: 'https://learn.example.org/a?canonical', deletedAt: null });
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
});
