// The shape of a handler map for any protocol: each folder that serves requests (notes, programme, the
// probe's reports) types its part of the background's one map with it, without importing the whole
// protocol that messaging/ joins from those parts.

/** What the background knows of a sender: the tab of a content script. */
export interface SenderInfo {
  readonly tabId?: number;
}

/** For each request type of a protocol (its request and its answer), the function that answers it. */
export type HandlersOf<P extends { [K in keyof P]: { request: unknown; response: unknown } }> = {
  [K in keyof P]: (request: P[K]['request'], sender: SenderInfo) => Promise<P[K]['response']>;
};
