// Which painter a page gets: the CSS Custom Highlight API where the browser has it and the page's
// adopted stylesheets can take ours, else marks in the DOM. Firefox 140 ESR has the API but refuses a
// content script the page's stylesheet list ("Accessing from Xray wrapper is not supported"); without
// this fallback its highlighter died before it could clip.
import { createHighlightApiPainter, supportsHighlightApi } from './highlight-api-painter.ts';
import type { Painter } from './painter.ts';
import { createWrapPainter } from './wrap-painter.ts';

export function choosePainter(doc: Document, win: Window & typeof globalThis): Painter {
  if (!supportsHighlightApi(win)) return createWrapPainter(doc);
  try {
    return createHighlightApiPainter(doc, win);
  } catch {
    return createWrapPainter(doc);
  }
}
