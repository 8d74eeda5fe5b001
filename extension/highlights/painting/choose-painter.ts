// The painter a page allows: the CSS Custom Highlight API where it can be set up, else marks around the
// passages. Firefox's content scripts see the API, but their Xray view of the page cannot reach
// document.adoptedStyleSheets ("Accessing from Xray wrapper is not supported", Firefox 140 ESR), so the
// API painter cannot style its highlights there and the highlighter would not start at all.
import { createHighlightApiPainter, supportsHighlightApi } from './highlight-api-painter.ts';
import type { Painter } from './painter.ts';
import { createWrapPainter } from './wrap-painter.ts';

export function choosePainter(doc: Document, win: Window & typeof globalThis): Painter {
  if (supportsHighlightApi(win)) {
    try {
      return createHighlightApiPainter(doc, win);
    } catch {
      // The setup threw before registering anything: the page is as it was.
    }
  }
  return createWrapPainter(doc);
}
