import { describe, expect, it } from 'vitest';
import type { Segment } from '../../shared/schemas/sync.ts';
import { checkSegment } from './check-segment.ts';

const NOW = Date.parse('2026-03-06T12:00:00Z');
const patterns: Record<string, string[]> = { res1: ['https://*.example.org/learn/*'] };
const context = { nowMs: NOW, patternsOf: (id: string) => patterns[id] };

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
  it('accepts a valid segment', () => {
    expect(checkSegment(good, 0, context)).toEqual({ ok: true, segment: good });
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
