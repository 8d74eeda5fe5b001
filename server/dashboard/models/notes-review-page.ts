// What the notes review screen loads and remembers: the lists its filters choose from, the page of notes
// the URL asks for, and how many notes the last review took out of the list (said while the same filter
// is shown, on any page: the page may give way to the last one when it empties). The paging rules are
// in notes-page.ts; components render what this hands them.
import { useState } from 'preact/hooks';
import type { Api } from '../api/endpoints.ts';
import type { FormFields } from './form-fields.ts';
import { NOTES_PAGE_SIZE, pageFromQuery, pageOffset } from './notes-page.ts';
import { reviewApiQuery, reviewFormFromUrl } from './review-filter-form.ts';
import { useLoad } from './use-load.ts';

export async function loadReviewLists(api: Api) {
  const [people, units, resources] = await Promise.all([api.people(), api.units(), api.resources()]);
  return { people, units, resources };
}

export function useNotesReviewPage(api: Api, query: URLSearchParams) {
  const filter = reviewFormFromUrl(query);
  const page = pageFromQuery(query);
  const key = JSON.stringify({ filter, page });
  const lists = useLoad(() => loadReviewLists(api), [api]);
  const notes = useLoad(
    () => api.reviewableNotes({ ...reviewApiQuery(filter), offset: String(pageOffset(page)), limit: String(NOTES_PAGE_SIZE) }),
    [api, key],
  );
  const filterKey = JSON.stringify(filter);
  const [moved, setMoved] = useState<{ filterKey: string; count: number } | null>(null);
  return {
    filter,
    page,
    key,
    lists,
    notes,
    /** Notes the last review took out of the list shown, null when there is nothing to say. */
    movedCount: moved?.filterKey === filterKey ? moved.count : null,
    /** `count` notes no longer belong to the list: say so, and fetch the page again. */
    onLeft(count: number) {
      setMoved({ filterKey, count });
      notes.reload();
    },
  };
}

/** Marks a note reviewed (已阅) with the comment typed, or updates the comment. */
export const reviewNote = (api: Api, noteId: string, form: FormFields) => api.reviewNote(noteId, form.text('comment'));
export const withdrawReview = (api: Api, noteId: string) => api.withdrawReview(noteId);
/** Bulk 已阅: the notes named, with no comment; the server answers with them as they now are. */
export const reviewNotes = async (api: Api, noteIds: readonly string[]) => (await api.reviewNotes([...noteIds], '')).notes;
