// Folding long comments: by length and by line count, never a short one.
import { describe, expect, it } from 'vitest';
import { COLLAPSE_CHARS, COLLAPSE_LINES, shouldCollapse } from './collapse-text.ts';

describe('folding long comments', () => {
  it('leaves short comments open', () => {
    expect(shouldCollapse('')).toBe(false);
    expect(shouldCollapse('要坚持写读书笔记')).toBe(false);
    expect(shouldCollapse('学'.repeat(COLLAPSE_CHARS))).toBe(false);
    expect(shouldCollapse(Array(COLLAPSE_LINES).fill('一行').join('\n'))).toBe(false);
  });

  it('folds a comment over the character limit', () => {
    expect(shouldCollapse('学'.repeat(COLLAPSE_CHARS + 1))).toBe(true);
    expect(shouldCollapse('学'.repeat(20_000))).toBe(true);
  });

  it('folds a short comment of many lines', () => {
    expect(shouldCollapse(Array(COLLAPSE_LINES + 1).fill('一行').join('\n'))).toBe(true);
  });
});
