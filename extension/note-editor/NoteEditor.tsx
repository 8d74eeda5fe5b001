// The note editor: the quote (read-only for a clip, editable for a reading note), comment, tags with
// suggestions, the must-read book it is about (when the caller can list them), colour, and save /
// cancel / delete. Used in the page (shadow root) and the side panel.
// Each text box shows its limit; a draft past a limit is refused with the reason, and a failed save
// leaves the editor open with the draft and the reason (the caller closes it only on success).
import { useState } from 'preact/hooks';
import type { NoteColour } from '../../shared/schemas/notes.ts';
import { t } from '../i18n/t.ts';
import { DRAFT_LIMITS, draftProblems, useNoteDraft, type DraftField, type NoteDraftValues, type SaveOutcome } from './note-draft-model.ts';
import { describeProblem } from './note-save-messages.ts';
import { COLOUR_VALUES } from '../../shared/notes/note-colours.ts';
import { mustReadOptions, optionValue, useMustReadBooks, type LoadMustReadBooks } from './must-read-picker.ts';

export interface NoteEditorProps {
  readonly initial: NoteDraftValues;
  readonly knownTags: readonly string[];
  /** The clipped passage, shown above the form; absent for a free-standing reading note. */
  readonly quote?: string;
  /** A free-standing reading note: title and quote are typed in. */
  readonly reading?: boolean;
  readonly onSave: (values: NoteDraftValues) => Promise<SaveOutcome>;
  readonly onCancel: () => void;
  readonly onDelete?: () => void;
  /** The year's must-read books for the picker; without it the editor offers none and keeps the note's link. */
  readonly loadMustReadBooks?: LoadMustReadBooks;
}

const COLOUR_KEYS = {
  yellow: 'colourYellow',
  green: 'colourGreen',
  blue: 'colourBlue',
  pink: 'colourPink',
  purple: 'colourPurple',
} as const satisfies Record<NoteColour, string>;

function MustReadPicker({ load, chosen, onChoose }: { load: LoadMustReadBooks; chosen: string | null; onChoose: (bookId: string | null) => void }) {
  const state = useMustReadBooks(load);
  const options = mustReadOptions(state.kind === 'ready' ? state.books : [], chosen);
  return (
    <label>
      {t('noteMustReadLabel')}
      <select name="mustRead" data-state={state.kind} value={chosen ?? ''} disabled={state.kind === 'loading'} onChange={(e) => onChoose(e.currentTarget.value === '' ? null : e.currentTarget.value)}>
        {options.map((option) => (
          <option key={optionValue(option)} value={optionValue(option)}>
            {option.kind === 'none' ? t('noteMustReadNone') : option.kind === 'book' ? option.title : t('noteMustReadKept')}
          </option>
        ))}
      </select>
      {state.kind === 'loading' && <span class="hint">{t('noteMustReadLoading')}</span>}
      {state.kind === 'unavailable' && <span class="hint" data-testid="must-read-unavailable">{t('noteMustReadUnavailable')}</span>}
    </label>
  );
}

function Counter({ field, value }: { field: DraftField; value: string }) {
  const over = value.length > DRAFT_LIMITS[field];
  return (
    <span class={over ? 'counter over' : 'counter'} data-testid={`${field}-counter`} aria-live={over ? 'polite' : undefined}>
      {t('charCount', String(value.length), String(DRAFT_LIMITS[field]))}
    </span>
  );
}

export function NoteEditor(props: NoteEditorProps) {
  const draft = useNoteDraft(props.initial, props.knownTags);
  const { values } = draft;
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const problems = draftProblems(draft.finish());
  const submit = async (event: Event) => {
    event.preventDefault();
    if (saving) return;
    const finished = draft.finish();
    // Refused: the reason is already shown under the form (below).
    if (draftProblems(finished).length > 0) return;
    setSaving(true);
    setFailure(null);
    const outcome = await props.onSave(finished).catch((): SaveOutcome => ({ ok: false, message: t('noteSaveFailed', t('errorInternal')) }));
    // On success the caller has closed (unmounted) the editor; on failure the draft stays as typed.
    if (!outcome.ok) {
      setSaving(false);
      setFailure(outcome.message);
    }
  };
  return (
    <form class="note-editor" data-testid="note-editor" onSubmit={(e) => void submit(e)}>
      {props.quote !== undefined && <blockquote class="quote">{props.quote}</blockquote>}
      {props.reading && (
        <>
          <label>
            <span class="label-row">
              {t('noteTitleLabel')}
              <Counter field="title" value={values.title ?? ''} />
            </span>
            <input name="title" value={values.title ?? ''} onInput={(e) => draft.setTitle(e.currentTarget.value)} required />
          </label>
          <label>
            <span class="label-row">
              {t('noteQuoteLabel')}
              <Counter field="quote" value={values.quote ?? ''} />
            </span>
            <textarea name="quote" rows={3} value={values.quote ?? ''} onInput={(e) => draft.setQuote(e.currentTarget.value)} />
          </label>
        </>
      )}
      <label>
        <span class="label-row">
          {t('noteCommentLabel')}
          <Counter field="comment" value={values.comment} />
        </span>
        <textarea name="comment" rows={4} value={values.comment} onInput={(e) => draft.setComment(e.currentTarget.value)} />
      </label>
      <label>
        {t('noteTagsLabel')}
        <input
          name="tags"
          value={draft.tagInput}
          placeholder={t('noteTagsPlaceholder')}
          onInput={(e) => draft.setTagInput(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && draft.tagInput.trim() !== '') {
              e.preventDefault();
              draft.commitTagInput();
            }
          }}
        />
      </label>
      <div class="tags" data-testid="chosen-tags">
        {values.tags.map((tag) => (
          <button type="button" class="tag chosen" key={tag} title={t('removeTag')} onClick={() => draft.removeTag(tag)}>
            {tag} ×
          </button>
        ))}
      </div>
      {draft.suggestions.length > 0 && (
        <div class="tags suggestions" data-testid="tag-suggestions">
          {draft.suggestions.map((tag) => (
            <button type="button" class="tag" key={tag} onClick={() => draft.addTag(tag)}>
              + {tag}
            </button>
          ))}
        </div>
      )}
      {props.loadMustReadBooks !== undefined && (
        <MustReadPicker load={props.loadMustReadBooks} chosen={values.mustRead?.bookId ?? null} onChoose={draft.setMustRead} />
      )}
      <fieldset class="colours">
        <legend>{t('noteColourLabel')}</legend>
        {draft.colours.map((colour) => (
          <label class="swatch" key={colour} title={t(COLOUR_KEYS[colour])} style={{ background: COLOUR_VALUES[colour] }}>
            <input
              type="radio"
              name="colour"
              value={colour}
              checked={values.colour === colour}
              onChange={() => draft.setColour(colour)}
              aria-label={t(COLOUR_KEYS[colour])}
            />
          </label>
        ))}
      </fieldset>
      {(failure !== null || problems.length > 0) && (
        <p class="error" role="alert" data-testid="editor-error">
          {problems.length > 0 ? describeProblem(problems[0]!) : failure}
        </p>
      )}
      <div class="actions">
        <button type="submit" name="save" disabled={saving} aria-disabled={problems.length > 0}>
          {saving ? t('savingNote') : t('saveNote')}
        </button>
        <button type="button" name="cancel" onClick={props.onCancel}>
          {t('cancel')}
        </button>
        {props.onDelete && (
          <button type="button" name="delete" class="danger" onClick={props.onDelete}>
            {t('deleteNote')}
          </button>
        )}
      </div>
    </form>
  );
}
