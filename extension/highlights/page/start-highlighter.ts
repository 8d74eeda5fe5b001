// Assembles the highlighter for a real page: the painter this browser supports, the in-page UI, the
// background calls (passed in by the entrypoint, which wires them to the background protocol) and a
// storage watch so edits from the side panel or another device show at once.
import { z } from 'zod';
import { failureReason } from '../../note-editor/note-save-messages.ts';
import { notesItem } from '../../storage/items.ts';
import { t } from '../../i18n/t.ts';
import { createPageUi } from '../capture/page-ui.tsx';
import { choosePainter } from '../painting/choose-painter.ts';
import { Highlighter, type HighlighterDeps } from './highlighter.ts';
import { servePage } from './serve-page.ts';

/** The background calls the highlighter makes; each throws a BackgroundFailure when refused. */
export type BackgroundCalls = Pick<HighlighterDeps, 'loadNotes' | 'saveClip' | 'updateNote' | 'deleteNote' | 'mustReadBooks'>;

export function startHighlighter(calls: BackgroundCalls): () => void {
  // Pages forbid eval in many places too; zod must not probe for it.
  z.config({ jitless: true });
  const painter = choosePainter(document, window);
  const highlighter = new Highlighter({
    doc: document,
    win: window,
    painter,
    ui: createPageUi(),
    ...calls,
    texts: {
      saved: t('clipSaved'),
      nothingSelected: t('nothingSelected'),
      clipFailed: (code) => t('clipFailedReason', failureReason(code)),
      saveFailed: (code) => t('noteSaveFailed', failureReason(code)),
    },
  });
  const stopServing = servePage(highlighter);
  const unwatch = notesItem.watch(() => void highlighter.refresh());
  void highlighter.start();
  return () => {
    unwatch();
    stopServing();
    highlighter.stop();
  };
}
