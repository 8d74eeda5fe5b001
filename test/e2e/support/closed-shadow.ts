// Reads the extension's in-page UI, which lives in a closed shadow root no page script (and no
// Playwright locator) can reach: the DevTools protocol's DOM domain sees through it (pierce).
import type { Page } from 'playwright-core';

interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  nodeName: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

export interface ShadowElement {
  /** The element's border box in viewport pixels. */
  readonly box: { left: number; top: number; right: number; bottom: number };
  /** Its text, or for a text box its value. */
  readonly text: string;
}

function* walk(node: CdpNode): Generator<CdpNode> {
  yield node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) yield* walk(child);
}

/** The first element inside the in-page UI with attribute `name` = `value` (e.g. name=save), or null. */
export async function shadowElement(page: Page, attribute: string, value: string): Promise<ShadowElement | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const host = [...walk(root)].find((n) => n.nodeName === 'STUDYTRAIL-UI');
    if (host === undefined) return null;
    const found = [...walk(host)].find((n) => {
      const a = n.attributes ?? [];
      for (let i = 0; i < a.length; i += 2) if (a[i] === attribute && a[i + 1] === value) return true;
      return false;
    });
    if (found === undefined) return null;
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: found.backendNodeId })) as { model: { border: number[] } };
    const xs = [model.border[0]!, model.border[2]!, model.border[4]!, model.border[6]!];
    const ys = [model.border[1]!, model.border[3]!, model.border[5]!, model.border[7]!];
    const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: found.backendNodeId })) as { object: { objectId: string } };
    const { result } = (await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: 'function () { return "value" in this && this.tagName !== "BUTTON" ? this.value : this.textContent; }',
      returnByValue: true,
    })) as { result: { value: string } };
    return { box: { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) }, text: result.value };
  } finally {
    await cdp.detach();
  }
}
