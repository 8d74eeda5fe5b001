// The note editor's must-read picker (关联必读书目): the year's books fetched through the background, and
// the options it lists. "None" comes first and is the default; a link the note already has to a book
// that is not on the list (it has left the list, or the list cannot be loaded) stays offered as the
// current choice, so saving the note never drops a link the person did not change.
import { useEffect, useState } from 'preact/hooks';
import type { MustReadBook } from '../programme/programme-protocol.ts';

/** Where the editor gets the books from; null answers "not signed in" (no list to offer). */
export type LoadMustReadBooks = () => Promise<readonly MustReadBook[] | null>;

export type MustReadBooksState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly books: readonly MustReadBook[] }
  | { readonly kind: 'unavailable' };

export type MustReadOption =
  | { readonly kind: 'none' }
  | { readonly kind: 'book'; readonly id: string; readonly title: string }
  /** The note's link to a book the list does not hold (shown without a title: the server knows it by id). */
  | { readonly kind: 'kept'; readonly id: string };

export function mustReadOptions(books: readonly MustReadBook[], chosen: string | null): MustReadOption[] {
  const options: MustReadOption[] = [{ kind: 'none' }, ...books.map((b) => ({ kind: 'book' as const, id: b.id, title: b.title }))];
  if (chosen !== null && !books.some((b) => b.id === chosen)) options.push({ kind: 'kept', id: chosen });
  return options;
}

/** The value of an option in the select element ('' is none). */
export function optionValue(option: MustReadOption): string {
  return option.kind === 'none' ? '' : option.id;
}

/** Loads the books once, when the editor opens. */
export function useMustReadBooks(load: LoadMustReadBooks | undefined): MustReadBooksState {
  const [state, setState] = useState<MustReadBooksState>({ kind: 'loading' });
  useEffect(() => {
    if (load === undefined) return;
    let live = true;
    load().then(
      (books) => live && setState(books === null ? { kind: 'unavailable' } : { kind: 'ready', books }),
      () => live && setState({ kind: 'unavailable' }),
    );
    return () => {
      live = false;
    };
    // The loader is fixed for the life of one editor.
  }, []);
  return state;
}
