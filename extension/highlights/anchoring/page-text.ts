// The thin DOM adapter of anchoring: reads a page's text once (every Text node under the root, in
// document order, as textContent does) and converts between text offsets and DOM Ranges.
import type { TextSpan } from './types.ts';

/** Text in these elements is never shown: a passage is never anchored inside it. */
const HIDDEN_PARENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT, spelled out so the module loads where NodeFilter is absent

export interface PageText {
  readonly root: Node;
  readonly text: string;
  readonly nodes: readonly Text[];
  /** Offset in `text` where each node of `nodes` starts. */
  readonly starts: readonly number[];
  /** Spans of hidden text, sorted. */
  readonly hidden: readonly TextSpan[];
}

export function readPageText(root: Node): PageText {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  const nodes: Text[] = [];
  const starts: number[] = [];
  const hidden: TextSpan[] = [];
  const parts: string[] = [];
  let offset = 0;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const textNode = node as Text;
    const data = textNode.data;
    nodes.push(textNode);
    starts.push(offset);
    parts.push(data);
    if (data.length > 0 && HIDDEN_PARENTS.has(textNode.parentNode?.nodeName.toUpperCase() ?? '')) {
      const last = hidden[hidden.length - 1];
      if (last !== undefined && last.end === offset) hidden[hidden.length - 1] = { start: last.start, end: offset + data.length };
      else hidden.push({ start: offset, end: offset + data.length });
    }
    offset += data.length;
  }
  return { root, text: parts.join(''), nodes, starts, hidden };
}

/** Index of the node containing text offset `offset` (the last node starting at or before it). */
function nodeAt(page: PageText, offset: number, preferEnd: boolean): number {
  let lo = 0;
  let hi = page.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    // For an end boundary, an offset equal to a node's start belongs to the previous node's end.
    if (preferEnd ? page.starts[mid]! < offset : page.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The DOM Range covering a span of the page text (as read; the DOM must not have changed since). */
export function spanToRange(page: PageText, span: TextSpan): Range {
  const doc = page.root.ownerDocument ?? (page.root as Document);
  const range = doc.createRange();
  const s = nodeAt(page, span.start, false);
  const e = nodeAt(page, span.end, true);
  range.setStart(page.nodes[s]!, span.start - page.starts[s]!);
  range.setEnd(page.nodes[e]!, span.end - page.starts[e]!);
  return range;
}

/** The text offset of a DOM boundary point, or null when it lies outside the root. */
function offsetOf(page: PageText, container: Node, offset: number, index: Map<Node, number>): number | null {
  if (!page.root.contains(container)) return null;
  if (container.nodeType === 3) {
    const i = index.get(container);
    return i === undefined ? null : page.starts[i]! + Math.min(offset, (container as Text).data.length);
  }
  // An element boundary: the start of the first text node at or after the point.
  const child = container.childNodes[offset] ?? null;
  let lo = 0;
  let hi = page.nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const node = page.nodes[mid]!;
    const after = child !== null
      ? child === node || child.contains(node) || (child.compareDocumentPosition(node) & 4) !== 0 // FOLLOWING
      : !container.contains(node) && (container.compareDocumentPosition(node) & 4) !== 0;
    if (after) hi = mid;
    else lo = mid + 1;
  }
  return lo < page.nodes.length ? page.starts[lo]! : page.text.length;
}

/** The span of page text a DOM Range covers, or null when it is not inside the root. */
export function rangeToSpan(page: PageText, range: Range): TextSpan | null {
  const index = new Map<Node, number>(page.nodes.map((n, i) => [n, i]));
  const start = offsetOf(page, range.startContainer, range.startOffset, index);
  const end = offsetOf(page, range.endContainer, range.endOffset, index);
  return start === null || end === null || end <= start ? null : { start, end };
}
