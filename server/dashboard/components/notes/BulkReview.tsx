// The notes on one page of the review screen, each with a box to select it and its own review form,
// the bulk 已阅 actions (the selected notes, or every unreviewed note on the page), and the pager.
import { useState } from 'preact/hooks';
import { useApp } from '../../app/context.ts';
import type { StoredNote } from '../../../../shared/schemas/notes.ts';
import { bulkTargets, pagerView, toggled } from '../../models/notes-page.ts';
import { reviewNotes } from '../../models/notes-review-page.ts';
import { useSubmit } from '../../models/use-submit.ts';
import { Link } from '../Link.tsx';
import { ErrorState } from '../States.tsx';
import { NoteCard } from './NoteCard.tsx';
import { ReviewForm } from './ReviewForm.tsx';

interface ListProps {
  notes: StoredNote[];
  names: Map<string, string>;
  onReviewed(updated: StoredNote[]): void;
}

export function ReviewList({ notes, names, onReviewed }: ListProps) {
  const { api, t } = useApp();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const bulk = useSubmit();
  const page = notes.map((s) => ({ id: s.note.id, reviewed: s.review !== null }));
  const chosen = bulkTargets(page, selected);
  const onPage = bulkTargets(page, 'page');
  const mark = (ids: string[]) =>
    bulk.run(async () => {
      onReviewed(await reviewNotes(api, ids));
      setSelected(new Set());
    });
  return (
    <>
      <div class="bulk-review no-print" role="group" aria-label={t('notes.bulkTitle')}>
        <label class="check">
          <input
            type="checkbox"
            checked={onPage.length > 0 && onPage.every((id) => selected.has(id))}
            disabled={onPage.length === 0}
            onChange={(e) => setSelected(e.currentTarget.checked ? new Set(onPage) : new Set())}
          />
          <span>{t('notes.selectPage')}</span>
        </label>
        <button type="button" class="primary" disabled={bulk.busy || chosen.length === 0} onClick={() => void mark(chosen)}>
          {t('notes.markSelected', { count: chosen.length })}
        </button>
        <button type="button" disabled={bulk.busy || onPage.length === 0} onClick={() => void mark(onPage)}>
          {t('notes.markPage', { count: onPage.length })}
        </button>
        {bulk.failure !== null && <ErrorState error={bulk.failure} />}
      </div>
      {notes.map((stored) => (
        <div class="review-item" key={stored.note.id}>
          {stored.review === null && (
            <label class="check no-print">
              <input
                type="checkbox"
                checked={selected.has(stored.note.id)}
                onChange={() => setSelected(toggled(selected, stored.note.id))}
                aria-label={t('notes.selectNote', { name: names.get(stored.personId) ?? stored.personId, title: stored.note.title || t('notes.untitled') })}
              />
            </label>
          )}
          <NoteCard stored={stored} authorName={names.get(stored.personId) ?? stored.personId}>
            <ReviewForm stored={stored} onChanged={(next) => onReviewed([next ?? { ...stored, review: null }])} />
          </NoteCard>
        </div>
      ))}
    </>
  );
}

export function NotesPager({ total, page, shown, href }: { total: number; page: number; shown: number; href(page: number): string }) {
  const { t } = useApp();
  const view = pagerView(total, page, shown);
  return (
    <nav class="pager no-print" aria-label={t('notes.pages')}>
      <span class="muted">{t('notes.range', { first: view.first, last: view.last, total: view.total })}</span>
      {view.hasPrevious && <Link href={href(page - 1)}>{t('notes.previous')}</Link>}
      <span>{t('notes.pageOf', { page: view.page, pages: view.pages })}</span>
      {view.hasNext && <Link href={href(page + 1)}>{t('notes.next')}</Link>}
    </nav>
  );
}
