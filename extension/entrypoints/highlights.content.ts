// The highlighter content script. Registered at run time for designated pages only
// (content/registration.ts) and injected into any http(s) tab when the person asks to clip there.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startHighlighter } from '../highlights/page/start-highlighter.ts';
import { callBackground } from '../messaging/client.ts';
import { replyValue } from '../rpc/failure.ts';

const RUNNING = Symbol.for('studytrail.highlighter');

export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    // Injected on request into a page where the registered script already runs: keep the first.
    const scope = globalThis as unknown as Record<symbol, boolean>;
    if (scope[RUNNING]) return;
    scope[RUNNING] = true;
    const stop = startHighlighter({
      loadNotes: (url) => replyValue(callBackground({ type: 'notesForPage', url })),
      saveClip: (input) => replyValue(callBackground({ type: 'clipNote', ...input, selectors: [...input.selectors], tags: [...input.tags] })),
      updateNote: (id, values) =>
        replyValue(callBackground({ type: 'updateNote', id, comment: values.comment, tags: [...values.tags], colour: values.colour, mustRead: values.mustRead })),
      deleteNote: (id) => replyValue(callBackground({ type: 'deleteNote', id })),
      mustReadBooks: (writtenAt) => replyValue(callBackground({ type: 'mustReadBooks', writtenAt })),
    });
    // The extension was updated, reloaded or removed: take the highlights, page UI and watches away, so
    // that the new version's script (which will find the flag cleared) is the only one left.
    ctx.onInvalidated(() => {
      stop();
      scope[RUNNING] = false;
    });
  },
});
