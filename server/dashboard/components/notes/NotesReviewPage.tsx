// Notes review (严查学习笔记): the notes of the people a leader oversees, filtered by person, unit,
// resource, tag, date, text and review state; each can be marked reviewed with a comment, and the
// filtered notes downloaded as W3C Web Annotations or Markdown.
import { useState } from 'preact/hooks';
import { useApp } from '../../app/context.ts';
import type { StoredNote } from '../../../../shared/schemas/notes.ts';
import { filterFromQuery, filterToQuery, notesQuery, type NotesFilter } from '../../models/notes-filter.ts';
import { routePath } from '../../models/router.ts';
import { useLoad } from '../../models/use-load.ts';
import { unitPath } from '../../models/unit-tree.ts';
import { withQuery } from '../Link.tsx';
import { Empty, Loaded } from '../States.tsx';
import { authoredNotes } from '../../models/notes-download.ts';
import { NoteCard } from './NoteCard.tsx';
import { NotesDownload } from './NotesDownload.tsx';
import { ReviewForm } from './ReviewForm.tsx';
import { formFields } from '../form-fields.ts';

export function NotesReviewPage() {
  const { api, t, query } = useApp();
  const filter = filterFromQuery(query);
  const key = JSON.stringify(filter);
  const lists = useLoad(async () => {
    const [people, units, resources] = await Promise.all([api.people(), api.units(), api.resources()]);
    return { people, units, resources };
  }, [api]);
  const notes = useLoad(() => api.notes(notesQuery(filter)), [api, key]);
  return (
    <section class="notes-review" aria-labelledby="notes-review-title">
      <header class="page-head">
        <h1 id="notes-review-title">{t('notes.reviewTitle')}</h1>
      </header>
      <Loaded load={lists}>
        {({ people, units, resources }) => (
          <>
            <FilterForm key={key} filter={filter} people={people} units={units} resources={resources} />
            <Loaded load={notes}>
              {(list) => <NotesResults list={list} names={new Map(people.map((p) => [p.id, p.name]))} filterKey={key} />}
            </Loaded>
          </>
        )}
      </Loaded>
    </section>
  );
}

function NotesResults({ list, names, filterKey }: { list: StoredNote[]; names: Map<string, string>; filterKey: string }) {
  const { t, user } = useApp();
  // Reviews done on this page, shown at once without refetching the whole list.
  const [changed, setChanged] = useState<{ key: string; notes: Map<string, StoredNote> }>({ key: filterKey, notes: new Map() });
  const overrides = changed.key === filterKey ? changed.notes : new Map<string, StoredNote>();
  if (list.length === 0) return <Empty title={t('notes.noMatch')} hint={t('notes.noMatchHint')} />;
  const shown = list.map((original) => overrides.get(original.note.id) ?? original);
  return (
    <div class="notes-list" aria-live="polite">
      <p class="muted">{t('notes.count', { count: list.length })}</p>
      <NotesDownload notes={authoredNotes(shown, names)} />
      {shown.map((stored) => {
        return (
          <NoteCard key={stored.note.id} stored={stored} authorName={names.get(stored.personId) ?? stored.personId}>
            {stored.personId !== user.id && (
              <ReviewForm
                stored={stored}
                onChanged={(next) => {
                  const notes = new Map(overrides);
                  notes.set(stored.note.id, next ?? { ...stored, review: null });
                  setChanged({ key: filterKey, notes });
                }}
              />
            )}
          </NoteCard>
        );
      })}
    </div>
  );
}

interface FilterProps {
  filter: NotesFilter;
  people: { id: string; name: string }[];
  units: { id: string; name: string; parentId: string | null }[];
  resources: { id: string; name: string }[];
}

function FilterForm({ filter, people, units, resources }: FilterProps) {
  const { t, navigate } = useApp();
  return (
    <form
      class="filters no-print"
      aria-label={t('notes.filters')}
      onSubmit={(e) => {
        e.preventDefault();
        const form = formFields(e.currentTarget);
        const next: NotesFilter = {
          personId: form.text('personId'),
          unitId: form.text('unitId'),
          resourceId: form.text('resourceId'),
          tag: form.text('tag'),
          from: form.text('from'),
          to: form.text('to'),
          q: form.text('q'),
          reviewed: (form.text('reviewed') || 'unreviewed') as NotesFilter['reviewed'],
        };
        navigate(withQuery(routePath({ name: 'notes' }), filterToQuery(next)), { replace: true });
      }}
    >
      <label>
        <span>{t('field.person')}</span>
        <select name="personId" defaultValue={filter.personId}>
          <option value="">{t('common.all')}</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('field.unit')}</span>
        <select name="unitId" defaultValue={filter.unitId}>
          <option value="">{t('common.all')}</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {unitPath(units, u.id)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('field.resource')}</span>
        <select name="resourceId" defaultValue={filter.resourceId}>
          <option value="">{t('common.all')}</option>
          {resources.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('notes.tag')}</span>
        <input name="tag" defaultValue={filter.tag} />
      </label>
      <label>
        <span>{t('field.from')}</span>
        <input type="date" name="from" defaultValue={filter.from} />
      </label>
      <label>
        <span>{t('field.to')}</span>
        <input type="date" name="to" defaultValue={filter.to} />
      </label>
      <label>
        <span>{t('notes.reviewState')}</span>
        <select name="reviewed" defaultValue={filter.reviewed}>
          <option value="unreviewed">{t('notes.unreviewed')}</option>
          <option value="reviewed">{t('notes.reviewed')}</option>
          <option value="all">{t('common.all')}</option>
        </select>
      </label>
      <label>
        <span>{t('notes.search')}</span>
        <input type="search" name="q" defaultValue={filter.q} />
      </label>
      <button type="submit" class="primary">
        {t('action.applyFilters')}
      </button>
    </form>
  );
}
