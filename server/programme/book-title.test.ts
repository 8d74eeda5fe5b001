import { describe, expect, it } from 'vitest';
import { bookTitleKey, sameBookTitle } from './book-title.ts';

describe('must-read book titles', () => {
  it('match ignoring 《》, 〈〉 and spaces of any width', () => {
    for (const tag of ['《乡土中国》', '乡土中国', ' 乡土 中国 ', '《乡土中国 》', '乡土\u3000中国', '〈乡土中国〉']) {
      expect(sameBookTitle(tag, '乡土中国'), tag).toBe(true);
      expect(sameBookTitle('《乡土中国》', tag), tag).toBe(true);
    }
  });
  it('match ignoring quotation marks of every kind and every whitespace, zero-width included', () => {
    for (const tag of ['“乡土中国”', '"乡土中国"', "'乡土中国'", '‘乡土中国’', '「乡土中国」', '『乡土中国』', '＂乡土中国＂', '乡\u00a0土\t中\n国', '乡土\u200b中国', '\ufeff《“乡土 中国”》']) {
      expect(sameBookTitle(tag, '《乡土中国》'), tag).toBe(true);
    }
    expect(bookTitleKey(' “Das Kapital” ')).toBe('DasKapital');
  });
  it('compare composed and decomposed characters alike', () => {
    expect(sameBookTitle('Cafe\u0301', 'Café')).toBe(true);
  });
  it('keep other characters, so different books stay different', () => {
    expect(sameBookTitle('乡土中国', '乡土中国（修订版）')).toBe(false);
    expect(sameBookTitle('论语', '论 语 译注')).toBe(false);
    expect(sameBookTitle('Capital', 'capital')).toBe(false);
  });
  it('never matches an empty or marks-only title', () => {
    expect(sameBookTitle('', '')).toBe(false);
    expect(sameBookTitle('《》', ' ')).toBe(false);
    expect(bookTitleKey('《 》')).toBe('');
    expect(sameBookTitle('“”', '「」')).toBe(false);
  });
});
