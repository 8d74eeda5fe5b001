// The pure outbox operations: batching, settling verdicts, and keeping segments with their owner.
import { describe, expect, it } from 'vitest';
import type { Segment } from '../../shared/schemas/sync.ts';
import { ownerOf } from '../storage/owner.ts';
import { appendSegments, park, removeSettled, takeBatch, unpark } from './outbox.ts';

const seg = (n: number): Segment => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  resourceId: 'res-a',
  url: `https://learn.example.org/a/${n}`,
  title: `Lesson ${n}`,
  startedAt: new Date(Date.UTC(2026, 0, 5, 0, n)).toISOString(),
  endedAt: new Date(Date.UTC(2026, 0, 5, 0, n, 30)).toISOString(),
  mode: 'reading',
});
const many = (count: number) => Array.from({ length: count }, (_, i) => seg(i + 1));

describe('outbox', () => {
  it('sends at most 500 segments per batch, oldest first', () => {
    const outbox = many(1203);
    expect(takeBatch(outbox)).toEqual(outbox.slice(0, 500));
    expect(takeBatch(outbox.slice(1000))).toHaveLength(203);
    expect(takeBatch([])).toEqual([]);
  });

  it('removes accepted and rejected segments and keeps the ones without a verdict', () => {
    const [a, b, c, d] = many(4) as [Segment, Segment, Segment, Segment];
    const left = removeSettled([a, b, c, d], {
      accepted: [a.id, 'unknown-id'],
      rejected: [{ id: c.id, code: 'too_old', message: 'too old' }],
    });
    expect(left).toEqual([b, d]);
  });

  it('appends without duplicating a segment id', () => {
    const [a, b, c] = many(3) as [Segment, Segment, Segment];
    expect(appendSegments([a, b], [b, c])).toEqual([a, b, c]);
  });

  it('parks segments under their owner, merges with earlier ones, and gives them back only to that owner', () => {
    const [a, b, c] = many(3) as [Segment, Segment, Segment];
    const zhang = ownerOf('https://st.example.org', 'u1');
    const li = ownerOf('https://st.example.org', 'u2');
    let parked = park([], zhang, [a]);
    parked = park(parked, li, [b]);
    parked = park(parked, zhang, [a, c]);
    expect(parked).toContainEqual({ owner: zhang, segments: [a, c] });
    const back = unpark(parked, zhang);
    expect(back.segments).toEqual([a, c]);
    expect(back.parked).toEqual([{ owner: li, segments: [b] }]);
    expect(unpark(back.parked, zhang).segments).toEqual([]);
  });

  it('parks nothing for an empty outbox', () => {
    expect(park([], ownerOf('https://st.example.org', 'u1'), [])).toEqual([]);
  });
});
