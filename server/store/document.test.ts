import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { packId, unpackId } from './document.ts';

describe('segment id packing', () => {
  it('packs a lower-case UUID into 22 characters and back', () => {
    for (let i = 0; i < 100; i++) {
      const id = randomUUID();
      const packed = packId(id);
      expect(packed).toHaveLength(22);
      expect(unpackId(packed)).toBe(id);
    }
  });

  it('keeps any other id verbatim behind a tilde', () => {
    for (const id of ['0E3B6F0A-1111-4111-8111-000000000002', 'legacy-id', '~odd', '']) {
      expect(packId(id)).toBe(`~${id}`);
      expect(unpackId(packId(id))).toBe(id);
    }
  });
});
