// The background validates every incoming message and always answers with a value or a failure code.
import { describe, expect, it, vi } from 'vitest';
import { handleMessage } from './serve.ts';
import { BackgroundFailure, type Handlers, type Status } from './protocol.ts';
import { noteRequestSchemas, type NotesProtocol } from '../highlights/notes/notes-protocol.ts';

const status: Status = {
  account: null,
  countingResource: null,
  todaySeconds: 0,
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
    signIn: vi.fn(async () => {
      throw new BackgroundFailure('bad_credentials');
    }),
    signOut: vi.fn(async () => ({ keptCount: 0 })),
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
