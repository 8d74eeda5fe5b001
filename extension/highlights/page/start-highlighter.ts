// Assembles the highlighter for a real page: the painter this browser supports, the in-page UI, the
// background calls, and a storage watch so edits from the side panel or another device show at once.
import { z } from 'zod';
import { callBackground } from '../../messaging/client.ts';
import { BackgroundFailure, type Reply } from '../../messaging/protocol.ts';
import { failureReason } from '../../note-editor/note-save-messages.ts';
import { notesItem } from '../../storage/items.ts';
import { t } from '../../i18n/t.ts';
import { createPageUi } from '../capture/page-ui.tsx';
import { choosePainter } from '../painting/choose-painter.ts';
import { Highlighter } from './highlighter.ts';
import { servePage } from './serve-page.ts';

async function value<T>(reply: Promise<Reply<T>>): Promise<T> {
  const r = await reply;
  if (!r.ok) throw new BackgroundFailure(r.code, r.message);
  return r.value;
}

export function startHighlighter(): () => void {
  // Pages forbid eval in many places too; zod must not probe for it.
  z.config({ jitless: true });
  const painter = choosePainter(document, window);
  const highlighter = new Highlighter({
    doc: document,
    win: window,
    painter,
    ui: createPageUi(),
    loadNotes: (url) => value(callBackground({ type: 'notesForPage', url })),
    saveClip: (input) => value(callBackground({ type: 'clipNote', ...input, selectors: [...input.selectors], tags: [...input.tags] })),
    updateNote: (id, values) =>
      value(callBackground({ type: 'updateNote', id, comment: values.comment, tags: [...values.tags], colour: values.colour, mustRead: values.mustRead })),
    deleteNote: (id) => value(callBackground({ type: 'deleteNote', id })),
    mustReadBooks: (writtenAt) => value(callBackground({ type: 'mustReadBooks', writtenAt })),
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
