// Marking a note as reviewed (已阅) with an optional comment, or withdrawing the review. Never offered
// on one's own notes: the server refuses that too.
import { useState } from 'preact/hooks';
import { useApp } from '../../app/context.ts';
import type { StoredNote } from '../../../../shared/schemas/notes.ts';
import { ErrorState } from '../States.tsx';
import { formFields } from '../form-fields.ts';

export function ReviewForm({ stored, onChanged }: { stored: StoredNote; onChanged(next: StoredNote | null): void }) {
  const { api, t } = useApp();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const fieldId = `review-${stored.note.id}`;
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    try {
      await action();
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      class="review-form"
      onSubmit={(e) => {
        e.preventDefault();
        const comment = formFields(e.currentTarget).text('comment');
        void run(async () => onChanged(await api.reviewNote(stored.note.id, comment)));
      }}
    >
      <label for={fieldId}>{t('notes.reviewComment')}</label>
      <textarea id={fieldId} name="comment" rows={2} maxLength={20_000} defaultValue={stored.review?.comment ?? ''} />
      <div class="form-actions">
        <button type="submit" class="primary" disabled={busy}>
          {stored.review === null ? t('notes.markReviewed') : t('notes.updateReview')}
        </button>
        {stored.review !== null && (
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                await api.withdrawReview(stored.note.id);
                onChanged(null);
              })
            }
          >
            {t('notes.withdrawReview')}
          </button>
        )}
      </div>
      {failure !== null && <ErrorState error={failure} />}
    </form>
  );
}
