// Marking a note as reviewed (已阅) with an optional comment, or withdrawing the review. Never offered
// on one's own notes: the server refuses that too.
import { useApp } from '../../app/context.ts';
import type { StoredNote } from '../../../../shared/schemas/notes.ts';
import { ErrorState } from '../States.tsx';
import { Field } from '../form/Field.tsx';
import { reviewNote, withdrawReview } from '../../models/notes-review-page.ts';
import { useSubmit } from '../../models/use-submit.ts';

export function ReviewForm({ stored, onChanged }: { stored: StoredNote; onChanged(next: StoredNote | null): void }) {
  const { api, t } = useApp();
  const submit = useSubmit();
  return (
    <form
      class="review-form"
      onSubmit={submit.form((form) => reviewNote(api, stored.note.id, form), { onSaved: onChanged })}
    >
      <Field label={t('notes.reviewComment')}>
        <textarea name="comment" rows={2} maxLength={20_000} defaultValue={stored.review?.comment ?? ''} />
      </Field>
      <div class="form-actions">
        <button type="submit" class="primary" disabled={submit.busy}>
          {stored.review === null ? t('notes.markReviewed') : t('notes.updateReview')}
        </button>
        {stored.review !== null && (
          <button
            type="button"
            disabled={submit.busy}
            onClick={() =>
              void submit.run(async () => {
                await withdrawReview(api, stored.note.id);
                onChanged(null);
              })
            }
          >
            {t('notes.withdrawReview')}
          </button>
        )}
      </div>
      {submit.failure !== null && <ErrorState error={submit.failure} />}
    </form>
  );
}
