// Notes through the outbox flush, between two devices of one person and a stand-in of the server's
// notes protocol (test/support/fake-notes-server.ts): delivery to the other device, the conflict rule
// (later change wins, a deletion wins over an older edit), reviews, refusals and old servers.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SyncRequest, SyncResponse } from '../../../shared/schemas/sync.ts';
import { createFakeNotesServer, type FakeNotesServer } from '../../../test/support/fake-notes-server.ts';
import { notesItem, sessionItem } from '../../storage/items.ts';
import { flushOutbox } from '../../sync/flush.ts';
import type { ServerClient } from '../../sync/server-client.ts';
import { listNotes, removeNote, saveClip, undoRemoveNote, updateNote } from './note-service.ts';
import { NOTES_PULL_INTERVAL_MS } from './note-sync.ts';

const SERVER = 'https://st.example.org';
const T0 = Date.UTC(2026, 0, 5, 2, 0, 0);
const clipInput = {
  url: 'https://learn.example.org/a/1?utm_source=x#p2',
  canonicalUrl: null,
  title: '学习型机关',
  selectors: [{ type: 'TextQuoteSelector' as const, exact: '周五学习日', prefix: '坚持', suffix: '制度' }],
  quote: '周五学习日',
  comment: '',
  tags: ['制度'],
  colour: 'yellow' as const,
};

function clientFor(server: FakeNotesServer, personId = 'u1'): ServerClient & { sync: ReturnType<typeof vi.fn> } {
  return {
    login: vi.fn(),
    getPolicy: vi.fn(),
    getPolicyIfChanged: vi.fn(),
    getLog: vi.fn(),
    checkIn: vi.fn(),
    getYearPlan: vi.fn(),
    getYearPlanProgress: vi.fn(),
    sync: vi.fn(async (_s: string, _t: string, body: SyncRequest): Promise<SyncResponse> => {
      const notes = server.sync(personId, { notes: body.notes, cursor: body.cursor });
      return { ...notes, accepted: [...body.segments.map((s) => s.id), ...notes.accepted] };
    }),
  };
}

/** One browser profile: its own storage.local, swapped in and out of the fake browser. */
class Device {
  private saved: Record<string, unknown> = {};
  private clock = T0;
  constructor(private readonly server: FakeNotesServer) {}
  async use<T>(fn: (d: { now: () => number; flush: () => Promise<unknown>; client: ReturnType<typeof clientFor> }) => Promise<T>): Promise<T> {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set(this.saved);
    const now = () => this.clock;
    const client = clientFor(this.server);
    const flush = () => flushOutbox({ client, now }, { force: true });
    try {
      return await fn({ now, flush, client });
    } finally {
      this.saved = await fakeBrowser.storage.local.get(null);
    }
  }
  at(ms: number): this {
    this.clock = T0 + ms;
    return this;
  }
}

async function signIn() {
  await sessionItem.setValue({
    server: SERVER,
    token: 'tok',
    user: { id: 'u1', username: 'zhang.wei', name: '张伟', role: 'staff', unitId: 'unit1' },
    needsSignIn: false,
  });
}

const noFlush = { flush: async () => undefined };

describe('notes sync', () => {
  let server: FakeNotesServer;
  let a: Device;
  let b: Device;
  beforeEach(async () => {
    server = createFakeNotesServer();
    a = new Device(server);
    b = new Device(server);
    await a.use(signIn);
    await b.use(signIn);
  });

  it('sends a clipped note in the sync request and delivers it to the other device', async () => {
    const saved = await a.use(async ({ now, flush, client }) => {
      const note = await saveClip({ now, ...noFlush }, clipInput);
      await flush();
      const body = client.sync.mock.calls[0]![2] as SyncRequest;
      expect(body.segments).toEqual([]);
      expect(body.notes?.map((n) => n.id)).toEqual([note.note.id]);
      expect(body.cursor).toBeNull();
      return note;
    });
    expect(saved.note.url).toBe('https://learn.example.org/a/1');
    expect(server.notesOf('u1').map((s) => s.note.id)).toEqual([saved.note.id]);
    const onB = await b.use(async ({ flush }) => {
      await flush();
      return listNotes();
    });
    expect(onB.notes.map((n) => n.note)).toEqual([saved.note]);
    expect(onB.tags).toEqual(['制度']);
  });

  it('keeps the later of two offline edits on both devices', async () => {
    const id = await a.at(0).use(async ({ now, flush }) => {
      const n = await saveClip({ now, ...noFlush }, clipInput);
      await flush();
      return n.note.id;
    });
    await b.at(1000).use(async ({ flush }) => void (await flush()));
    await a.at(10_000).use(async ({ now }) => void (await updateNote({ now, ...noFlush }, id, { comment: 'A 的评论' })));
    await b.at(12_000).use(async ({ now }) => void (await updateNote({ now, ...noFlush }, id, { comment: 'B 的评论（更晚）' })));
    // B sends its later edit after A's earlier one reached the server, and the other way round.
    await b.at(13_000).use(async ({ flush }) => void (await flush()));
    await a.at(14_000).use(async ({ flush }) => void (await flush()));
    await b.at(15_000).use(async ({ flush }) => void (await flush()));
    for (const device of [a, b]) {
      const view = await device.use(async () => listNotes());
      expect(view.notes.map((n) => n.note.comment)).toEqual(['B 的评论（更晚）']);
    }
  });

  it('lets a deletion win over an older edit, and a later edit win over the deletion', async () => {
    const id = await a.at(0).use(async ({ now, flush }) => {
      const n = await saveClip({ now, ...noFlush }, clipInput);
      await flush();
      return n.note.id;
    });
    await b.at(1000).use(async ({ flush }) => void (await flush()));
    await b.at(10_000).use(async ({ now }) => void (await updateNote({ now, ...noFlush }, id, { comment: '旧的修改' })));
    await a.at(11_000).use(async ({ now, flush }) => {
      await removeNote({ now, ...noFlush }, id);
      await flush();
    });
    await b.at(12_000).use(async ({ flush }) => void (await flush()));
    expect((await b.use(async () => listNotes())).notes).toEqual([]);
    expect(server.notesOf('u1')[0]!.note.deletedAt).not.toBeNull();

    await b.at(20_000).use(async ({ now, flush }) => {
      await undoRemoveNote({ now, ...noFlush }, id);
      await flush();
    });
    // A asks for changes again once the pull interval has passed.
    await a.at(11_000 + NOTES_PULL_INTERVAL_MS).use(async ({ flush }) => void (await flush()));
    // The undo restores the deleted version (the older edit lost to the deletion, as the rule says).
    expect((await a.use(async () => listNotes())).notes.map((n) => n.note.id)).toEqual([id]);
  });

  it('shows a leader\'s review received from the server', async () => {
    const id = await a.use(async ({ now, flush }) => {
      const n = await saveClip({ now, ...noFlush }, clipInput);
      await flush();
      return n.note.id;
    });
    server.review(id, { reviewerId: 'lead1', reviewerName: '王主任', reviewedAt: '2026-01-06T01:00:00.000Z', comment: '已阅，体会深刻。' });
    const view = await a.at(NOTES_PULL_INTERVAL_MS).use(async ({ flush }) => {
      await flush();
      return listNotes();
    });
    expect(view.notes[0]!.review).toMatchObject({ reviewerName: '王主任', comment: '已阅，体会深刻。' });
  });

  it('keeps a refused note with the reason and does not send it again until edited', async () => {
    await a.use(async ({ now, flush, client }) => {
      const note = await saveClip({ now, ...noFlush }, clipInput);
      client.sync.mockImplementationOnce(async (_s: string, _t: string, body: SyncRequest) => ({
        accepted: [],
        rejected: (body.notes ?? []).map((n) => ({ id: n.id, code: 'quote_too_long', message: 'too long' })),
        notes: [],
        cursor: '0',
      }));
      vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      await flush();
      const view = await listNotes();
      expect(view.notes[0]!.rejection).toEqual({ code: 'quote_too_long', message: 'too long' });
      await flush();
      expect(client.sync).toHaveBeenCalledTimes(1);
      await updateNote({ now, ...noFlush }, note.note.id, { comment: '改短了' });
      await flush();
      expect((client.sync.mock.calls[1]![2] as SyncRequest).notes?.map((n) => n.comment)).toEqual(['改短了']);
    });
  });

  it('keeps an edit made while the previous version was being sent', async () => {
    await a.use(async ({ now, client, flush }) => {
      const note = await saveClip({ now, ...noFlush }, clipInput);
      client.sync.mockImplementationOnce(async (_s: string, _t: string, body: SyncRequest) => {
        await updateNote({ now: () => now() + 1, ...noFlush }, note.note.id, { comment: '发送途中修改' });
        return { ...server.sync('u1', { notes: body.notes, cursor: body.cursor }) };
      });
      await flush();
      // The newer version stayed queued when the older one was accepted, so the same flush sent it too.
      expect(client.sync).toHaveBeenCalledTimes(2);
      expect((client.sync.mock.calls[1]![2] as SyncRequest).notes?.map((n) => n.comment)).toEqual(['发送途中修改']);
      expect(server.notesOf('u1')[0]!.note.comment).toBe('发送途中修改');
      const book = (await notesItem.getValue())[`u1@${SERVER}`]!;
      expect(book.pending).toEqual([]);
      expect(book.notes[note.note.id]!.note.comment).toBe('发送途中修改');
    });
  });

  it('keeps notes queued and does not ask again every minute when the server does not know notes', async () => {
    await a.use(async ({ now, client }) => {
      client.sync.mockImplementation(async () => ({ accepted: [], rejected: [] }));
      vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      await saveClip({ now, ...noFlush }, clipInput);
      expect(await flushOutbox({ client, now }, { force: true })).toBe('failed');
      expect((await notesItem.getValue())[`u1@${SERVER}`]!.pending).toHaveLength(1);
    });
    await b.use(async ({ now, client }) => {
      client.sync.mockImplementation(async () => ({ accepted: [], rejected: [] }));
      await flushOutbox({ client, now }, { force: true });
      await flushOutbox({ client, now: () => now() + 60_000 }, { force: true });
      expect(client.sync).toHaveBeenCalledTimes(1);
    });
  });

  it('asks again at once while the server says more changes wait, each time with the new cursor', async () => {
    const paged = createFakeNotesServer({ pageSize: 2 });
    const writer = new Device(paged);
    const reader = new Device(paged);
    await writer.use(signIn);
    await reader.use(signIn);
    await writer.use(async ({ now, flush }) => {
      for (const n of [1, 2, 3, 4, 5]) await saveClip({ now, ...noFlush }, { ...clipInput, url: `https://learn.example.org/a/${n}` });
      await flush();
    });
    await reader.use(async ({ flush, client }) => {
      await flush();
      const cursors = client.sync.mock.calls.map((call) => (call[2] as SyncRequest).cursor);
      expect(cursors).toEqual([null, '2', '4']);
      expect((await listNotes()).notes).toHaveLength(5);
    });
  });

  it('refuses to clip while signed out', async () => {
    await a.use(async ({ now }) => {
      await sessionItem.setValue(null);
      await expect(saveClip({ now, ...noFlush }, clipInput)).rejects.toMatchObject({ code: 'signed_out' });
    });
  });
});
