// State of the note editor (in the page and in the side panel): comment, tags with suggestions from
// the person's existing tags, colour. Tags are typed and confirmed with Enter or a comma.
import { useMemo, useState } from 'preact/hooks';
import { NOTE_COLOURS, type NoteColour } from '../../../shared/schemas/notes.ts';

export interface NoteDraftValues {
  readonly comment: string;
  readonly tags: readonly string[];
  readonly colour: NoteColour;
  readonly title?: string;
  readonly quote?: string;
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
    finish: () => ({ ...values, tags: addTags(values.tags, tagInput) }),
  };
}
