import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';
import { sheet } from './table.ts';

describe('toCsv', () => {
  it('writes a BOM, CRLF lines, quotes where needed, and neutralised text', () => {
    const s = sheet('x', [{ header: '姓名', kind: 'text' }, { header: 'hours', kind: 'hours' }], [
      ['张伟', 1.5],
      ['say "hi", ok', 0],
      ['=cmd|"/c calc"!A1', 2],
      ['two\nlines', 3],
    ]);
    expect(toCsv(s)).toBe('\uFEFF姓名,hours\r\n张伟,1.5\r\n"say ""hi"", ok",0\r\n"\'=cmd|""/c calc""!A1",2\r\n"two\nlines",3\r\n');
  });
});
