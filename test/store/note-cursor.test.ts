// A sync's note cursor on both engines: the response reads the cursor and the changed notes in two
// reads, and a change committed between them (here: a leader's review, made at exactly that moment
// through a wrapped store) must reach the device, now or at its next sync. Were the cursor read after
// the changes, the review would be under the cursor yet missing from the response, and lost to the
// device. (A change numbered but not yet committed on another PostgreSQL server process is the other
// half: test/store/postgres-store.test.ts.)
import { expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { newToken } from '../../server/auth/tokens.ts';
import type { Store } from '../../server/store/store-contract.ts';
import { describeEachEngine } from '../support/store-engines.ts';
import { note } from '../support/store-notes.ts';

const clock = () => Date.parse('2026-03-06T10:00:00+08:00');
const NOTE = note(1, { title: 'n1', createdAt: '2026-03-06T01:00:00.000Z', updatedAt: '2026-03-06T01:00:00.000Z' });

describeEachEngine('the note cursor of a sync', ({ open }) => {
  it('brings a review committed between the response reading its cursor and its notes to the device', async () => {
    const store = await open({ clock });
    let between: (() => Promise<unknown>) | null = null;
    // The store the app sees: once armed, the first of the two reads to answer runs `between` before answering.
    const wrapped = new Proxy(store, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver) as unknown;
        if ((key !== 'noteSeq' && key !== 'notesChangedSince') || typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          const answer = (await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args)) as unknown;
          const run = between;
          between = null;
          if (run) await run();
          return answer;
        };
      },
    }) as Store;
    const user = await store.createUser({ username: 'li', name: 'Li', role: 'staff', unitId: null, passwordHash: 'h' });
    const { token, tokenHash } = newToken();
    await store.saveToken({ tokenHash, userId: user.id, kind: 'device', label: 'laptop', deviceId: null, expiresAt: null });
    const app = createApp({ store: wrapped, clock, config: { timeZone: 'Asia/Shanghai', trustProxy: false, publicUrl: null } });
    const sync = async (body: object) => {
      const res = await app.request('/api/sync', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ deviceId: 'laptop', segments: [], ...body }),
      });
      expect(res.status).toBe(200);
      return (await res.json()) as { cursor: string; notes: { review: { comment: string } | null }[] };
    };
    const start = await sync({ notes: [NOTE], cursor: null });
    expect(start.notes.map((n) => n.review)).toEqual([null]);

    between = () =>
      store.setNoteReview(NOTE.id, { reviewerId: 'l', reviewerName: 'L', reviewedAt: '2026-03-06T03:00:00.000Z', comment: '好' }, { actor: { id: 'l', name: 'L' }, reason: null });
    const first = await sync({ cursor: start.cursor });
    expect(between).toBeNull();
    const second = await sync({ cursor: first.cursor });
    expect([...first.notes, ...second.notes].map((n) => n.review?.comment)).toContain('好');
  });
});
