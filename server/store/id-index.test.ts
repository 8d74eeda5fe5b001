import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { IdIndex } from './id-index.ts';
import { packId } from './packed-id.ts';

describe('IdIndex', () => {
  it('finds the holder of every id added, through growth, and no one for an id never added', () => {
    const index = new IdIndex();
    const ids = Array.from({ length: 5000 }, () => packId(randomUUID()));
    const holderOf = new Map(ids.map((id, i) => [id, i % 977]));
    for (const [id, holder] of holderOf) index.add(id, holder);
    // The holder checks its own table, as the store does: only the true holder says yes.
    for (const [id, holder] of holderOf) expect(index.find(id, (h) => h === holderOf.get(id))).toBe(holder);
    expect(index.find(packId(randomUUID()), () => false)).toBe(-1);
    expect(index.find('~someone else', () => true)).toBe(-1);
    // Added after reads, a few at a time (as syncs add them): found with the rest.
    const later = Array.from({ length: 3000 }, () => packId(randomUUID()));
    for (const [i, id] of later.entries()) {
      index.add(id, 5);
      if (i % 10 === 9) expect(index.find(id, (h) => h === 5)).toBe(5);
    }
    for (const id of [...ids, ...later]) expect(index.find(id, (h) => h === (holderOf.get(id) ?? 5))).toBe(holderOf.get(id) ?? 5);
  });

  it('passes over holders that say no (an id recorded for someone who no longer holds it) to the one that does', () => {
    const index = new IdIndex();
    index.add('abc', 1);
    index.add('abc', 2);
    index.add('abd', 3);
    const asked: number[] = [];
    expect(index.find('abc', (h) => (asked.push(h), h === 2))).toBe(2);
    expect(asked).toEqual([1, 2]);
    expect(index.find('abc', () => false)).toBe(-1);
    expect(index.find('abd', () => true)).toBe(3);
  });

  it('forgets everything when cleared', () => {
    const index = new IdIndex();
    for (let i = 0; i < 3000; i++) index.add(`id${i}`, i);
    index.clear();
    expect(index.find('id7', () => true)).toBe(-1);
    index.add('id7', 5);
    expect(index.find('id7', () => true)).toBe(5);
  });
});
