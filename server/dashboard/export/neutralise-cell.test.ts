import { describe, expect, it } from 'vitest';
import { neutraliseCell } from './neutralise-cell.ts';

describe('neutraliseCell', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '＝1+1', '=HYPERLINK("http://evil.example","x")'])(
    'prefixes %j with an apostrophe',
    (value) => {
      expect(neutraliseCell(value)).toBe(`'${value}`);
    },
  );
  it.each(['张伟', 'a=b', ' =1', '', '1.5', "'quoted"])('leaves %j alone', (value) => {
    expect(neutraliseCell(value)).toBe(value);
  });
});
