// The background validates every incoming message and always answers with a value or a failure code.
import { describe, expect, it, vi } from 'vitest';
import { handleMessage, senderKind } from './serve.ts';
import { BackgroundFailure } from '../rpc/failure.ts';
import type { Status } from '../status/read-status.ts';
import type { Handlers } from './protocol.ts';
import { noteRequestSchemas, type NotesProtocol } from '../highlights/notes/notes-protocol.ts';

const status: Status = {
  account: null,
  countingResource: null,
  counting: { counting: false, reason: 'signed-out' },
  presencePending: false,
  todaySeconds: 0,
  timeZone: 'Asia/Shanghai',
  weekSeconds: 0,
  lastSyncAt: null,
  lastSyncError: null,
  pendingCount: 0,
  rejectedCount: 0,
  missingOrigins: [],
};

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const noteStubs = Object.fromEntries(noteRequestSchemas.map((s) => [s.shape.type.value, vi.fn()])) as unknown as Pick<Handlers, keyof NotesProtocol>;
  return {
    ...noteStubs,
    getStatus: vi.fn(async () => status),
    getServerToday: vi.fn(async () => null),
    signIn: vi.fn(async () => {
      throw new BackgroundFailure('bad_credentials');
    }),
    signOut: vi.fn(async () => ({ keptCount: 0 })),
    setPaused: vi.fn(async () => status),
    pageState: vi.fn(async () => null),
    presenceConfirmed: vi.fn(async () => null),
    clockJumped: vi.fn(async () => null),
    checkIn: vi.fn(async () => ({ outcome: 'refused' as const, reason: 'wrong_code' as const })),
    planProgress: vi.fn(async () => null),
    mustReadBooks: vi.fn(async () => null),
    ...overrides,
  };
}

describe('handleMessage', () => {
  it('routes a valid request to its handler and returns the value', async () => {
    const h = handlers();
    expect(await handleMessage(h, { type: 'getStatus' })).toEqual({ ok: true, value: status });
    expect(h.getStatus).toHaveBeenCalledOnce();
  });

  it.each([
    ['an unknown type', { type: 'deleteEverything' }],
    ['a missing field', { type: 'signIn', server: 'https://st.example.org', username: 'zhang' }],
    ['a wrong field type', { type: 'signIn', server: 1, username: 'zhang', password: 'x' }],
    ['not an object', 'getStatus'],
  ])('refuses %s without calling any handler', async (_what, message) => {
    const h = handlers();
    expect(await handleMessage(h, message)).toMatchObject({ ok: false, code: 'invalid_request' });
    expect(h.getStatus).not.toHaveBeenCalled();
    expect(h.signIn).not.toHaveBeenCalled();
  });

  it('lets content scripts send only their own requests, with their tab, and pages only theirs', async () => {
    const h = handlers();
    const state = { type: 'pageState', url: 'https://learn.example.org/a', visible: true, mediaPlaying: false, lastInputAt: null };
    expect(await handleMessage(h, state, 'content-script', { tabId: 7 })).toEqual({ ok: true, value: null });
    expect(h.pageState).toHaveBeenCalledWith(state, { tabId: 7 });
    expect(await handleMessage(h, { type: 'getStatus' }, 'content-script', { tabId: 7 })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await handleMessage(h, { type: 'setPaused', paused: true }, 'content-script', { tabId: 7 })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await handleMessage(h, { type: 'presenceConfirmed' }, 'extension-page')).toMatchObject({ ok: false, code: 'forbidden' });
    expect(h.getStatus).not.toHaveBeenCalled();
    expect(h.presenceConfirmed).not.toHaveBeenCalled();
  });

  it('refuses a page report with a malformed instant', async () => {
    const h = handlers();
    const bad = { type: 'clockJumped', from: -5, to: 'later' };
    expect(await handleMessage(h, bad, 'content-script', { tabId: 1 })).toMatchObject({ ok: false, code: 'invalid_request' });
  });

  it('tells extension pages from content scripts, and refuses everyone else', () => {
    const id = 'abcdefghijklmnopabcdefghijklmnop';
    const base = `chrome-extension://${id}/`;
    expect(senderKind({ id, url: `${base}popup.html` }, id, base)).toBe('extension-page');
    expect(senderKind({ id, url: `${base}options.html`, tab: { id: 3 } }, id, base)).toBe('extension-page');
    expect(senderKind({ id, url: 'https://learn.example.org/a', tab: { id: 3 } }, id, base)).toBe('content-script');
    expect(senderKind({ id: 'another-extension', url: `${base}popup.html` }, id, base)).toBeNull();
    expect(senderKind({ id, url: 'https://learn.example.org/a' }, id, base)).toBeNull();
  });

  it('passes a handler failure on by its code', async () => {
    const reply = await handleMessage(handlers(), { type: 'signIn', server: 'https://st.example.org', username: 'zhang', password: 'pw' });
    expect(reply).toMatchObject({ ok: false, code: 'bad_credentials' });
  });

  it('reports an unexpected error as internal', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const h = handlers({ signOut: async () => Promise.reject(new TypeError('boom')) });
    expect(await handleMessage(h, { type: 'signOut' })).toEqual({ ok: false, code: 'internal', message: 'boom' });
  });
});
