// State of the side panel: the person's notes (from the background, reloaded whenever storage changes),
// the current tab's page and which of its notes are anchored there, search and filters, editing, undo
// of a deletion, and export. Components only render what this returns.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { callBackground } from '../../messaging/client.ts';
import { notesItem } from '../../storage/items.ts';
import type { MessageKey } from '../../i18n/t.ts';
import { t } from '../../i18n/t.ts';
import { FAILURE_MESSAGES } from '../../rpc/failure-messages.ts';
import type { NotesView } from '../../highlights/notes/notes-protocol.ts';
import { searchLocalNotes, NO_LOCAL_NOTE_FILTERS, type LocalNoteFilters } from '../../highlights/notes/search-local-notes.ts';
import { normalisePageUrl } from '../../../shared/url/normalise-page-url.ts';
import type { HighlightStatus } from '../../highlights/page/highlighter.ts';
import type { PageProtocol } from '../../highlights/page/page-protocol.ts';
import type { NoteDraftValues, SaveOutcome } from '../../note-editor/note-draft-model.ts';
import type { LoadMustReadBooks } from '../../note-editor/must-read-picker.ts';
import { failedOutcome } from '../../note-editor/note-save-messages.ts';
import { notesToMarkdown } from '../../../shared/notes/export-markdown.ts';
import { notesToWebAnnotations } from '../../../shared/notes/export-web-annotation.ts';
import { DEFAULT_ORGANISATION_TIME_ZONE } from '../../../shared/schemas/policy.ts';
import { dateInZone } from '../../../shared/time/zoned-days.ts';
import type { LocalNote } from '../../storage/notes-book.ts';

export type SidePanelTab = 'page' | 'all';

export interface CurrentPage {
  readonly tabId: number;
  readonly url: string;
  /** What the tab's highlighter reports; null when none runs there. */
  readonly status: HighlightStatus | null;
}

export interface SidePanelModel {
  readonly view: NotesView | null;
  /** The organisation's zone (the policy's): note times, the date filter and exports are in it. */
  readonly timeZone: string;
  readonly tab: SidePanelTab;
  readonly page: CurrentPage | null;
  readonly pageNotes: { anchored: LocalNote[]; unanchored: LocalNote[]; unknown: LocalNote[] };
  readonly filters: LocalNoteFilters;
  readonly found: LocalNote[];
  /** The note being edited, 'reading' for a new free-standing note, or null. */
  readonly editing: string | 'reading' | null;
  readonly undoable: LocalNote | null;
  readonly error: MessageKey | null;
  setTab(tab: SidePanelTab): void;
  setFilters(change: Partial<LocalNoteFilters>): void;
  scrollTo(id: string): void;
  edit(id: string | 'reading' | null): void;
  /** The editor closes on success; on failure it keeps the draft and shows the outcome's reason. */
  save(id: string, values: NoteDraftValues): Promise<SaveOutcome>;
  writeReadingNote(values: NoteDraftValues): Promise<SaveOutcome>;
  /** The must-read books for the editor's picker: the list of the year the note was written in. */
  mustReadBooks(writtenMs: number): LoadMustReadBooks;
  remove(id: string): void;
  undo(): void;
  exportMarkdown(): void;
  exportAnnotations(): void;
}

/** How long "undo" stays offered after a deletion. */
const UNDO_MS = 10_000;
/** The page's anchoring changes as it loads: ask its highlighter again this often while visible. */
const STATUS_REFRESH_MS = 2_000;

async function sendToTab<K extends keyof PageProtocol>(tabId: number, request: PageProtocol[K]['request']): Promise<PageProtocol[K]['response'] | null> {
  try {
    return ((await browser.tabs.sendMessage(tabId, request)) as PageProtocol[K]['response'] | undefined) ?? null;
  } catch {
    return null;
  }
}

/** The tab this panel is about: `?tabId=` when opened for one, else the active tab of this window. */
async function targetTab(): Promise<{ id: number; url: string } | null> {
  const fixed = Number(new URLSearchParams(location.search).get('tabId'));
  const tab = Number.isInteger(fixed) && fixed > 0
    ? await browser.tabs.get(fixed).catch(() => undefined)
    : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  // The URL is visible only where the extension has access (designated sites, or after a clip there).
  return tab?.id !== undefined && tab.url !== undefined && /^https?:/.test(tab.url) ? { id: tab.id, url: tab.url } : null;
}

function download(filename: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function useSidePanel(): SidePanelModel {
  const [view, setView] = useState<NotesView | null>(null);
  const [tab, setTab] = useState<SidePanelTab>('page');
  const [page, setPage] = useState<CurrentPage | null>(null);
  const [filters, setFiltersState] = useState<LocalNoteFilters>(NO_LOCAL_NOTE_FILTERS);
  const [editing, setEditing] = useState<string | 'reading' | null>(null);
  const [undoable, setUndoable] = useState<LocalNote | null>(null);
  const [error, setError] = useState<MessageKey | null>(null);
  const undoTimer = useRef<ReturnType<typeof setTimeout>>();

  const load = useCallback(async () => {
    const reply = await callBackground({ type: 'listNotes' });
    if (reply.ok) setView(reply.value);
  }, []);
  const loadPage = useCallback(async () => {
    const target = await targetTab();
    if (target === null) return setPage(null);
    setPage({ tabId: target.id, url: target.url, status: await sendToTab<'highlights.status'>(target.id, { type: 'highlights.status' }) });
  }, []);

  useEffect(() => {
    void load();
    void loadPage();
    void callBackground({ type: 'refreshNotes' });
    const unwatch = notesItem.watch(() => {
      void load();
      void loadPage();
    });
    const onTab = () => void loadPage();
    browser.tabs.onActivated.addListener(onTab);
    browser.tabs.onUpdated.addListener(onTab);
    const timer = setInterval(onTab, STATUS_REFRESH_MS);
    return () => {
      unwatch();
      browser.tabs.onActivated.removeListener(onTab);
      browser.tabs.onUpdated.removeListener(onTab);
      clearInterval(timer);
    };
  }, [load, loadPage]);

  const pageNotes = useMemo(() => {
    const empty = { anchored: [], unanchored: [], unknown: [] };
    if (view === null || page === null) return empty;
    const url = normalisePageUrl(page.url) ?? page.url;
    const onPage = view.notes.filter((n) => n.note.url === url);
    const anchored = new Set(page.status?.anchored ?? []);
    const unanchored = new Set(page.status?.unanchored ?? []);
    return {
      anchored: onPage.filter((n) => anchored.has(n.note.id)),
      unanchored: onPage.filter((n) => unanchored.has(n.note.id)),
      unknown: onPage.filter((n) => !anchored.has(n.note.id) && !unanchored.has(n.note.id)),
    };
  }, [view, page]);

  const found = useMemo(() => {
    if (view === null) return [];
    const categories = new Map(view.resources.map((r) => [r.id, r.category]));
    return searchLocalNotes(view.notes, filters, (id) => categories.get(id), view.timeZone);
  }, [view, filters]);

  const run = async (reply: Promise<{ ok: true } | { ok: false; code: keyof typeof FAILURE_MESSAGES }>) => {
    const r = await reply;
    setError(r.ok ? null : FAILURE_MESSAGES[r.code]);
    return r.ok;
  };

  /** A save from an editor: it closes only once the background has kept the note. */
  const saved = async (reply: Promise<{ ok: true } | { ok: false; code: keyof typeof FAILURE_MESSAGES }>): Promise<SaveOutcome> => {
    const r = await reply;
    if (!r.ok) return failedOutcome(r.code);
    setError(null);
    setEditing(null);
    return { ok: true };
  };

  const timeZone = view?.timeZone ?? DEFAULT_ORGANISATION_TIME_ZONE;
  // The exports' times (and the file's date) are the organisation's, as on the dashboard; the JSON-LD
  // keeps ISO instants with their offset, being for machines.
  const exportedAt = () => new Date().toISOString();
  const stamp = (at: string) => dateInZone(Date.parse(at), timeZone);

  return {
    view,
    timeZone,
    tab,
    page,
    pageNotes,
    filters,
    found,
    editing,
    undoable,
    error,
    setTab,
    setFilters: (change) => setFiltersState((f) => ({ ...f, ...change })),
    scrollTo: (id) => {
      if (page !== null) void sendToTab<'highlights.scrollTo'>(page.tabId, { type: 'highlights.scrollTo', id });
    },
    edit: setEditing,
    save: (id, values) =>
      saved(
        callBackground({ type: 'updateNote', id, comment: values.comment, tags: [...values.tags], colour: values.colour, title: values.title, quote: values.quote, mustRead: values.mustRead }),
      ),
    writeReadingNote: (values) =>
      saved(
        callBackground({ type: 'writeNote', title: values.title ?? '', quote: values.quote ?? '', comment: values.comment, tags: [...values.tags], colour: values.colour, mustRead: values.mustRead ?? null }),
      ),
    mustReadBooks: (writtenMs) => async () => {
      const reply = await callBackground({ type: 'mustReadBooks', writtenAt: writtenMs });
      if (!reply.ok) throw new Error(reply.message);
      return reply.value;
    },
    remove: (id) => {
      const note = view?.notes.find((n) => n.note.id === id) ?? null;
      void run(callBackground({ type: 'deleteNote', id })).then((ok) => {
        if (!ok) return;
        setUndoable(note);
        clearTimeout(undoTimer.current);
        undoTimer.current = setTimeout(() => setUndoable(null), UNDO_MS);
      });
    },
    undo: () => {
      if (undoable === null) return;
      clearTimeout(undoTimer.current);
      setUndoable(null);
      void run(callBackground({ type: 'restoreNote', id: undoable.note.id }));
    },
    exportMarkdown: () => {
      if (view === null) return;
      const at = exportedAt();
      const md = notesToMarkdown(view.notes, { heading: t('exportHeading'), readingNotes: t('readingNotesHeading'), tags: t('noteTagsLabel'), review: t('reviewLabel'), exportedAt: t('exportedAtLabel') }, at, timeZone);
      download(`studytrail-notes-${stamp(at)}.md`, 'text/markdown;charset=utf-8', md);
    },
    exportAnnotations: () => {
      if (view === null) return;
      const at = exportedAt();
      const json = JSON.stringify(notesToWebAnnotations(view.notes, t('exportHeading'), at), null, 2);
      download(`studytrail-notes-${stamp(at)}.jsonld`, 'application/ld+json', json);
    },
  };
}
