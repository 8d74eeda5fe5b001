// The two verbs of anchoring in a page: describe (Range -> selectors) and anchor (selectors -> Range).
// Text-level work is in describe-text.ts and anchor-text.ts; this module only joins them to the DOM.
import type { Selector } from '../../../shared/schemas/notes.ts';
import { anchorSelectors, createTextIndex, findLandmarks, misplaced, type Landmark, type TextIndex } from './anchor-text.ts';
import { describeSpan } from './describe-text.ts';
import { rangeToSpan, readPageText, spanToRange, type PageText } from './page-text.ts';
import type { AnchorMethod, TextSpan } from './types.ts';

export function describe(root: Node, range: Range): Selector[] | null {
  const page = readPageText(root);
  const span = rangeToSpan(page, range);
  if (span === null) return null;
  // Look-alikes are looked for where the reader sees text, as anchoring looks for the passage.
  return describeSpan(page.text, span, undefined, createTextIndex(page.text, page.hidden).allowed);
}

/** One reading of the page for a whole anchoring pass, and the landmarks among the notes to anchor. */
export interface AnchoringPass {
  readonly page: PageText;
  readonly index: TextIndex;
  readonly landmarks: readonly Landmark[];
}

/** `notes`: the selectors of every note the pass will anchor (their landmarks place the others). */
export function startPass(root: Node, notes: readonly (readonly Selector[])[] = []): AnchoringPass {
  const page = readPageText(root);
  const index = createTextIndex(page.text, page.hidden);
  return { page, index, landmarks: findLandmarks(index, notes) };
}

export function anchor(pass: AnchoringPass, selectors: readonly Selector[]): { range: Range; span: TextSpan; method: AnchorMethod } | null {
  const result = anchorSelectors(pass.index, selectors, pass.landmarks);
  return result.status === 'anchored' ? { range: spanToRange(pass.page, result.span), span: result.span, method: result.method } : null;
}

/**
 * Once every note of the pass is anchored (`spans[i]`: where note i was found, or null): the notes found
 * out of the order they were described in, with surer notes, which must be left unanchored.
 */
export function outOfOrderNotes(pass: AnchoringPass, notes: readonly (readonly Selector[])[], spans: readonly (TextSpan | null)[]): Set<number> {
  return misplaced(pass.page.text, notes, spans);
}
