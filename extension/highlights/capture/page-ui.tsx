// The in-page UI of the highlighter, in a closed shadow root on a host element that is created only
// when first needed (a selection, a hover): the floating clip toolbar, the note editor, the hover card
// and short notices. Re-showing highlights never creates it, so the page's DOM stays untouched.
import { render } from 'preact';
import type { NoteReview } from '../../../shared/schemas/notes.ts';
import { t } from '../../i18n/t.ts';
import { NoteEditor } from '../../ui/components/NoteEditor.tsx';
import type { NoteDraftValues } from '../../ui/models/note-draft-model.ts';
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
  readonly onSave: (values: NoteDraftValues) => void;
  readonly onDelete?: () => void;
}

export interface CardContent {
  readonly comment: string;
  readonly tags: readonly string[];
  readonly review: NoteReview | null;
}

type View =
  | { kind: 'none' }
  | { kind: 'toolbar'; at: Anchor; onClip: () => void; onClipWithComment: () => void }
  | { kind: 'editor'; at: Anchor; request: EditorRequest }
  | { kind: 'card'; at: Anchor; content: CardContent }
  | { kind: 'notice'; at: Anchor; text: string };

export interface PageUi {
  showToolbar(at: Anchor, actions: { onClip: () => void; onClipWithComment: () => void }): void;
  openEditor(at: Anchor, request: EditorRequest): void;
  showCard(at: Anchor, content: CardContent): void;
  notify(at: Anchor, text: string): void;
  /** Hides the toolbar or card (an open editor stays until saved or cancelled). */
  hideTransient(): void;
  readonly editorOpen: boolean;
  /** True for a node of this UI (its host), so page listeners and observers can ignore it. */
  owns(node: Node | null): boolean;
  destroy(): void;
}

const HOST_TAG = 'studytrail-ui';
const NOTICE_MS = 2500;

function place(at: Anchor, win: Window, width: number): { left: string; top: string } {
  const left = Math.max(8, Math.min(at.left, win.innerWidth - width - 8));
  const below = at.bottom + 8;
  const top = below + 40 > win.innerHeight ? Math.max(8, at.top - 48) : below;
  return { left: `${left}px`, top: `${top}px` };
}

function PageLayer({ view, win, close }: { view: View; win: Window; close: () => void }) {
  switch (view.kind) {
    case 'none':
      return null;
    case 'toolbar':
      return (
        <div class="layer" style={place(view.at, win, 220)}>
          <div class="toolbar" role="toolbar" data-testid="clip-toolbar">
            <button type="button" name="clip" onMouseDown={(e) => e.preventDefault()} onClick={view.onClip}>
              {t('clipButton')}
            </button>
            <button type="button" name="clip-with-comment" onMouseDown={(e) => e.preventDefault()} onClick={view.onClipWithComment}>
              {t('clipWithCommentButton')}
            </button>
          </div>
        </div>
      );
    case 'editor':
      return (
        <div class="layer" style={place(view.at, win, 340)}>
          <div class="panel" onKeyDown={(e) => e.key === 'Escape' && close()}>
            <NoteEditor
              initial={view.request.initial}
              knownTags={view.request.knownTags}
              quote={view.request.quote}
              onSave={(values) => {
                close();
                view.request.onSave(values);
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
        </div>
      );
    case 'card':
      return (
        <div class="layer" style={place(view.at, win, 300)}>
          <div class="card" data-testid="note-card">
            {view.content.comment !== '' ? <p class="comment">{view.content.comment}</p> : <p class="comment">{t('noComment')}</p>}
            {view.content.tags.length > 0 && <div class="tags">{view.content.tags.map((tag) => <span class="tag" key={tag}>{tag}</span>)}</div>}
            {view.content.review && (
              <p class="review">{t('reviewedBy', view.content.review.reviewerName, view.content.review.comment)}</p>
            )}
          </div>
        </div>
      );
    case 'notice':
      return (
        <div class="layer" style={place(view.at, win, 260)}>
          <div class="notice" role="status">
            {view.text}
          </div>
        </div>
      );
  }
}

export function createPageUi(doc: Document = document, win: Window = window): PageUi {
  let host: HTMLElement | null = null;
  let root: ShadowRoot | null = null;
  let view: View = { kind: 'none' };
  let noticeTimer: ReturnType<typeof setTimeout> | undefined;

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
    render(<PageLayer view={view} win={win} close={() => show({ kind: 'none' })} />, root!.lastChild as Element);
  };

  return {
    showToolbar: (at, actions) => {
      if (view.kind !== 'editor') show({ kind: 'toolbar', at, ...actions });
    },
    openEditor: (at, request) => show({ kind: 'editor', at, request }),
    showCard: (at, content) => {
      if (view.kind === 'none' || view.kind === 'card') show({ kind: 'card', at, content });
    },
    notify: (at, text) => {
      show({ kind: 'notice', at, text });
      clearTimeout(noticeTimer);
      noticeTimer = setTimeout(() => {
        if (view.kind === 'notice') show({ kind: 'none' });
      }, NOTICE_MS);
    },
    hideTransient: () => {
      if (view.kind === 'toolbar' || view.kind === 'card') show({ kind: 'none' });
    },
    get editorOpen() {
      return view.kind === 'editor';
    },
    owns: (node) => node !== null && host !== null && (node === host || host.contains(node)),
    destroy: () => {
      clearTimeout(noticeTimer);
      if (root !== null) render(null, root.lastChild as Element);
      host?.remove();
      host = null;
      root = null;
    },
  };
}
