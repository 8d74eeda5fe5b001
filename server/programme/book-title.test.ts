import { describe, expect, it } from 'vitest';
import { bookTitleKey, sameBookTitle } from './book-title.ts';

describe('must-read book titles', () => {
  it('match ignoring 《》, 〈〉 and spaces of any width', () => {
    for (const tag of ['《乡土中国》', '乡土中国', ' 乡土 中国 ', '《乡土中国 》', '乡土\u3000中国', '〈乡土中国〉']) {
      expect(sameBookTitle(tag, '乡土中国'), tag).toBe(true);
      expect(sameBookTitle('《乡土中国》', tag), tag).toBe(true);
    }
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
  });
});
