// Painting with the CSS Custom Highlight API: one registered Highlight per colour, styled by a
// constructed stylesheet. Nothing is added to or changed in the page's DOM.
import { NOTE_COLOURS } from '../../../shared/schemas/notes.ts';
import { COLOUR_VALUES } from '../../../shared/notes/note-colours.ts';
import type { PaintedHighlight, Painter } from './painter.ts';

const PREFIX = 'studytrail';
const FLASH = `${PREFIX}-flash`;
const FLASH_MS = 1500;

export function supportsHighlightApi(win: Window & typeof globalThis): boolean {
  return typeof win.Highlight === 'function' && typeof win.CSS !== 'undefined' && 'highlights' in win.CSS;
}

export function createHighlightApiPainter(doc: Document = document, win: Window & typeof globalThis = window): Painter {
  const registry = win.CSS.highlights;
  const byColour = new Map(NOTE_COLOURS.map((c) => [c, new win.Highlight()]));
  for (const [colour, highlight] of byColour) registry.set(`${PREFIX}-${colour}`, highlight);
  const flash = new win.Highlight();
  flash.priority = 1;
  registry.set(FLASH, flash);

  // An adopted stylesheet is not a node: the page's DOM stays exactly as it was.
  const sheet = new win.CSSStyleSheet();
  sheet.replaceSync(
    NOTE_COLOURS.map((c) => `::highlight(${PREFIX}-${c}) { background-color: ${COLOUR_VALUES[c]}; }`).join('\n') +
      `\n::highlight(${FLASH}) { text-decoration: underline 3px #d9480f; }`,
  );
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  let flashTimer: ReturnType<typeof setTimeout> | undefined;

  return {
    mode: 'highlight-api',
    paint(highlights: readonly PaintedHighlight[]) {
      for (const h of byColour.values()) h.clear();
      for (const { range, colour } of highlights) byColour.get(colour)!.add(range);
    },
    flash(range: Range) {
      flash.clear();
      flash.add(range);
      clearTimeout(flashTimer);
      flashTimer = setTimeout(() => flash.clear(), FLASH_MS);
    },
    clear() {
      for (const h of byColour.values()) h.clear();
      flash.clear();
    },
  };
}
