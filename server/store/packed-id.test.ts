import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { packId, unpackId } from './packed-id.ts';

describe('segment id packing', () => {
  it('packs a lower-case UUID into the 22 base64url characters of its bytes, and back', () => {
    for (let i = 0; i < 1000; i++) {
      const id = randomUUID();
      const packed = packId(id);
      // The snapshot's rows have always held exactly this: files written before stay readable.
      expect(packed).toBe(Buffer.from(id.replaceAll('-', ''), 'hex').toString('base64url'));
      expect(unpackId(packed)).toBe(id);
    }
    expect(packId('00000000-0000-0000-0000-000000000000')).toBe('AAAAAAAAAAAAAAAAAAAAAA');
    expect(unpackId(packId('ffffffff-ffff-ffff-ffff-ffffffffffff'))).toBe('ffffffff-ffff-ffff-ffff-ffffffffffff');
  });

  it('keeps any other id verbatim behind a tilde', () => {
    for (const id of ['0E3B6F0A-1111-4111-8111-000000000002', 'legacy-id', '~odd', '', '0e3b6f0a-1111-4111-8111-00000000000g', '0e3b6f0a1-111-4111-8111-000000000002', '0e3b6f0a-1111-4111-8111-00000000000学', '0e3b6f0a-1111-4111-8111-0000000000002']) {
      expect(packId(id)).toBe(`~${id}`);
      expect(unpackId(packId(id))).toBe(id);
    }
  });
});
