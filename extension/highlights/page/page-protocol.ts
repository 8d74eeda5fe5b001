// What the background and the side panel may ask the highlighter in a tab (tabs.sendMessage), with
// each answer. One protocol for this receiver; the content script serves it in serve-page.ts.
import { z } from 'zod';
import type { HighlightStatus } from './highlighter.ts';

export const pageRequestSchema = z.discriminatedUnion('type', [
  /** Is the highlighter running here? (Before injecting it on request.) */
  z.object({ type: z.literal('highlights.ping') }),
  /** Clip the current selection (context menu or keyboard command). */
  z.object({ type: z.literal('highlights.clip'), withComment: z.boolean() }),
  z.object({ type: z.literal('highlights.status') }),
  z.object({ type: z.literal('highlights.scrollTo'), id: z.string().max(64) }),
]);
export type PageRequest = z.infer<typeof pageRequestSchema>;

export interface PageProtocol {
  'highlights.ping': { request: Extract<PageRequest, { type: 'highlights.ping' }>; response: true };
  'highlights.clip': { request: Extract<PageRequest, { type: 'highlights.clip' }>; response: boolean };
  'highlights.status': { request: Extract<PageRequest, { type: 'highlights.status' }>; response: HighlightStatus };
  'highlights.scrollTo': { request: Extract<PageRequest, { type: 'highlights.scrollTo' }>; response: boolean };
}
