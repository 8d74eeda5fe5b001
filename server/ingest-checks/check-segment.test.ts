import { describe, expect, it } from 'vitest';
import type { Segment } from '../../shared/schemas/sync.ts';
import type { PolicyVersionRecord } from '../store/store-contract.ts';
import { checkSegment } from './check-segment.ts';

const NOW = Date.parse('2026-03-06T12:00:00Z');
const settings = { idleSeconds: 120, mediaPresenceSeconds: 1800, dailyCapSeconds: 28800 };
const resource = { id: 'res1', name: 'R', category: 'other' as const, kind: 'reading' as const, patterns: ['https://*.example.org/learn/*'] };
const current: PolicyVersionRecord = { version: 4, at: '2026-03-06T11:10:00Z', settings, resources: [resource] };
const context = { nowMs: NOW, policiesAt: () => [current] };

const good: Segment = {
  id: '3f1c6a52-6d8e-4b61-9a3e-0c2f4d5e6f70',
  resourceId: 'res1',
  url: 'https://www.example.org/learn/lesson-1?page=2',
  title: '第一课',
  startedAt: '2026-03-06T11:00:00Z',
  endedAt: '2026-03-06T11:20:00+00:00',
  mode: 'reading',
};

function codeOf(raw: unknown): string | null {
  const verdict = checkSegment(raw, 0, context);
  return verdict.ok ? null : verdict.rejection.code;
}

describe('checkSegment', () => {
  it('accepts a valid segment, with the policy version it was judged under', () => {
    expect(checkSegment(good, 0, context)).toEqual({
      ok: true,
      segment: {
        id: good.id,
        resourceId: 'res1',
        url: good.url,
        title: good.title,
        startMs: Date.parse(good.startedAt),
        endMs: Date.parse(good.endedAt),
        mode: 'reading',
        policyVersion: 4,
      },
    });
  });

  it('judges by the policy in force when the study began, then by the current one', () => {
    // Deactivated since: the segment was recorded while the resource was designated.
    const then: PolicyVersionRecord = { version: 3, at: '2026-03-01T00:00:00Z', settings, resources: [resource] };
    const now: PolicyVersionRecord = { version: 5, at: '2026-03-06T11:50:00Z', settings, resources: [] };
    const verdict = checkSegment(good, 0, { nowMs: NOW, policiesAt: () => [then, now] });
    expect(verdict.ok && verdict.segment.policyVersion).toBe(3);
    const newer = checkSegment(good, 0, { nowMs: NOW, policiesAt: () => [{ ...then, resources: [] }, current] });
    expect(newer.ok && newer.segment.policyVersion).toBe(4);
  });

  it('keeps the seconds of a refused segment with a usable interval, clamped to the accepted window', () => {
    const outside = checkSegment({ ...good, url: 'https://www.example.org/news/1' }, 0, context);
    expect(outside).toMatchObject({ ok: false, refused: { reason: 'outside_allowlist', code: 'url_outside_resource', startMs: Date.parse(good.startedAt), endMs: Date.parse(good.endedAt) } });
    const future = checkSegment({ ...good, startedAt: '2026-03-06T11:50:00Z', endedAt: '2026-03-06T13:00:00Z' }, 0, context);
    expect(future).toMatchObject({ ok: false, refused: { reason: 'invalid', code: 'in_future', startMs: Date.parse('2026-03-06T11:50:00Z'), endMs: NOW + 120_000 } });
    const wholeFuture = checkSegment({ ...good, startedAt: '2026-03-07T11:50:00Z', endedAt: '2026-03-07T13:00:00Z' }, 0, context);
    expect(!wholeFuture.ok && wholeFuture.refused!.endMs - wholeFuture.refused!.startMs).toBe(0);
    const long = checkSegment({ ...good, startedAt: '2026-03-05T00:00:00Z', endedAt: '2026-03-06T11:00:00Z' }, 0, context);
    expect(!long.ok && long.refused!.endMs - long.refused!.startMs).toBe(12 * 3600_000);
    expect(checkSegment({ ...good, mode: 'x' }, 0, context)).not.toHaveProperty('refused');
  });

  it.each([
    ['not an object', 'x'],
    ['a missing field', { ...good, title: undefined }],
    ['a non-uuid id', { ...good, id: 'abc' }],
    ['an instant without offset', { ...good, startedAt: '2026-03-06T11:00:00' }],
    ['an unknown mode', { ...good, mode: 'dreaming' }],
    ['a non-http url', { ...good, url: 'ftp://www.example.org/learn/x' }],
  ])('rejects %s as invalid_segment', (_, raw) => {
    expect(codeOf(raw)).toBe('invalid_segment');
  });

  it('names the bad field and keeps the id when there is one', () => {
    const verdict = checkSegment({ ...good, mode: 'x' }, 3, context);
    expect(verdict).toMatchObject({ ok: false, rejection: { id: good.id, code: 'invalid_segment' } });
    expect(!verdict.ok && verdict.rejection.message).toMatch(/^mode: /);
  });

  it('names a segment without an id by its position', () => {
    const verdict = checkSegment({ ...good, id: 7 }, 3, context);
    expect(!verdict.ok && verdict.rejection.id).toBe('segments[3]');
  });

  it('rejects an end at or before the start', () => {
    expect(codeOf({ ...good, endedAt: good.startedAt })).toBe('end_before_start');
    expect(codeOf({ ...good, endedAt: '2026-03-06T10:00:00Z' })).toBe('end_before_start');
  });

  it('refuses a segment under one second, with its reason, and keeps no raw time of it', () => {
    const start = Date.parse(good.startedAt);
    const flicker = checkSegment({ ...good, endedAt: new Date(start + 10).toISOString() }, 0, context);
    expect(flicker).toEqual({ ok: false, rejection: { id: good.id, code: 'segment_too_short', message: 'A segment must last at least one second' } });
    expect(codeOf({ ...good, endedAt: new Date(start + 999).toISOString() })).toBe('segment_too_short');
    expect(codeOf({ ...good, endedAt: new Date(start + 1000).toISOString() })).toBeNull();
  });

  it('accepts 12 hours and rejects more', () => {
    const start = '2026-03-05T20:00:00Z';
    expect(codeOf({ ...good, startedAt: start, endedAt: '2026-03-06T08:00:00Z' })).toBeNull();
    expect(codeOf({ ...good, startedAt: start, endedAt: '2026-03-06T08:00:01Z' })).toBe('segment_too_long');
  });

  it('tolerates 120 s of clock skew into the future, no more', () => {
    expect(codeOf({ ...good, endedAt: '2026-03-06T12:02:00Z' })).toBeNull();
    expect(codeOf({ ...good, endedAt: '2026-03-06T12:02:01Z' })).toBe('in_future');
  });

  it('rejects segments that started more than 30 days ago', () => {
    expect(codeOf({ ...good, startedAt: '2026-02-04T12:00:00Z', endedAt: '2026-02-04T12:10:00Z' })).toBeNull();
    expect(codeOf({ ...good, startedAt: '2026-02-04T11:59:59Z', endedAt: '2026-02-04T12:10:00Z' })).toBe('too_old');
  });

  it('rejects an unknown resource and a url outside the resource', () => {
    expect(codeOf({ ...good, resourceId: 'other' })).toBe('unknown_resource');
    expect(codeOf({ ...good, url: 'https://www.example.org/news/1' })).toBe('url_outside_resource');
    expect(codeOf({ ...good, url: 'https://example.com/learn/1' })).toBe('url_outside_resource');
  });
});
