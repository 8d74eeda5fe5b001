// When a note's tag names a must-read book: titles are compared without the book-title marks 《》 (and
// 〈〉) and without spaces of any width, so 《乡土中国》, 乡土中国 and "乡土 中国" are the same book.
const MARKS_AND_SPACES = /[《》〈〉\s\u3000]/gu;

export function bookTitleKey(title: string): string {
  return title.replace(MARKS_AND_SPACES, '').normalize('NFC');
}

export function sameBookTitle(a: string, b: string): boolean {
  const key = bookTitleKey(a);
  return key !== '' && key === bookTitleKey(b);
}
