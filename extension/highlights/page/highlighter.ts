// The highlighter running in a page: loads the page's notes, anchors them in one pass over the page
// text and paints them; re-anchors when the URL changes (single-page apps) and, debounced, when the
// page's content changes, until every note anchors; captures new clips from the selection (offering the
// existing note when the passage has one); keeps the clip toolbar while the pointer travels to it; and
// opens a note when its highlight is hovered or clicked. All browser access comes in through HighlighterDeps.
import type { TextPositionSelector, TextQuoteSelector } from '../../../shared/schemas/notes.ts';
import type { ClipInput } from '../notes/note-versions.ts';
import { anchor, describe, outOfOrderNotes, startPass } from '../anchoring/html.ts';
import type { TextSpan } from '../anchoring/types.ts';
import type { Painter } from '../painting/painter.ts';
import { isOwnMark } from '../painting/wrap-painter.ts';
import { noteAtPoint } from '../painting/hit-test.ts';
import type { Anchor, PageUi } from '../capture/page-ui.tsx';
import { corridor, nextIntent, ON_THE_WAY, type Box, type IntentState, type Point } from '../capture/hover-intent.ts';
import { findTwin } from '../capture/find-twin.ts';
import { BackgroundFailure, type FailureCode } from '../../rpc/failure.ts';
import type { NoteDraftValues, SaveOutcome } from '../../note-editor/note-draft-model.ts';
import type { LoadMustReadBooks } from '../../note-editor/must-read-picker.ts';
import type { MustReadBook } from '../../programme/programme-protocol.ts';
import type { LocalNote } from '../../storage/notes-book.ts';

export interface HighlighterDeps {
  readonly doc: Document;
  readonly win: Window & typeof globalThis;
  readonly painter: Painter;
  readonly ui: PageUi;
  readonly loadNotes: (url: string) => Promise<{ notes: LocalNote[]; tags: string[] }>;
  /** These reject with a BackgroundFailure when the background refuses or cannot be reached. */
  readonly saveClip: (input: ClipInput) => Promise<LocalNote>;
  readonly updateNote: (id: string, values: NoteDraftValues) => Promise<unknown>;
  readonly deleteNote: (id: string) => Promise<unknown>;
  /** The must-read books of a year for the editor's picker; without it the editor offers none. */
  readonly mustReadBooks?: (writtenAt: number) => Promise<readonly MustReadBook[] | null>;
  /** User-visible texts, looked up by the caller in the person's language. */
  readonly texts: {
    readonly saved: string;
    readonly nothingSelected: string;
    /** A quick clip (no editor) that failed: a short notice with the reason. */
    readonly clipFailed: (code: FailureCode) => string;
    /** A save from the editor that failed: shown in the editor, above the kept draft. */
    readonly saveFailed: (code: FailureCode) => string;
  };
}

function failureCode(error: unknown): FailureCode {
  return error instanceof BackgroundFailure ? error.code : 'internal';
}

export interface HighlightStatus {
  readonly url: string;
  readonly anchored: string[];
  readonly unanchored: string[];
}

/** Content changes are gathered this long before anchoring again (pages often change in bursts). */
const MUTATION_DEBOUNCE_MS = 400;
/** Anchoring gives the page back the main thread after this long, so no task grows long. */
const SLICE_MS = 20;
const DEFAULT_COLOUR = 'yellow';
/** Id prefix of a clip shown before the background has saved it. */
const UNSAVED = 'unsaved-';

export class Highlighter {
  private notes: LocalNote[] = [];
  private tags: string[] = [];
  private readonly ranges = new Map<string, Range>();
  private readonly anchoredText = new Map<string, string>();
  private readonly spans = new Map<string, TextSpan>();
  private unanchored = new Set<string>();
  private url: string;
  private lastText: string | null = null;
  private passId = 0;
  private dirty = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private observer: MutationObserver | null = null;
  private hoverFrame = 0;
  private pointer: Point | null = null;
  /** The selection the clip toolbar was offered for, and whether the pointer is on its way to it. */
  private toolbarSelection: Box | null = null;
  private intent: IntentState = ON_THE_WAY;
  private intentTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly cleanups: (() => void)[] = [];
  private statusListeners: ((s: HighlightStatus) => void)[] = [];

  constructor(private readonly deps: HighlighterDeps) {
    this.url = deps.win.location.href;
  }

  /** Loads and paints the page's notes, then follows the page. */
  async start(): Promise<void> {
    this.listen();
    await this.refresh();
  }

  stop(): void {
    this.passId++;
    clearTimeout(this.timer);
    clearTimeout(this.intentTimer);
    this.observer?.disconnect();
    for (const cleanup of this.cleanups) cleanup();
    this.deps.painter.clear();
    this.deps.ui.destroy();
  }

  status(): HighlightStatus {
    return { url: this.url, anchored: [...this.ranges.keys()], unanchored: [...this.unanchored] };
  }

  onStatus(listener: (s: HighlightStatus) => void): void {
    this.statusListeners.push(listener);
  }

  /** Loads this page's notes again (after a change in storage, or a new URL) and anchors them. */
  async refresh(): Promise<void> {
    this.url = this.deps.win.location.href;
    const { notes, tags } = await this.deps.loadNotes(this.url);
    this.notes = notes.filter((n) => n.note.selectors.length > 0);
    this.tags = tags;
    this.lastText = null;
    await this.anchorAll();
  }

  /** Scrolls the note's passage into view and marks it for a moment; false when it is unanchored. */
  scrollTo(id: string): boolean {
    const range = this.ranges.get(id);
    if (range === undefined) return false;
    const target = range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement;
    target?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    this.deps.painter.flash(range);
    return true;
  }

  /** Clips the current selection: saved at once, or opening the editor first. */
  clipSelection(withComment: boolean): boolean {
    const { doc, win, ui } = this.deps;
    const selection = win.getSelection();
    if (selection === null || selection.rangeCount === 0 || selection.isCollapsed) {
      ui.notify(this.anchorNear(null), this.deps.texts.nothingSelected);
      return false;
    }
    const range = selection.getRangeAt(0);
    if (ui.owns(range.commonAncestorContainer)) return false;
    const selectors = describe(doc.body, range);
    if (selectors === null) {
      ui.notify(this.anchorNear(range), this.deps.texts.nothingSelected);
      return false;
    }
    const quote = (selectors[0] as TextQuoteSelector).exact;
    const canonical = doc.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? null;
    const base = { url: win.location.href, canonicalUrl: canonical, title: doc.title, selectors, quote };
    // The editor follows the passage while the page scrolls (the selection itself is cleared below).
    const passage = range.cloneRange();
    const at = this.anchorNear(passage);
    const clip = () => {
      if (withComment) {
        const onSave = (values: NoteDraftValues) =>
          this.save(at, { ...base, comment: values.comment, tags: values.tags, colour: values.colour, mustRead: values.mustRead ?? null }, false);
        const initial: NoteDraftValues = { comment: '', tags: [], colour: DEFAULT_COLOUR, mustRead: null };
        ui.openEditor(() => this.anchorNear(passage), { quote, initial, knownTags: this.tags, onSave, loadMustReadBooks: this.booksOfYear(Date.now()) });
      } else {
        ui.hideTransient();
        void this.save(at, { ...base, comment: '', tags: [], colour: DEFAULT_COLOUR }, true);
      }
    };
    const position = selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
    const twin = position === undefined ? null : findTwin(position, [...this.spans].filter(([id]) => !id.startsWith(UNSAVED)));
    if (twin === null) clip();
    else ui.offerExisting(at, { onOpen: () => this.openExisting(twin, at), onClipAgain: clip });
    selection.removeAllRanges();
    return true;
  }

  /** Saves a clip, showing it at once; `quick`: no editor is open, so the outcome is told in a notice. */
  private async save(at: Anchor, input: ClipInput, quick: boolean): Promise<SaveOutcome> {
    // Optimistic: the highlight shows before the background has answered.
    const tempId = `${UNSAVED}${++this.passId}`;
    const now = new Date().toISOString();
    const temp: LocalNote = {
      note: { id: tempId, resourceId: null, mustRead: null, createdAt: now, updatedAt: now, deletedAt: null, ...input, selectors: [...input.selectors], tags: [...input.tags] },
      review: null,
      rejection: null,
    };
    this.notes = [...this.notes, temp];
    await this.anchorAll();
    let outcome: SaveOutcome;
    try {
      const saved = await this.deps.saveClip(input);
      this.notes = this.notes.map((n) => (n.note.id === tempId ? saved : n));
      if (quick) this.deps.ui.notify(at, this.deps.texts.saved);
      outcome = { ok: true };
    } catch (error) {
      this.notes = this.notes.filter((n) => n.note.id !== tempId);
      const code = failureCode(error);
      if (quick) this.deps.ui.notify(at, this.deps.texts.clipFailed(code));
      outcome = { ok: false, message: this.deps.texts.saveFailed(code) };
    }
    await this.anchorAll();
    return outcome;
  }

  /** One anchoring pass: the page text is read once and shared by every note. */
  private async anchorAll(): Promise<void> {
    const { doc, painter, win } = this.deps;
    const id = ++this.passId;
    this.dirty = false;
    const pass = startPass(doc.body, this.notes.map(({ note }) => note.selectors));
    const ranges = new Map<string, Range>();
    const texts = new Map<string, string>();
    const spans = new Map<string, TextSpan>();
    const unanchored = new Set<string>();
    let sliceStart = win.performance.now();
    for (const { note } of this.notes) {
      if (win.performance.now() - sliceStart > SLICE_MS) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        // The page changed or a newer pass started while we yielded: this pass's offsets are stale.
        if (id !== this.passId) return;
        if (this.dirty) {
          this.schedule();
          return;
        }
        sliceStart = win.performance.now();
      }
      const found = anchor(pass, note.selectors);
      if (found === null) unanchored.add(note.id);
      else {
        ranges.set(note.id, found.range);
        texts.set(note.id, pass.page.text.slice(found.span.start, found.span.end));
        spans.set(note.id, found.span);
      }
    }
    // Notes found out of the order they were described in, with surer ones: one of them is on a
    // look-alike, and it is left unanchored rather than shown on the wrong text.
    const ids = this.notes.map(({ note }) => note.id);
    const misplaced = outOfOrderNotes(pass, this.notes.map(({ note }) => note.selectors), ids.map((noteId) => spans.get(noteId) ?? null));
    for (const i of misplaced) {
      const noteId = ids[i]!;
      ranges.delete(noteId);
      texts.delete(noteId);
      spans.delete(noteId);
      unanchored.add(noteId);
    }
    this.ranges.clear();
    this.anchoredText.clear();
    for (const [k, v] of ranges) this.ranges.set(k, v);
    for (const [k, v] of texts) this.anchoredText.set(k, v);
    this.spans.clear();
    for (const [k, v] of spans) this.spans.set(k, v);
    this.unanchored = unanchored;
    this.lastText = pass.page.text;
    const colours = new Map(this.notes.map((n) => [n.note.id, n.note.colour]));
    painter.paint([...ranges].map(([noteId, range]) => ({ id: noteId, range, colour: colours.get(noteId) ?? DEFAULT_COLOUR })));
    for (const listener of this.statusListeners) listener(this.status());
  }

  /** After content changes: anchor again if a note is unanchored or a painted passage changed. */
  private async onContentSettled(): Promise<void> {
    if (this.deps.win.location.href !== this.url) {
      await this.refresh();
      return;
    }
    const broken = [...this.ranges].some(([id, range]) => range.collapsed || range.toString() !== this.anchoredText.get(id));
    if (!broken && this.unanchored.size === 0) return;
    // Nothing to gain from the same text again (an unanchored passage stays missing).
    if (!broken && this.deps.doc.body.textContent === this.lastText) return;
    await this.anchorAll();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.onContentSettled(), MUTATION_DEBOUNCE_MS);
  }

  private anchorNear(range: Range | null, fallback: Anchor = { left: 16, top: 16, bottom: 16 }): Anchor {
    const rect = range?.getBoundingClientRect();
    if (rect === undefined || (rect.width === 0 && rect.height === 0)) return fallback;
    return { left: rect.left, top: rect.top, bottom: rect.bottom };
  }

  private listen(): void {
    const { doc, win, ui } = this.deps;
    const on = <K extends keyof DocumentEventMap>(target: Document | Window, type: K, fn: (e: DocumentEventMap[K]) => void) => {
      target.addEventListener(type, fn as EventListener, { passive: true });
      this.cleanups.push(() => target.removeEventListener(type, fn as EventListener));
    };

    this.observer = new win.MutationObserver((records) => {
      const relevant = records.some((r) => !ui.owns(r.target) && !isOwnMark(r.target) && ![...r.addedNodes, ...r.removedNodes].every((n) => isOwnMark(n) || ui.owns(n)));
      if (!relevant) return;
      this.dirty = true;
      this.schedule();
    });
    this.observer.observe(doc.body, { childList: true, subtree: true, characterData: true });

    // Single-page apps: the Navigation API where there is one; history events and the debounced
    // mutation check (which compares the URL) everywhere.
    const navigation = (win as unknown as { navigation?: EventTarget }).navigation;
    const onNavigate = () => this.schedule();
    navigation?.addEventListener('navigatesuccess', onNavigate);
    this.cleanups.push(() => navigation?.removeEventListener('navigatesuccess', onNavigate));
    on(win, 'popstate' as keyof DocumentEventMap, onNavigate);
    on(win, 'hashchange' as keyof DocumentEventMap, onNavigate);

    on(doc, 'mouseup', (e) => {
      if (ui.owns(e.target as Node)) return;
      // After the browser has updated the selection for this click.
      setTimeout(() => this.offerToolbar(), 0);
    });
    on(doc, 'keyup', (e) => {
      if (e.shiftKey || e.key.startsWith('Arrow')) setTimeout(() => this.offerToolbar(), 0);
    });
    on(doc, 'mousedown', (e) => {
      if (!ui.owns(e.target as Node)) ui.hideTransient();
    });
    on(doc, 'mousemove', (e) => {
      this.pointer = { x: e.clientX, y: e.clientY };
      if (this.hoverFrame !== 0) return;
      this.hoverFrame = win.requestAnimationFrame(() => {
        this.hoverFrame = 0;
        this.onPointer();
      });
    });
    on(doc, 'click', (e) => {
      if (ui.owns(e.target as Node) || !(win.getSelection()?.isCollapsed ?? true)) return;
      const id = noteAtPoint(this.ranges, e.clientX, e.clientY);
      if (id !== null) this.openExisting(id, { left: e.clientX, top: e.clientY, bottom: e.clientY + 4 });
    });
  }

  private offerToolbar(): void {
    const { win, ui } = this.deps;
    const selection = win.getSelection();
    if (selection === null || selection.isCollapsed || selection.rangeCount === 0 || selection.toString().trim() === '') return;
    const range = selection.getRangeAt(0);
    if (ui.owns(range.commonAncestorContainer) || !this.deps.doc.body.contains(range.commonAncestorContainer)) return;
    const rect = range.getBoundingClientRect();
    this.toolbarSelection = { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
    this.intent = ON_THE_WAY;
    ui.showToolbar(this.anchorNear(range), {
      onClip: () => void this.clipSelection(false),
      onClipWithComment: () => void this.clipSelection(true),
    });
  }

  /**
   * The pointer moved (or the grace period ended while it rested). While the clip toolbar is up it wins
   * over the hover card of a highlight the pointer crosses on its way to the toolbar (hover-intent.ts);
   * only a highlight the pointer has clearly gone to takes over. Without the toolbar: the hover card.
   */
  private onPointer(): void {
    const { ui, win } = this.deps;
    const pointer = this.pointer;
    if (pointer === null) return;
    const id = this.ranges.size === 0 ? null : noteAtPoint(this.ranges, pointer.x, pointer.y);
    const toolbar = ui.toolbarBox();
    clearTimeout(this.intentTimer);
    if (toolbar !== null && this.toolbarSelection !== null) {
      const now = win.performance.now();
      const decision = nextIntent(this.intent, pointer, now, corridor(this.toolbarSelection, toolbar));
      this.intent = decision.state;
      if (decision.recheckAt !== null) this.intentTimer = setTimeout(() => this.onPointer(), decision.recheckAt - now);
      // Off every highlight the toolbar stays too: the selection it clips is still there.
      if (decision.onTheWay || id === null) return;
      ui.hideTransient();
    }
    this.showCardAt(id, pointer);
  }

  private showCardAt(id: string | null, { x, y }: Point): void {
    const local = id === null ? undefined : this.notes.find((n) => n.note.id === id);
    if (local === undefined) {
      this.deps.ui.hideCard();
      return;
    }
    this.deps.ui.showCard({ left: x, top: y, bottom: y + 12 }, { comment: local.note.comment, tags: local.note.tags, review: local.review });
  }

  /** The picker's books: the list of the year the note was written in (the server checks the link against it). */
  private booksOfYear(writtenMs: number): LoadMustReadBooks | undefined {
    const load = this.deps.mustReadBooks;
    return load && (() => load(writtenMs));
  }

  private openExisting(id: string, at: Anchor): void {
    const local = this.notes.find((n) => n.note.id === id);
    if (local === undefined || local.note.id.startsWith(UNSAVED)) return;
    const { note } = local;
    this.deps.ui.openEditor(() => this.anchorNear(this.ranges.get(id) ?? null, at), {
      quote: note.quote,
      // A note kept from before links existed has no field: it is unlinked.
      initial: { comment: note.comment, tags: note.tags, colour: note.colour, mustRead: note.mustRead ?? null },
      knownTags: this.tags,
      loadMustReadBooks: this.booksOfYear(Date.parse(note.createdAt)),
      onSave: async (values) => {
        try {
          await this.deps.updateNote(id, values);
          return { ok: true };
        } catch (error) {
          return { ok: false, message: this.deps.texts.saveFailed(failureCode(error)) };
        }
      },
      onDelete: () => void this.deps.deleteNote(id),
    });
  }
}
