// The painter choice, on a document whose stylesheet list refuses us (as Firefox 140 ESR's content
// scripts meet it) and on one that takes it.
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { choosePainter } from './choose-painter.ts';

class FakeHighlight {
  priority = 0;
  add(): void {}
  clear(): void {}
}
class FakeSheet {
  replaceSync(): void {}
}

function page(adoption: 'accepted' | 'refused') {
  const { document } = parseHTML('<!doctype html><html><body><p>学习</p></body></html>');
  const registry = new Map<string, unknown>();
  let adopted: unknown[] = [];
  Object.defineProperty(document, 'adoptedStyleSheets', {
    get() {
      if (adoption === 'refused') throw new Error('Accessing from Xray wrapper is not supported.');
      return adopted;
    },
    set(v: unknown[]) {
      adopted = v;
    },
  });
  const win = { Highlight: FakeHighlight, CSS: { highlights: registry }, CSSStyleSheet: FakeSheet } as unknown as Window & typeof globalThis;
  return { document: document as unknown as Document, win, registry, adopted: () => adopted };
}

describe('choosePainter', () => {
  it('paints with the Highlight API when the page takes the stylesheet', () => {
    const p = page('accepted');
    expect(choosePainter(p.document, p.win).mode).toBe('highlight-api');
    expect(p.adopted()).toHaveLength(1);
    expect(p.registry.size).toBeGreaterThan(0);
  });

  it('falls back to marks in the DOM, registering nothing, when the stylesheet list is refused', () => {
    const p = page('refused');
    expect(choosePainter(p.document, p.win).mode).toBe('wrap');
    expect(p.registry.size).toBe(0);
  });

  it('uses marks where the browser has no Highlight API', () => {
    const p = page('accepted');
    const win = { ...p.win, Highlight: undefined } as unknown as Window & typeof globalThis;
    expect(choosePainter(p.document, win).mode).toBe('wrap');
  });
});
