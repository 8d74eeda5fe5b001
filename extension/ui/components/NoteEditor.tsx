// The note editor: the quote (read-only for a clip, editable for a reading note), comment, tags with
// suggestions, colour, and save / cancel / delete. Used in the page (shadow root) and the side panel.
import type { NoteColour } from '../../../shared/schemas/notes.ts';
import { t } from '../../i18n/t.ts';
import { useNoteDraft, type NoteDraftValues } from '../models/note-draft-model.ts';
import { COLOUR_VALUES } from '../../../shared/notes/note-colours.ts';

export interface NoteEditorProps {
  readonly initial: NoteDraftValues;
  readonly knownTags: readonly string[];
  /** The clipped passage, shown above the form; absent for a free-standing reading note. */
  readonly quote?: string;
  /** A free-standing reading note: title and quote are typed in. */
  readonly reading?: boolean;
  readonly onSave: (values: NoteDraftValues) => void;
  readonly onCancel: () => void;
  readonly onDelete?: () => void;
}

const COLOUR_KEYS = {
  yellow: 'colourYellow',
  green: 'colourGreen',
  blue: 'colourBlue',
  pink: 'colourPink',
  purple: 'colourPurple',
} as const satisfies Record<NoteColour, string>;

export function NoteEditor(props: NoteEditorProps) {
  const draft = useNoteDraft(props.initial, props.knownTags);
  const { values } = draft;
  const submit = (event: Event) => {
    event.preventDefault();
    props.onSave(draft.finish());
  };
  return (
    <form class="note-editor" data-testid="note-editor" onSubmit={submit}>
      {props.quote !== undefined && <blockquote class="quote">{props.quote}</blockquote>}
      {props.reading && (
        <>
          <label>
            {t('noteTitleLabel')}
            <input name="title" value={values.title ?? ''} onInput={(e) => draft.setTitle(e.currentTarget.value)} required />
          </label>
          <label>
            {t('noteQuoteLabel')}
            <textarea name="quote" rows={3} value={values.quote ?? ''} onInput={(e) => draft.setQuote(e.currentTarget.value)} />
          </label>
        </>
      )}
      <label>
        {t('noteCommentLabel')}
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
      <div class="actions">
        <button type="submit" name="save">{t('saveNote')}</button>
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
