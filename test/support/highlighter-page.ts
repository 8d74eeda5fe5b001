// Bundled (esbuild) into a plain page by bench/highlights.bench.ts and test/e2e/painters.test.ts: the
// highlighter's own code (the same pass, painters and time slicing the content script uses) with its
// extension-facing parts stubbed.
import { Highlighter } from '../../extension/highlights/page/highlighter.ts';
import { createWrapPainter } from '../../extension/highlights/painting/wrap-painter.ts';
import type { Painter } from '../../extension/highlights/painting/painter.ts';
import { createHighlightApiPainter } from '../../extension/highlights/painting/highlight-api-painter.ts';
import { readPageText } from '../../extension/highlights/anchoring/page-text.ts';
import { describeSpan } from '../../extension/highlights/anchoring/describe-text.ts';
import type { PageUi } from '../../extension/highlights/capture/page-ui.tsx';
import type { Selector } from '../../shared/schemas/notes.ts';
import type { LocalNote } from '../../extension/storage/notes-book.ts';

const noUi: PageUi = {
  showToolbar: () => undefined,
  openEditor: () => undefined,
  showCard: () => undefined,
  offerExisting: () => undefined,
  notify: () => undefined,
  hideTransient: () => undefined,
  hideCard: () => undefined,
  editorOpen: false,
  toolbarBox: () => null,
  owns: () => false,
  destroy: () => undefined,
};

function note(i: number, selectors: Selector[]): LocalNote {
  const quote = selectors[0]!.type === 'TextQuoteSelector' ? selectors[0]!.exact : '';
  return {
    note: {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      url: location.href, canonicalUrl: null, title: '', resourceId: null, selectors, quote, comment: '', tags: [],
      colour: (['yellow', 'green', 'blue', 'pink', 'purple'] as const)[i % 5]!,
      mustRead: null,
      createdAt: '2026-01-05T00:00:00.000Z', updatedAt: '2026-01-05T00:00:00.000Z', deletedAt: null,
    },
    review: null,
    rejection: null,
  };
}

let current: Painter | null = null;

const api = {
  /** Removes what the last re-show painted. */
  clear: () => current?.clear(),
  /** Selectors for passages at these text offsets, as the extension would have stored them. */
  describe(spans: { start: number; end: number }[]): Selector[][] {
    const { text } = readPageText(document.body);
    return spans.map((s) => describeSpan(text, s)!);
  },
  textLength: () => readPageText(document.body).text.length,
  /** Loads the notes into a fresh highlighter and resolves when they are painted: the re-show. */
  async reshow(selectorsList: Selector[][], mode: Painter['mode'] = 'highlight-api'): Promise<{ ms: number; anchored: number; unanchored: number; mode: string }> {
    const painter = mode === 'wrap' ? createWrapPainter() : createHighlightApiPainter();
    current = painter;
    const notes = selectorsList.map((s, i) => note(i, s));
    const highlighter = new Highlighter({
      doc: document,
      win: window,
      painter,
      ui: noUi,
      loadNotes: async () => ({ notes, tags: [] }),
      saveClip: async () => Promise.reject(new Error('not in the bench')),
      updateNote: async () => undefined,
      deleteNote: async () => undefined,
      texts: { saved: '', nothingSelected: '', clipFailed: () => '', saveFailed: () => '' },
    });
    const t0 = performance.now();
    await highlighter.refresh();
    const ms = performance.now() - t0;
    const status = highlighter.status();
    return { ms, anchored: status.anchored.length, unanchored: status.unanchored.length, mode: painter.mode };
  },
};

(window as unknown as { studytrailBench: typeof api }).studytrailBench = api;
