// The in-page UI of the highlighter, in a closed shadow root on a host element that is created only
// when first needed (a selection, a hover): the floating clip toolbar, the note editor, the hover card,
// the offer to open a passage's existing note, and short notices. Re-showing highlights never creates it,
// so the page's DOM stays untouched. Every panel is placed inside the viewport (place-panel.ts); the
// editor follows its passage while the page scrolls.
import { render, type ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { NoteReview } from '../../../shared/schemas/notes.ts';
import { t } from '../../i18n/t.ts';
import { NoteEditor } from '../../note-editor/NoteEditor.tsx';
import type { NoteDraftValues, SaveOutcome } from '../../note-editor/note-draft-model.ts';
import type { LoadMustReadBooks } from '../../note-editor/must-read-picker.ts';
import type { Box } from './hover-intent.ts';
import { placePanel, type Size } from './place-panel.ts';
import { PAGE_UI_CSS } from './page-ui-style.ts';

export interface Anchor {
  readonly left: number;
  readonly top: number;
  readonly bottom: number;
}

export interface EditorRequest {
  readonly quote: string;
  readonly initial: NoteDraftValues;
  readonly knownTags: readonly string[];
  /** The editor closes when this reports success; on failure it stays open with the draft and the reason. */
  readonly onSave: (values: NoteDraftValues) => Promise<SaveOutcome>;
  readonly onDelete?: () => void;
  /** The year's must-read books for the editor's picker (none offered without it). */
  readonly loadMustReadBooks?: LoadMustReadBooks;
}

export interface CardContent {
  readonly comment: string;
  readonly tags: readonly string[];
  readonly review: NoteReview | null;
}

export interface DuplicateOffer {
  readonly onOpen: () => void;
  readonly onClipAgain: () => void;
}

type View =
  | { kind: 'none' }
  | { kind: 'toolbar'; at: Anchor; onClip: () => void; onClipWithComment: () => void }
  | { kind: 'editor'; at: () => Anchor; request: EditorRequest }
  | { kind: 'card'; at: Anchor; content: CardContent }
  | { kind: 'duplicate'; at: Anchor; offer: DuplicateOffer }
  | { kind: 'notice'; at: Anchor; text: string };

export interface PageUi {
  showToolbar(at: Anchor, actions: { onClip: () => void; onClipWithComment: () => void }): void;
  /** `at` is asked again whenever the page scrolls or resizes, so the editor follows its passage. */
  openEditor(at: () => Anchor, request: EditorRequest): void;
  showCard(at: Anchor, content: CardContent): void;
  /** Offers to open the note already made from this passage, or to clip it once more. */
  offerExisting(at: Anchor, offer: DuplicateOffer): void;
  notify(at: Anchor, text: string): void;
  /** Hides the toolbar, card or offer (an open editor stays until saved or cancelled). */
  hideTransient(): void;
  /** Hides the hover card only (the pointer left its highlight). */
  hideCard(): void;
  readonly editorOpen: boolean;
  /** Where the clip toolbar is drawn, in viewport pixels; null when it is not shown. */
  toolbarBox(): Box | null;
  /** True for a node of this UI (its host), so page listeners and observers can ignore it. */
  owns(node: Node | null): boolean;
  destroy(): void;
}

const HOST_TAG = 'studytrail-ui';
const NOTICE_MS = 2500;

/** A panel placed by its measured size (first drawn at `guess`, moved once it has been measured). */
function Floating({ at, win, guess, children }: { at: Anchor; win: Window; guess: Size; children: ComponentChildren }) {
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<Size>(guess);
  useEffect(() => {
    const el = ref.current!;
    const measure = () => setSize((s) => (s.width === el.offsetWidth && s.height === el.offsetHeight ? s : { width: el.offsetWidth, height: el.offsetHeight }));
    measure();
    // The editor grows with tags, suggestions and messages: keep it inside the viewport as it does.
    const observer = new (win as Window & typeof globalThis).ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [win]);
  const pos = placePanel(at, size, { width: win.innerWidth, height: win.innerHeight });
  return (
    <div class="layer" ref={ref} style={{ left: `${pos.left}px`, top: `${pos.top}px` }}>
      {children}
    </div>
  );
}

function PageLayer({ view, win, close }: { view: View; win: Window; close: () => void }) {
  switch (view.kind) {
    case 'none':
      return null;
    case 'toolbar':
      return (
        <Floating at={view.at} win={win} guess={{ width: 220, height: 36 }}>
          <div class="toolbar" role="toolbar" data-testid="clip-toolbar">
            <button type="button" name="clip" onMouseDown={(e) => e.preventDefault()} onClick={view.onClip}>
              {t('clipButton')}
            </button>
            <button type="button" name="clip-with-comment" onMouseDown={(e) => e.preventDefault()} onClick={view.onClipWithComment}>
              {t('clipWithCommentButton')}
            </button>
          </div>
        </Floating>
      );
    case 'editor':
      return (
        <Floating at={view.at()} win={win} guess={{ width: 340, height: 360 }}>
          <div class="panel" onKeyDown={(e) => e.key === 'Escape' && close()}>
            <NoteEditor
              initial={view.request.initial}
              knownTags={view.request.knownTags}
              quote={view.request.quote}
              loadMustReadBooks={view.request.loadMustReadBooks}
              onSave={async (values) => {
                const outcome = await view.request.onSave(values);
                if (outcome.ok) close();
                return outcome;
              }}
              onCancel={close}
              onDelete={
                view.request.onDelete &&
                (() => {
                  close();
                  view.request.onDelete!();
                })
              }
            />
          </div>
        </Floating>
      );
    case 'card':
      return (
        <Floating at={view.at} win={win} guess={{ width: 300, height: 80 }}>
          <div class="card" data-testid="note-card">
            {/* Folded without a toggle: the card goes when the pointer leaves the passage; a click opens it all. */}
            <p class="comment clamped">{view.content.comment !== '' ? view.content.comment : t('noComment')}</p>
            {view.content.tags.length > 0 && <div class="tags">{view.content.tags.map((tag) => <span class="tag" key={tag}>{tag}</span>)}</div>}
            {view.content.review && (
              <p class="review">{t('reviewedBy', view.content.review.reviewerName, view.content.review.comment)}</p>
            )}
          </div>
        </Floating>
      );
    case 'duplicate':
      return (
        <Floating at={view.at} win={win} guess={{ width: 300, height: 80 }}>
          <div class="card offer" role="dialog" data-testid="duplicate-offer">
            <p>{t('duplicateClip')}</p>
            <div class="actions">
              <button type="submit" name="open-existing" onMouseDown={(e) => e.preventDefault()} onClick={view.offer.onOpen}>
                {t('openExistingNote')}
              </button>
              <button type="button" name="clip-again" onMouseDown={(e) => e.preventDefault()} onClick={view.offer.onClipAgain}>
                {t('clipAgain')}
              </button>
              <button type="button" name="cancel" onClick={close}>
                {t('cancel')}
              </button>
            </div>
          </div>
        </Floating>
      );
    case 'notice':
      return (
        <Floating at={view.at} win={win} guess={{ width: 260, height: 36 }}>
          <div class="notice" role="status">
            {view.text}
          </div>
        </Floating>
      );
  }
}

export function createPageUi(doc: Document = document, win: Window = window): PageUi {
  let host: HTMLElement | null = null;
  let root: ShadowRoot | null = null;
  let view: View = { kind: 'none' };
  let noticeTimer: ReturnType<typeof setTimeout> | undefined;

  const draw = () => render(<PageLayer view={view} win={win} close={() => show({ kind: 'none' })} />, root!.lastChild as Element);
  // The editor follows its passage: scrolling anywhere (capture catches scrolling boxes too) or resizing.
  const follow = () => {
    if (view.kind === 'editor') draw();
  };
  win.addEventListener('scroll', follow, { capture: true, passive: true });
  win.addEventListener('resize', follow, { passive: true });

  const show = (next: View) => {
    view = next;
    if (view.kind === 'none' && host === null) return;
    if (host === null) {
      host = doc.createElement(HOST_TAG);
      // Closed: page scripts cannot reach the notes shown inside.
      root = host.attachShadow({ mode: 'closed' });
      const style = doc.createElement('style');
      style.textContent = PAGE_UI_CSS;
      root.appendChild(style);
      root.appendChild(doc.createElement('div'));
      doc.documentElement.appendChild(host);
    }
    // What is open (never what it shows) is visible on the host, for the person's own tools and tests.
    host.setAttribute('data-view', view.kind);
    draw();
  };

  return {
    showToolbar: (at, actions) => {
      if (view.kind !== 'editor') show({ kind: 'toolbar', at, ...actions });
    },
    openEditor: (at, request) => show({ kind: 'editor', at, request }),
    showCard: (at, content) => {
      if (view.kind === 'none' || view.kind === 'card') show({ kind: 'card', at, content });
    },
    offerExisting: (at, offer) => show({ kind: 'duplicate', at, offer }),
    notify: (at, text) => {
      if (view.kind === 'editor') return;
      show({ kind: 'notice', at, text });
      clearTimeout(noticeTimer);
      noticeTimer = setTimeout(() => {
        if (view.kind === 'notice') show({ kind: 'none' });
      }, NOTICE_MS);
    },
    hideTransient: () => {
      if (view.kind === 'toolbar' || view.kind === 'card' || view.kind === 'duplicate') show({ kind: 'none' });
    },
    hideCard: () => {
      if (view.kind === 'card') show({ kind: 'none' });
    },
    get editorOpen() {
      return view.kind === 'editor';
    },
    toolbarBox: () => {
      if (view.kind !== 'toolbar' || root === null) return null;
      const r = root.querySelector('.toolbar')?.getBoundingClientRect();
      return r === undefined ? null : { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    },
    owns: (node) => node !== null && host !== null && (node === host || host.contains(node)),
    destroy: () => {
      clearTimeout(noticeTimer);
      win.removeEventListener('scroll', follow, { capture: true });
      win.removeEventListener('resize', follow);
      if (root !== null) render(null, root.lastChild as Element);
      host?.remove();
      host = null;
      root = null;
    },
  };
}
