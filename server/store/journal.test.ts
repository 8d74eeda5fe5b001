import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeLine, encodeLineBytes, parseJournal } from './journal.ts';

describe('journal lines', () => {
  const value = { seq: 1, ops: [{ type: 'unit.put', unit: { id: 'u1', name: '研究室 😀 "quoted"\n', parentId: null, createdAt: '2026-03-06T02:00:00.000Z' } }] };

  it('are the JSON after its CRC-32 in eight hex digits, one line each, in UTF-8', () => {
    const line = encodeLineBytes(value).toString('utf8');
    const json = JSON.stringify(value);
    expect(line).toBe(`${crc32(json).toString(16).padStart(8, '0')} ${json}\n`);
    expect(encodeLine(value)).toBe(line);
  });

  it('read back as written, and a changed byte is a checksum mismatch', () => {
    const text = encodeLine({ journal: 1, base: 0 }) + encodeLine(value);
    expect(parseJournal('j', text).entries).toEqual([value]);
    expect(() => parseJournal('j', text.replace('研究室', '研究所'))).toThrow(/line 2 \(checksum mismatch\)/);
  });
});
