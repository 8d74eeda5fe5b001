import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { IdIndex } from './id-index.ts';
import { packId } from './packed-id.ts';

describe('IdIndex', () => {
  it('finds what was stored, as a Map would, through growth, deletions and re-insertions', () => {
    const index = new IdIndex();
    const model = new Map<string, number>();
    const ids = Array.from({ length: 5000 }, () => packId(randomUUID()));
    ids.forEach((id, i) => {
      index.set(id, i % 977);
      model.set(id, i % 977);
    });
    // Delete every third, re-add some with another number: deletion marks are probed past and reused.
    ids.forEach((id, i) => {
      if (i % 3 === 0) {
        index.delete(id);
        model.delete(id);
      }
      if (i % 9 === 0) {
        index.set(id, 5);
        model.set(id, 5);
      }
    });
    for (const id of ids) expect(index.get(id)).toBe(model.get(id) ?? -1);
    expect(index.size).toBe(model.size);
    expect(index.get(packId(randomUUID()))).toBe(-1);
  });

  it('keeps ids that differ only in their last character apart, and time-ordered UUIDs spread out', () => {
    const index = new IdIndex();
    const base = packId('018f3c2a-7b1e-7000-8000-000000000000').slice(0, 21);
    // A packed UUID's last character carries two bits (A, Q, g, w); others are not packId's and go to the Map.
    const family = [...'AQgwBR_'].map((last) => base + last);
    family.forEach((id, i) => index.set(id, i));
    expect(family.map((id) => index.get(id))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    // UUIDv7: the first 48 bits are a millisecond clock, so consecutive ids share their first characters.
    const sequential = Array.from({ length: 20000 }, (_, i) => packId(`018f3c2a-${(0x7b1e + i).toString(16).padStart(4, '0')}-7000-8000-${i.toString(16).padStart(12, '0')}`));
    sequential.forEach((id, i) => index.set(id, i));
    expect(sequential.every((id, i) => index.get(id) === i)).toBe(true);
  });

  it('grows once to a reserved size and keeps what it held', () => {
    const index = new IdIndex();
    const ids = Array.from({ length: 3000 }, () => packId(randomUUID()));
    ids.slice(0, 100).forEach((id, i) => index.set(id, i));
    index.reserve(3000);
    ids.forEach((id, i) => index.set(id, i));
    expect(ids.every((id, i) => index.get(id) === i)).toBe(true);
    expect(index.size).toBe(3000);
  });

  it('holds ids that are not UUIDs (kept behind "~") and odd strings of the packed length', () => {
    const index = new IdIndex();
    const odd = ['~my-own-id', '~', `~${'x'.repeat(21)}`, 'ééééééééééééééééééééé!', 'AAAAAAAAAAAAAAAAAAAAA.'];
    odd.forEach((id, i) => index.set(id, i));
    expect(odd.map((id) => index.get(id))).toEqual([0, 1, 2, 3, 4]);
    index.delete('~my-own-id');
    expect(index.get('~my-own-id')).toBe(-1);
    expect(index.size).toBe(4);
  });
});
