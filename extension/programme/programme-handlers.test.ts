// The popup's programme requests: check-in answers (checked in, late, each refusal, offline, signed
// out), this year's plan progress and the must-read books (kept for offline), through the extension's one
// server client against a fake server.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { markSignInNeeded } from '../account/needs-sign-in.ts';
import { policyItem, sessionItem } from '../storage/items.ts';
import { BackgroundFailure } from '../rpc/failure.ts';
import { createServerClient } from '../sync/server-client.ts';
import { programmeHandlers } from './programme-handlers.ts';

const SERVER = 'http://127.0.0.1:8787';
const NOW = Date.UTC(2026, 2, 6, 6, 35);
const user = { id: 'p1', username: 'zhang.wei', name: '张伟', role: 'staff' as const, unitId: 'u1' };
const session = {
  id: 's1',
  kind: 'collective-study',
  topic: '学习两会精神',
  date: '2026-03-06',
  startsAt: '2026-03-06T14:30:00+08:00',
  endsAt: '2026-03-06T17:30:00+08:00',
  place: '',
  link: null,
  organiserId: 'o',
  materials: [],
  tariff: 'half-day',
  tariffReason: '',
  creditedHours: 4,
  unitIds: ['u1'],
  cancelled: null,
  code: null,
};
const entry = (status: string) => ({ sessionId: 's1', personId: 'p1', status, reason: '', makeUp: null, checkedInAt: '2026-03-06T06:35:00.000Z', markedBy: 'p1', updatedAt: '2026-03-06T06:35:00.000Z' });
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const error = (status: number, code: string) => json(status, { error: { code, message: code } });

function handlers(answer: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const fetchFn = vi.fn(async (url: string | URL | Request, init?: RequestInit) => answer(String(url), init ?? {}));
  const client = createServerClient({ fetch: fetchFn as unknown as typeof fetch, onTokenRefused: markSignInNeeded });
  return { h: programmeHandlers({ now: () => NOW, client }), fetchFn };
}

beforeEach(async () => {
  fakeBrowser.reset();
  await sessionItem.setValue({ server: SERVER, token: 'tok', user, needsSignIn: false });
});

describe('checkIn', () => {
  it('posts the code with the token and reports the session, on time or late', async () => {
    const { h, fetchFn } = handlers(() => json(201, { session, entry: entry('present') }));
    expect(await h.checkIn({ type: 'checkIn', code: 'ab3k7p' }, {})).toEqual({ outcome: 'checked-in', topic: '学习两会精神', late: false });
    const [url, init] = fetchFn.mock.calls[0]!;
    expect(url).toBe(`${SERVER}/api/check-in`);
    expect(init?.method).toBe('POST');
    expect((init?.headers as Record<string, string>).authorization).toBe('Bearer tok');
    expect(JSON.parse(String(init?.body))).toEqual({ code: 'ab3k7p' });
    const late = handlers(() => json(201, { session, entry: entry('late') }));
    expect(await late.h.checkIn({ type: 'checkIn', code: 'x' }, {})).toMatchObject({ late: true });
  });

  it.each([
    [400, 'wrong_code'],
    [409, 'check_in_closed'],
    [409, 'already_checked_in'],
    [403, 'not_on_roster'],
  ])('turns %s %s into a refusal the popup explains', async (status, code) => {
    const { h } = handlers(() => error(status, code));
    expect(await h.checkIn({ type: 'checkIn', code: 'x' }, {})).toEqual({ outcome: 'refused', reason: code });
  });

  it('fails as signed out on 401 or without a session, unreachable offline, server_error otherwise', async () => {
    await expect(handlers(() => error(401, 'unauthenticated')).h.checkIn({ type: 'checkIn', code: 'x' }, {})).rejects.toMatchObject({ code: 'signed_out' });
    expect((await sessionItem.getValue())?.needsSignIn).toBe(true);
    await sessionItem.setValue({ server: SERVER, token: 'tok', user, needsSignIn: false });
    await expect(handlers(() => Promise.reject(new TypeError('offline'))).h.checkIn({ type: 'checkIn', code: 'x' }, {})).rejects.toMatchObject({ code: 'unreachable' });
    await expect(handlers(() => error(500, 'internal_error')).h.checkIn({ type: 'checkIn', code: 'x' }, {})).rejects.toEqual(new BackgroundFailure('server_error', 'internal_error'));
    await expect(handlers(() => json(201, { session })).h.checkIn({ type: 'checkIn', code: 'x' }, {})).rejects.toMatchObject({ code: 'server_error' });
    await sessionItem.setValue(null);
    await expect(handlers(() => json(201, {})).h.checkIn({ type: 'checkIn', code: 'x' }, {})).rejects.toMatchObject({ code: 'signed_out' });
  });
});

describe('a refused token', () => {
  it('marks the account as needing sign-in, as the sync does, and later requests fail as signed out unsent', async () => {
    const { h, fetchFn } = handlers(() => error(401, 'unauthenticated'));
    await expect(h.planProgress({ type: 'planProgress' }, {})).rejects.toMatchObject({ code: 'signed_out' });
    expect((await sessionItem.getValue())?.needsSignIn).toBe(true);
    await expect(h.checkIn({ type: 'checkIn', code: 'x' }, {})).rejects.toMatchObject({ code: 'signed_out' });
    await expect(h.mustReadBooks({ type: 'mustReadBooks', writtenAt: NOW }, {})).rejects.toMatchObject({ code: 'signed_out' });
    expect(fetchFn).toHaveBeenCalledTimes(1);
  });
});

describe('planProgress', () => {
  it('asks for this year’s plan and sums it up', async () => {
    const progress = {
      personId: 'p1',
      year: 2026,
      stage: 'year',
      from: '2026-01-01',
      to: '2026-12-31',
      total: { targetHours: 50, targetBasis: { source: 'plan', setHours: 50, dueFrom: '2026-01-01', dueTo: '2026-12-31' }, achievedSeconds: 45_000, share: 0.25 },
      byCategory: [],
      reading: { total: 3, done: 1, reading: 1, notStarted: 1, items: [] },
    };
    const { h, fetchFn } = handlers(() => json(200, progress));
    expect(await h.planProgress({ type: 'planProgress' }, {})).toEqual({ year: 2026, targetHours: 50, achievedSeconds: 45_000, readingDone: 1, readingTotal: 3 });
    expect(fetchFn.mock.calls[0]![0]).toBe(`${SERVER}/api/people/p1/plans/2026/year/progress`);
  });

  it('asks for the organisation’s year, not the browser’s or UTC’s, at the turn of the year', async () => {
    const answer = (url: string) => json(500, { error: { code: 'internal_error', message: url } });
    // 31 December 17:00 UTC: already 1 January 2027 in Shanghai (the default zone without a policy)…
    const early = handlers(answer);
    const inShanghai = programmeHandlers({ now: () => Date.parse('2026-12-31T17:00:00Z'), client: createServerClient({ fetch: early.fetchFn as unknown as typeof fetch, onTokenRefused: markSignInNeeded }) });
    await expect(inShanghai.planProgress({ type: 'planProgress' }, {})).rejects.toMatchObject({ code: 'server_error' });
    expect(early.fetchFn.mock.calls[0]![0]).toBe(`${SERVER}/api/people/p1/plans/2027/year/progress`);
    // …and 1 January 03:00 UTC is still 2026 for an organisation in New York.
    await policyItem.setValue({ policy: { version: 1, resources: [], settings: { idleSeconds: 120 }, timeZone: 'America/New_York' }, fetchedAt: 0 });
    const late = handlers(answer);
    const inNewYork = programmeHandlers({ now: () => Date.parse('2027-01-01T03:00:00Z'), client: createServerClient({ fetch: late.fetchFn as unknown as typeof fetch, onTokenRefused: markSignInNeeded }) });
    await expect(inNewYork.planProgress({ type: 'planProgress' }, {})).rejects.toMatchObject({ code: 'server_error' });
    expect(late.fetchFn.mock.calls[0]![0]).toBe(`${SERVER}/api/people/p1/plans/2026/year/progress`);
  });

  it('is null when nobody is signed in, and refuses an answer of the wrong shape', async () => {
    await expect(handlers(() => json(200, { nope: true })).h.planProgress({ type: 'planProgress' }, {})).rejects.toMatchObject({ code: 'server_error' });
    await sessionItem.setValue(null);
    expect(await handlers(() => json(200, {})).h.planProgress({ type: 'planProgress' }, {})).toBeNull();
  });
});

describe('mustReadBooks', () => {
  const IN_2026 = Date.parse('2026-06-01T12:00:00+08:00');
  const IN_2025 = Date.parse('2025-06-01T12:00:00+08:00');
  const plan = (titles: string[]) => ({
    personId: 'p1',
    year: 2026,
    stage: 'year',
    targets: { totalHours: 50, byCategory: {} },
    readingList: titles.map((title, i) => ({ id: `b${i}`, title, author: '', resourceId: null, status: 'not-started', source: 'unit' })),
    updatedAt: null,
  });

  it('lists the year plan’s books, and the kept list for this person and year when the server cannot be reached', async () => {
    const { h, fetchFn } = handlers(() => json(200, plan(['乡土中国', '政协章程'])));
    const books = [{ id: 'b0', title: '乡土中国' }, { id: 'b1', title: '政协章程' }];
    expect(await h.mustReadBooks({ type: 'mustReadBooks', writtenAt: IN_2026 }, {})).toEqual(books);
    expect(fetchFn.mock.calls[0]![0]).toBe(`${SERVER}/api/people/p1/plans/2026/year`);
    const offline = handlers(() => Promise.reject(new TypeError('offline')));
    expect(await offline.h.mustReadBooks({ type: 'mustReadBooks', writtenAt: IN_2026 }, {})).toEqual(books);
    // Another year, or another person on this browser, never gets that list.
    await expect(offline.h.mustReadBooks({ type: 'mustReadBooks', writtenAt: IN_2025 }, {})).rejects.toMatchObject({ code: 'unreachable' });
    await sessionItem.setValue({ server: SERVER, token: 'tok2', user: { ...user, id: 'p2' }, needsSignIn: false });
    await expect(offline.h.mustReadBooks({ type: 'mustReadBooks', writtenAt: IN_2026 }, {})).rejects.toMatchObject({ code: 'unreachable' });
  });

  it('fails on an error answer or a wrong shape (the kept list is for offline only), and is null when signed out', async () => {
    await handlers(() => json(200, plan(['乡土中国']))).h.mustReadBooks({ type: 'mustReadBooks', writtenAt: IN_2026 }, {});
    await expect(handlers(() => error(500, 'internal_error')).h.mustReadBooks({ type: 'mustReadBooks', writtenAt: IN_2026 }, {})).rejects.toMatchObject({ code: 'server_error' });
    await expect(handlers(() => json(200, { nope: true })).h.mustReadBooks({ type: 'mustReadBooks', writtenAt: IN_2026 }, {})).rejects.toMatchObject({ code: 'server_error' });
    await sessionItem.setValue(null);
    expect(await handlers(() => json(200, plan([]))).h.mustReadBooks({ type: 'mustReadBooks', writtenAt: IN_2026 }, {})).toBeNull();
  });

  it('asks for the year the note was written in the organisation’s zone, not the browser’s', async () => {
    // 1 January 01:00 in Shanghai (the default zone without a policy) is still 31 December in UTC.
    const { h, fetchFn } = handlers(() => json(200, plan(['乡土中国'])));
    await h.mustReadBooks({ type: 'mustReadBooks', writtenAt: Date.parse('2026-12-31T17:00:00Z') }, {});
    expect(fetchFn.mock.calls[0]![0]).toBe(`${SERVER}/api/people/p1/plans/2027/year`);
  });
});
