import { describe, expect, it } from 'vitest';
import { parsePatterns } from './patterns-input.ts';

describe('parsePatterns', () => {
  it('takes one pattern per line, ignoring blank lines and spaces', () => {
    expect(parsePatterns(' https://*.example.org/learn/*\r\n\n http://127.0.0.1/learn/* \n')).toEqual({
      patterns: ['https://*.example.org/learn/*', 'http://127.0.0.1/learn/*'],
      invalid: [],
    });
  });
  it('names the lines that are not match patterns', () => {
    expect(parsePatterns('example.org\nhttps://ok.example/*').invalid).toEqual(['example.org']);
  });
});
