// A must-read book named in a note's tag (the fallback for notes without an explicit link): titles are
// compared without the book-title marks 《》〈〉, without quotation marks (" ' “” ‘’ 「」 『』 ＂ ＇) and
// without whitespace of any width (zero-width spaces included), so 《乡土中国》, “乡土中国”, 乡土中国 and
// "乡土 中国" are the same book. Other punctuation stays: 乡土中国（修订版） is another edition.
const MARKS_QUOTES_AND_SPACES = /[《》〈〉"'“”‘’「」『』＂＇\s\u200b-\u200d\u2060\ufeff]/gu;

export function bookTitleKey(title: string): string {
  return title.normalize('NFC').replace(MARKS_QUOTES_AND_SPACES, '');
}

export function sameBookTitle(a: string, b: string): boolean {
  const key = bookTitleKey(a);
  return key !== '' && key === bookTitleKey(b);
}
