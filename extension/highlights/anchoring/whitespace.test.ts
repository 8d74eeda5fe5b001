// The collapsed view must collapse exactly what \s matches, and map every character back to its source.
import { describe, expect, it } from 'vitest';
import { collapseString, collapseWhitespace, toCollapsed } from './whitespace.ts';

describe('collapseWhitespace', () => {
  it('collapses every run of white space, Unicode spaces included, and maps back to the source', () => {
    const source = 'a \t\n b\u3000\u00a0c\u2003d\u200be\ufeff f';
    const view = collapseWhitespace(source);
    expect(view.text).toBe(source.replace(/\s+/g, ' '));
    expect(view.toSource.length).toBe(view.text.length + 1);
    for (let i = 0; i < view.text.length; i++) {
      const c = source[view.toSource[i]!]!;
      expect(view.text[i] === ' ' ? /\s/.test(c) : c === view.text[i]).toBe(true);
    }
    expect(view.toSource[view.text.length]).toBe(source.length);
    expect(toCollapsed(view, source.indexOf('b'))).toBe(view.text.indexOf('b'));
  });

  it('collapses a quote as the page: lone spaces kept, any other lone white space and every run made one space', () => {
    for (const s of ['a b', 'a\tb', 'a\nb', ' a  b ', '\u3000a\u00a0 \u2003b\u200bc\ufeff', 'a \t\n b', '\n']) {
      expect(collapseString(s)).toBe(s.replace(/\s+/g, ' '));
      expect(collapseWhitespace(s).text).toBe(s.replace(/\s+/g, ' '));
    }
  });
});
