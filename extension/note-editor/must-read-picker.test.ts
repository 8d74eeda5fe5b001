import { describe, expect, it } from 'vitest';
import { mustReadOptions, optionValue } from './must-read-picker.ts';

const books = [
  { id: 'b1', title: '乡土中国' },
  { id: 'b2', title: '政协章程' },
];

describe('the must-read picker’s options', () => {
  it('offer none first, then the year’s books in list order', () => {
    expect(mustReadOptions(books, null)).toEqual([{ kind: 'none' }, { kind: 'book', id: 'b1', title: '乡土中国' }, { kind: 'book', id: 'b2', title: '政协章程' }]);
    expect(mustReadOptions(books, 'b2').map(optionValue)).toEqual(['', 'b1', 'b2']);
  });

  it('keep a link to a book the list does not hold, so saving does not drop it', () => {
    expect(mustReadOptions(books, 'gone').at(-1)).toEqual({ kind: 'kept', id: 'gone' });
    // The list could not be loaded: none, and the note's own link.
    expect(mustReadOptions([], 'b1')).toEqual([{ kind: 'none' }, { kind: 'kept', id: 'b1' }]);
    expect(mustReadOptions([], null)).toEqual([{ kind: 'none' }]);
  });
});
