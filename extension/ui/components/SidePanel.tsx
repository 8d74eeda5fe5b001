// The side panel: this page's notes (anchored, and those not found on the page), all notes with search
// and filters, free-standing reading notes, edit and delete with undo, and export.
import { CATEGORIES, type Category } from '../../../shared/schemas/domain.ts';
import { t, type MessageKey } from '../../i18n/t.ts';
import { useSidePanel, type SidePanelModel } from '../models/sidepanel-model.ts';
import { NoteEditor } from '../../note-editor/NoteEditor.tsx';
import { NoteItem } from './NoteItem.tsx';
import type { LocalNote } from '../../storage/notes-book.ts';

const CATEGORY_KEYS: Record<Category, MessageKey> = {
  'political-theory': 'categoryPoliticalTheory',
  'cppcc-theory': 'categoryCppccTheory',
  professional: 'categoryProfessional',
  other: 'categoryOther',
};

function NoteList({ model, notes, scroll, unanchored }: { model: SidePanelModel; notes: LocalNote[]; scroll?: boolean; unanchored?: boolean }) {
  return (
    <ul class="notes">
      {notes.map((local) =>
        model.editing === local.note.id ? (
          <li class="note" key={local.note.id}>
            <NoteEditor
              initial={{ comment: local.note.comment, tags: local.note.tags, colour: local.note.colour, title: local.note.title, quote: local.note.quote, mustRead: local.note.mustRead ?? null }}
              knownTags={model.view?.tags ?? []}
              loadMustReadBooks={model.mustReadBooks(Date.parse(local.note.createdAt))}
              quote={local.note.url === null ? undefined : local.note.quote}
              reading={local.note.url === null}
              onSave={(values) => model.save(local.note.id, values)}
              onCancel={() => model.edit(null)}
            />
          </li>
        ) : (
          <NoteItem
            key={local.note.id}
            local={local}
            unanchored={unanchored}
            timeZone={model.timeZone}
            onScroll={scroll ? () => model.scrollTo(local.note.id) : undefined}
            onEdit={() => model.edit(local.note.id)}
            onDelete={() => model.remove(local.note.id)}
          />
        ),
      )}
    </ul>
  );
}

function PageNotes({ model }: { model: SidePanelModel }) {
  if (model.page === null) return <p class="hint">{t('noPageAccess')}</p>;
  const { anchored, unanchored, unknown } = model.pageNotes;
  if (anchored.length + unanchored.length + unknown.length === 0) return <p class="hint">{t('noNotesOnPage')}</p>;
  return (
    <section data-testid="page-notes">
      <NoteList model={model} notes={anchored} scroll />
      {unknown.length > 0 && <NoteList model={model} notes={unknown} />}
      {unanchored.length > 0 && (
        <>
          <h2>{t('unanchoredHeading', String(unanchored.length))}</h2>
          <NoteList model={model} notes={unanchored} unanchored />
        </>
      )}
    </section>
  );
}

function AllNotes({ model }: { model: SidePanelModel }) {
  const { filters, view } = model;
  return (
    <section data-testid="all-notes">
      <div class="filters">
        <input type="search" name="q" placeholder={t('searchPlaceholder')} value={filters.query} onInput={(e) => model.setFilters({ query: e.currentTarget.value })} />
        <select name="tag" value={filters.tag ?? ''} onChange={(e) => model.setFilters({ tag: e.currentTarget.value || null })}>
          <option value="">{t('anyTag')}</option>
          {(view?.tags ?? []).map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
        <select name="resource" value={filters.resourceId ?? ''} onChange={(e) => model.setFilters({ resourceId: e.currentTarget.value || null })}>
          <option value="">{t('anyResource')}</option>
          {(view?.resources ?? []).map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
          <option value="none">{t('noResource')}</option>
        </select>
        <select name="category" value={filters.category ?? ''} onChange={(e) => model.setFilters({ category: (e.currentTarget.value || null) as Category | null })}>
          <option value="">{t('anyCategory')}</option>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(CATEGORY_KEYS[c])}
            </option>
          ))}
        </select>
        <label class="inline">
          {t('fromDate')}
          <input type="date" name="from" value={filters.from ?? ''} onInput={(e) => model.setFilters({ from: e.currentTarget.value || null })} />
        </label>
        <label class="inline">
          {t('toDate')}
          <input type="date" name="to" value={filters.to ?? ''} onInput={(e) => model.setFilters({ to: e.currentTarget.value || null })} />
        </label>
      </div>
      <p class="hint" data-found={model.found.length}>
        {t('notesFound', String(model.found.length))}
      </p>
      <NoteList model={model} notes={model.found} />
    </section>
  );
}

export function SidePanel() {
  const model = useSidePanel();
  return (
    <main class="sidepanel" data-state={model.view === null ? 'loading' : 'ready'}>
      <h1>{t('notesTitle')}</h1>
      <nav class="tabs" role="tablist">
        <button type="button" role="tab" name="tab-page" aria-selected={model.tab === 'page'} onClick={() => model.setTab('page')}>
          {t('pageNotesTab')}
        </button>
        <button type="button" role="tab" name="tab-all" aria-selected={model.tab === 'all'} onClick={() => model.setTab('all')}>
          {t('allNotesTab')}
        </button>
      </nav>
      {model.error !== null && <p class="error" role="alert">{t(model.error)}</p>}
      {model.undoable !== null && (
        <p class="undo" role="status">
          {t('noteDeleted')}{' '}
          <button type="button" name="undo" onClick={model.undo}>
            {t('undo')}
          </button>
        </p>
      )}
      {model.tab === 'page' ? <PageNotes model={model} /> : <AllNotes model={model} />}
      <footer class="panel-actions">
        {model.editing === 'reading' ? (
          <NoteEditor
            initial={{ comment: '', tags: [], colour: 'blue', title: '', quote: '', mustRead: null }}
            knownTags={model.view?.tags ?? []}
            loadMustReadBooks={model.mustReadBooks(Date.now())}
            reading
            onSave={model.writeReadingNote}
            onCancel={() => model.edit(null)}
          />
        ) : (
          <button type="button" name="write-reading-note" onClick={() => model.edit('reading')}>
            {t('writeReadingNote')}
          </button>
        )}
        <button type="button" name="export-markdown" onClick={model.exportMarkdown}>
          {t('exportMarkdown')}
        </button>
        <button type="button" name="export-annotations" onClick={model.exportAnnotations}>
          {t('exportAnnotations')}
        </button>
      </footer>
    </main>
  );
}
