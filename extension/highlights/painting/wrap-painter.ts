// The fallback where the CSS Custom Highlight API is missing: each highlighted text node is wrapped in
// a <mark> with an inline background. This changes the page's DOM, so it is used only there; the text
// itself is unchanged, so anchoring reads the same text either way.
import { COLOUR_VALUES } from '../../../shared/notes/note-colours.ts';
import type { Painter } from './painter.ts';

const ATTRIBUTE = 'data-studytrail-note';

/** The text nodes a range covers, split at its ends so each lies wholly inside it. */
function textNodesIn(range: Range): Text[] {
  const doc = range.startContainer.ownerDocument!;
  if (range.startContainer.nodeType === 3 && range.startOffset > 0) {
    const start = range.startContainer as Text;
    const rest = start.splitText(range.startOffset);
    if (range.endContainer === start) range.setEnd(rest, range.endOffset - start.data.length);
    range.setStart(rest, 0);
  }
  if (range.endContainer.nodeType === 3 && range.endOffset < (range.endContainer as Text).data.length) {
    (range.endContainer as Text).splitText(range.endOffset);
  }
  const nodes: Text[] = [];
  const walker = doc.createTreeWalker(range.commonAncestorContainer, 4);
  for (let n = walker.currentNode.nodeType === 3 ? walker.currentNode : walker.nextNode(); n !== null; n = walker.nextNode()) {
    if (range.intersectsNode(n) && (n as Text).data.length > 0) nodes.push(n as Text);
  }
  return nodes;
}

export function createWrapPainter(doc: Document = document): Painter {
  let marks: HTMLElement[] = [];
  const unwrap = (mark: HTMLElement) => {
    const parent = mark.parentNode;
    if (parent === null) return;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    parent.normalize();
  };
  const wrap = (range: Range, id: string, background: string): HTMLElement[] =>
    textNodesIn(range).map((node) => {
      const mark = doc.createElement('mark');
      mark.setAttribute(ATTRIBUTE, id);
      mark.style.background = background;
      mark.style.color = 'inherit';
      node.parentNode!.insertBefore(mark, node);
      mark.appendChild(node);
      return mark;
    });
  const clear = () => {
    for (const mark of marks) unwrap(mark);
    marks = [];
  };
  return {
    mode: 'wrap',
    paint(highlights) {
      clear();
      for (const { id, range, colour } of highlights) marks.push(...wrap(range.cloneRange(), id, COLOUR_VALUES[colour]));
    },
    flash(range) {
      const flashed = wrap(range.cloneRange(), 'flash', 'transparent');
      for (const m of flashed) m.style.textDecoration = 'underline 3px #d9480f';
      setTimeout(() => flashed.forEach(unwrap), 1500);
    },
    clear,
  };
}

/** True for a mutation the wrap painter itself caused (the highlighter ignores those). */
export function isOwnMark(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).hasAttribute(ATTRIBUTE);
}
