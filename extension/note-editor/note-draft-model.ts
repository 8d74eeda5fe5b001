// State of the note editor (in the page and in the side panel): comment, tags with suggestions from
// the person's existing tags, colour. Tags are typed and confirmed with Enter or a comma. The limits the
// background and the server enforce are checked here first, so a draft is refused with a reason, never lost.
import { useMemo, useState } from 'preact/hooks';
import { NOTE_COLOURS, NOTE_LIMITS, type MustReadLink, type NoteColour } from '../../shared/schemas/notes.ts';

export interface NoteDraftValues {
  readonly comment: string;
  readonly tags: readonly string[];
  readonly colour: NoteColour;
  readonly title?: string;
  readonly quote?: string;
  /** The must-read book chosen (null: none); left out where the editor offers no picker. */
  readonly mustRead?: MustReadLink | null;
}

/** Suggestions: existing tags not chosen yet that contain what is being typed, most used first. */
export function suggestTags(known: readonly string[], chosen: readonly string[], typed: string, limit = 8): string[] {
  const needle = typed.trim().toLowerCase();
  const taken = new Set(chosen.map((t) => t.toLowerCase()));
  return known.filter((t) => !taken.has(t.toLowerCase()) && (needle === '' || t.toLowerCase().includes(needle))).slice(0, limit);
}

/** Adds a typed tag (or several, separated by commas) without duplicates. */
export function addTags(chosen: readonly string[], typed: string): string[] {
  const out = [...chosen];
  for (const part of typed.split(/[,，]/)) {
    const tag = part.trim();
    if (tag !== '' && !out.some((t) => t.toLowerCase() === tag.toLowerCase())) out.push(tag);
  }
  return out;
}

/** What a save reports back to the editor: on failure the editor stays open with the draft and the reason. */
export type SaveOutcome = { readonly ok: true } | { readonly ok: false; readonly message: string };

export type DraftField = 'comment' | 'title' | 'quote';

/** The most characters each text field may hold (counted as the server counts: UTF-16 code units). */
export const DRAFT_LIMITS: Record<DraftField, number> = {
  comment: NOTE_LIMITS.commentChars,
  title: NOTE_LIMITS.titleChars,
  quote: NOTE_LIMITS.quoteChars,
};

export type DraftProblem =
  | { readonly kind: 'tooLong'; readonly field: DraftField; readonly limit: number; readonly excess: number }
  | { readonly kind: 'tooManyTags'; readonly limit: number }
  | { readonly kind: 'tagTooLong'; readonly tag: string; readonly limit: number };

/** Everything that would make the save fail validation; empty when the draft can be saved. */
export function draftProblems(values: NoteDraftValues): DraftProblem[] {
  const problems: DraftProblem[] = [];
  for (const field of ['comment', 'title', 'quote'] as const) {
    const length = values[field]?.length ?? 0;
    if (length > DRAFT_LIMITS[field]) problems.push({ kind: 'tooLong', field, limit: DRAFT_LIMITS[field], excess: length - DRAFT_LIMITS[field] });
  }
  if (values.tags.length > NOTE_LIMITS.tags) problems.push({ kind: 'tooManyTags', limit: NOTE_LIMITS.tags });
  for (const tag of values.tags) if (tag.length > NOTE_LIMITS.tagChars) problems.push({ kind: 'tagTooLong', tag, limit: NOTE_LIMITS.tagChars });
  return problems;
}

export interface NoteDraftModel {
  readonly values: NoteDraftValues;
  readonly tagInput: string;
  readonly suggestions: string[];
  readonly colours: readonly NoteColour[];
  setComment(comment: string): void;
  setTitle(title: string): void;
  setQuote(quote: string): void;
  setTagInput(text: string): void;
  /** Confirms what is typed in the tag field as tags. */
  commitTagInput(): void;
  addTag(tag: string): void;
  removeTag(tag: string): void;
  setColour(colour: NoteColour): void;
  /** Links the note to a must-read book by its id, or to none (null). */
  setMustRead(bookId: string | null): void;
  /** The values to save, with anything still typed in the tag field included. */
  finish(): NoteDraftValues;
}

export function useNoteDraft(initial: NoteDraftValues, knownTags: readonly string[]): NoteDraftModel {
  const [values, setValues] = useState<NoteDraftValues>(initial);
  const [tagInput, setTagInput] = useState('');
  const suggestions = useMemo(() => suggestTags(knownTags, values.tags, tagInput), [knownTags, values.tags, tagInput]);
  return {
    values,
    tagInput,
    suggestions,
    colours: NOTE_COLOURS,
    setComment: (comment) => setValues((v) => ({ ...v, comment })),
    setTitle: (title) => setValues((v) => ({ ...v, title })),
    setQuote: (quote) => setValues((v) => ({ ...v, quote })),
    setTagInput,
    commitTagInput: () => {
      setValues((v) => ({ ...v, tags: addTags(v.tags, tagInput) }));
      setTagInput('');
    },
    addTag: (tag) => {
      setValues((v) => ({ ...v, tags: addTags(v.tags, tag) }));
      setTagInput('');
    },
    removeTag: (tag) => setValues((v) => ({ ...v, tags: v.tags.filter((t) => t !== tag) })),
    setColour: (colour) => setValues((v) => ({ ...v, colour })),
    setMustRead: (bookId) => setValues((v) => ({ ...v, mustRead: bookId === null ? null : { bookId } })),
    finish: () => ({ ...values, tags: addTags(values.tags, tagInput) }),
  };
}
