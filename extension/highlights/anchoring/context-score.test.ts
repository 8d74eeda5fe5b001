// The context check that stands between a repeated quote and a wrong highlight.
import { describe, expect, it } from 'vitest';
import { prefixScore, suffixScore } from './context-score.ts';

describe('context scores', () => {
  const text = 'The chair opened the meeting. [QUOTE] Members then read the report aloud.';
  const start = text.indexOf('[QUOTE]');
  const end = start + 7;

  it('are 1 for intact context and tolerate a small edit at the boundary', () => {
    expect(prefixScore('opened the meeting. ', text, start).similarity).toBe(1);
    expect(suffixScore(' Members then read', text, end).similarity).toBe(1);
    const edited = text.replace('meeting. [', 'meeting today. [');
    expect(prefixScore('opened the meeting. ', edited, edited.indexOf('[')).similarity).toBeGreaterThan(0.6);
  });

  it('are low for unrelated text', () => {
    expect(prefixScore('a quite different preamble here ', text, start).similarity).toBeLessThan(0.5);
  });
});
