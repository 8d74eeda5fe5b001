// Notes review (严查学习笔记): the notes a leader may review (never their own), filtered by person, unit,
// resource, tag, date, text and review state, a page at a time with the true total; each can be marked
// reviewed with a comment, or the selected notes or the whole page at once (bulk 已阅), and the page's
// notes downloaded as W3C Web Annotations or Markdown. Reviewing notes out of the filtered list fetches
// the same page again, and a page past the end gives way to the last (models/notes-page.ts: why).
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../../app/context.ts';
import type { ReviewableNotesPage, StoredNote } from '../../../../shared/schemas/notes.ts';
import { reviewFilterFromForm, reviewFormToUrl, REVIEW_STATES, type ReviewFilterForm, type ReviewState } from '../../models/review-filter-form.ts';
import { routePath } from '../../models/router.ts';
import { useNotesReviewPage } from '../../models/notes-review-page.ts';
import { unitPath } from '../../models/unit-tree.ts';
import { leftList, pageWithin } from '../../models/notes-page.ts';
import { withQuery } from '../Link.tsx';
import { Empty, Loaded } from '../States.tsx';
import { authoredNotes } from '../../models/notes-download.ts';
import { NotesDownload } from './NotesDownload.tsx';
import { ReviewList, NotesPager } from './BulkReview.tsx';
import { formFields } from '../../models/form-fields.ts';
import { Field } from '../form/Field.tsx';
import { EnumSelect, ListSelect } from '../form/Selects.tsx';

export function NotesReviewPage() {
  const { api, t, query } = useApp();
  const { filter, page, key, lists, notes, movedCount, onLeft } = useNotesReviewPage(api, query);
  return (
    <section class="notes-review" aria-labelledby="notes-review-title">
      <header class="page-head">
        <h1 id="notes-review-title">{t('notes.reviewTitle')}</h1>
      </header>
      <Loaded load={lists}>
        {({ people, units, resources }) => (
          <>
            <FilterForm key={key} filter={filter} people={people} units={units} resources={resources} />
            {movedCount !== null && (
              <p class="muted" role="status" data-testid="notes-moved">
                {t(filter.reviewed === 'unreviewed' ? 'notes.movedReviewed' : 'notes.movedUnreviewed', { count: movedCount })}
              </p>
            )}
            <Loaded load={notes}>
              {(result) => (
                <NotesResults result={result} filter={filter} page={page} names={new Map(people.map((p) => [p.id, p.name]))} filterKey={key} onLeft={onLeft} />
              )}
            </Loaded>
          </>
        )}
      </Loaded>
    </section>
  );
}

interface ResultsProps {
  result: ReviewableNotesPage;
  filter: ReviewFilterForm;
  page: number;
  names: Map<string, string>;
  filterKey: string;
  /** `count` notes no longer belong to the list: it is fetched again. */
  onLeft(count: number): void;
}

function NotesResults({ result, filter, page, names, filterKey, onLeft }: ResultsProps) {
  const { t, navigate } = useApp();
  // Reviews that keep a note in the list (review state "all") are shown at once without refetching.
  const [changed, setChanged] = useState<{ key: string; notes: Map<string, StoredNote> }>({ key: filterKey, notes: new Map() });
  const overrides = changed.key === filterKey ? changed.notes : new Map<string, StoredNote>();
  const apply = (updated: StoredNote[]) => {
    const left = leftList(filter.reviewed, updated.map((s) => ({ reviewed: s.review !== null })));
    if (left > 0) {
      onLeft(left);
      return;
    }
    const notes = new Map(overrides);
    for (const stored of updated) notes.set(stored.note.id, stored);
    setChanged({ key: filterKey, notes });
  };
  const pageHref = (n: number) => withQuery(routePath({ name: 'notes' }), { ...reviewFormToUrl(filter), page: n === 1 ? '' : String(n) });
  const within = pageWithin(result.total, page);
  useEffect(() => {
    if (within !== page) navigate(pageHref(within), { replace: true });
  }, [within, page]);
  if (within !== page) return null;
  if (result.total === 0) return <Empty title={t('notes.noMatch')} hint={t('notes.noMatchHint')} />;
  const shown = result.notes.map((original) => overrides.get(original.note.id) ?? original);
  return (
    <div class="notes-list" aria-live="polite">
      <NotesPager total={result.total} page={page} shown={shown.length} href={pageHref} />
      <NotesDownload notes={authoredNotes(shown, names)} />
      <ReviewList key={filterKey} notes={shown} names={names} onReviewed={apply} />
      <NotesPager total={result.total} page={page} shown={shown.length} href={pageHref} />
    </div>
  );
}

interface FilterProps {
  filter: ReviewFilterForm;
  people: { id: string; name: string }[];
  units: { id: string; name: string; parentId: string | null }[];
  resources: { id: string; name: string }[];
}

const REVIEW_LABELS = { unreviewed: 'notes.unreviewed', reviewed: 'notes.reviewed', all: 'common.all' } as const satisfies Record<ReviewState, string>;

function FilterForm({ filter, people, units, resources }: FilterProps) {
  const { t, navigate } = useApp();
  return (
    <form
      class="filters no-print"
      aria-label={t('notes.filters')}
      onSubmit={(e) => {
        e.preventDefault();
        const next = reviewFilterFromForm(formFields(e.currentTarget));
        navigate(withQuery(routePath({ name: 'notes' }), reviewFormToUrl(next)), { replace: true });
      }}
    >
      <Field label={t('field.person')}>
        <ListSelect name="personId" none={t('common.all')} items={people} id={(p) => p.id} label={(p) => p.name} selected={filter.personId} />
      </Field>
      <Field label={t('field.unit')}>
        <ListSelect name="unitId" none={t('common.all')} items={units} id={(u) => u.id} label={(u) => unitPath(units, u.id)} selected={filter.unitId} />
      </Field>
      <Field label={t('field.resource')}>
        <ListSelect name="resourceId" none={t('common.all')} items={resources} id={(r) => r.id} label={(r) => r.name} selected={filter.resourceId} />
      </Field>
      <Field label={t('notes.tag')}>
        <input name="tag" defaultValue={filter.tag} />
      </Field>
      <Field label={t('field.from')}>
        <input type="date" name="from" defaultValue={filter.from} />
      </Field>
      <Field label={t('field.to')}>
        <input type="date" name="to" defaultValue={filter.to} />
      </Field>
      <Field label={t('notes.reviewState')}>
        <EnumSelect name="reviewed" values={REVIEW_STATES} label={(s) => t(REVIEW_LABELS[s])} selected={filter.reviewed} />
      </Field>
      <Field label={t('notes.search')}>
        <input type="search" name="q" defaultValue={filter.q} />
      </Field>
      <button type="submit" class="primary">
        {t('action.applyFilters')}
      </button>
    </form>
  );
}
