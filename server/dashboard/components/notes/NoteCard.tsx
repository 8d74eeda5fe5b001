// One note as a card: the quoted passage, the comment, tags, the must-read book it is linked to, the
// page it came from, and its review.
// Everything here was typed by someone, so it is rendered as text (JSX escapes it), never as HTML.
import type { ComponentChildren } from 'preact';
import { useApp } from '../../app/context.ts';
import type { StoredNote } from '../../../../shared/schemas/notes.ts';
import { formatInstant } from '../../models/format.ts';

export function NoteCard({ stored, authorName, children }: { stored: StoredNote; authorName?: string; children?: ComponentChildren }) {
  const { t, locale, timeZone } = useApp();
  const { note, review, mustReadTitle } = stored;
  return (
    <article class={`note note-${note.colour}`} data-note-id={note.id} aria-label={note.title || t('notes.untitled')}>
      <header class="note-head">
        {authorName !== undefined && <strong class="note-author">{authorName}</strong>}
        <span class="note-title">{note.title || t('notes.untitled')}</span>
        <time dateTime={note.createdAt}>{formatInstant(note.createdAt, locale, timeZone)}</time>
      </header>
      {note.url !== null && <p class="page-url">{note.url}</p>}
      {note.quote !== '' && <blockquote>{note.quote}</blockquote>}
      {note.comment !== '' && <p class="note-comment">{note.comment}</p>}
      {note.tags.length > 0 && (
        <ul class="tags" aria-label={t('notes.tags')}>
          {note.tags.map((tag) => (
            <li key={tag}>{tag}</li>
          ))}
        </ul>
      )}
      {note.mustRead !== null && (
        <p class="must-read" data-testid="must-read">
          {mustReadTitle === null ? t('notes.mustReadGone') : t('notes.mustRead', { title: mustReadTitle.replace(/^《(.*)》$/u, '$1') })}
        </p>
      )}
      {review === null ? (
        <p class="review-state unreviewed">{t('notes.unreviewed')}</p>
      ) : (
        <div class="review-state reviewed" data-testid="review">
          <p>
            <strong>{t('notes.reviewed')}</strong> · {review.reviewerName} · {formatInstant(review.reviewedAt, locale, timeZone)}
          </p>
          {review.comment !== '' && <p class="review-comment">{review.comment}</p>}
        </div>
      )}
      {children}
    </article>
  );
}
