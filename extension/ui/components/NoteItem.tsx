// One note in the side panel: its quote (clickable to scroll to it when anchored), comment (folded when
// long), tags, the leader's review, a refusal by the server, and edit / delete.
import { t } from '../../i18n/t.ts';
import { COLOUR_VALUES } from '../../../shared/notes/note-colours.ts';
import { browser } from 'wxt/browser';
import { formatInstant } from '../models/format-instant.ts';
import { SEGMENT_REJECTION_CODES } from '../../../shared/schemas/sync.ts';
import { CollapsibleText } from './CollapsibleText.tsx';
import type { LocalNote } from '../../storage/notes-book.ts';

export interface NoteItemProps {
  readonly local: LocalNote;
  readonly onScroll?: () => void;
  readonly onEdit: () => void;
  readonly onDelete: () => void;
  /** Shown on the page list for a note whose passage was not found. */
  readonly unanchored?: boolean;
  /** The organisation's zone, the note's time is shown in. */
  readonly timeZone: string;
}

export function NoteItem({ local, onScroll, onEdit, onDelete, unanchored, timeZone }: NoteItemProps) {
  const { note, review, rejection } = local;
  return (
    <li class="note" data-note-id={note.id} data-anchored={unanchored ? 'false' : onScroll ? 'true' : undefined}>
      {note.url === null && note.title !== '' && <h3>{note.title}</h3>}
      {note.quote !== '' &&
        (onScroll ? (
          <button type="button" class="quote link" style={{ borderColor: COLOUR_VALUES[note.colour] }} onClick={onScroll} title={t('scrollToPassage')}>
            {note.quote}
          </button>
        ) : (
          <blockquote class="quote" style={{ borderColor: COLOUR_VALUES[note.colour] }}>
            {note.quote}
          </blockquote>
        ))}
      {unanchored && <p class="warning">{t('unanchoredExplanation')}</p>}
      {note.comment !== '' && <CollapsibleText class="comment" text={note.comment} />}
      {note.tags.length > 0 && (
        <p class="tags">
          {note.tags.map((tag) => (
            <span class="tag" key={tag}>
              {tag}
            </span>
          ))}
        </p>
      )}
      {note.url !== null && (
        <p class="hint source">
          <a href={note.url} target="_blank" rel="noreferrer noopener">
            {note.title || note.url}
          </a>
        </p>
      )}
      {review !== null && <p class="review">{t('reviewedBy', review.reviewerName, review.comment)}</p>}
      {rejection !== null && (
        <p class="error">{rejection.code === SEGMENT_REJECTION_CODES.unknownMustReadBook ? t('noteRejectedMustRead') : t('noteRejected', rejection.message)}</p>
      )}
      <p class="hint">{formatInstant(note.createdAt, browser.i18n.getUILanguage(), timeZone)}</p>
      <div class="actions">
        <button type="button" name="edit" onClick={onEdit}>
          {t('editNote')}
        </button>
        <button type="button" name="delete" class="danger" onClick={onDelete}>
          {t('deleteNote')}
        </button>
      </div>
    </li>
  );
}
