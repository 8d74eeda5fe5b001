import { describe, expect, it } from 'vitest';
import { choosePainter } from './choose-painter.ts';

class FakeHighlight {
  priority = 0;
  clear(): void {}
  add(): void {}
}
class FakeSheet {
  replaceSync(): void {}
}

/** A window with the Custom Highlight API, and a document whose adopted sheets may be out of reach. */
function page(adoptable: boolean) {
  const registry = new Map<string, FakeHighlight>();
  const adopted: FakeSheet[] = [];
  const doc = {
    get adoptedStyleSheets(): FakeSheet[] {
      // What a Firefox content script gets from its Xray view of the page.
      if (!adoptable) throw new Error('Accessing from Xray wrapper is not supported.');
      return [...adopted];
    },
    set adoptedStyleSheets(sheets: FakeSheet[]) {
      adopted.splice(0, adopted.length, ...sheets);
    },
  } as unknown as Document;
  const win = { Highlight: FakeHighlight, CSS: { highlights: registry }, CSSStyleSheet: FakeSheet } as unknown as Window & typeof globalThis;
  return { doc, win, registry, adopted };
}

describe('the painter a page allows', () => {
  it('is the Custom Highlight API where its stylesheet can be adopted', () => {
    const { doc, win, registry, adopted } = page(true);
    expect(choosePainter(doc, win).mode).toBe('highlight-api');
    expect(adopted).toHaveLength(1);
    expect([...registry.keys()]).toContain('studytrail-flash');
  });

  it('is marks where the stylesheet cannot be adopted (Firefox content scripts), with no highlight left registered', () => {
    const { doc, win, registry } = page(false);
    expect(choosePainter(doc, win).mode).toBe('wrap');
    expect(registry.size).toBe(0);
  });

  it('is marks where the browser has no Custom Highlight API', () => {
    const { doc } = page(true);
    expect(choosePainter(doc, {} as Window & typeof globalThis).mode).toBe('wrap');
  });
});
