// Where a floating panel of the in-page UI goes: under the passage when it fits, else above it, else as
// close as the viewport allows; always wholly inside the viewport, so the editor's 保存 button is never
// below the fold. Pure: the passage's box, the panel's measured size and the viewport come in.
import type { Box } from './hover-intent.ts';

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** Space between the passage and the panel, and between the panel and the viewport's edges. */
export const GAP_PX = 8;
export const MARGIN_PX = 8;

export function placePanel(passage: Pick<Box, 'left' | 'top' | 'bottom'>, panel: Size, viewport: Size): { left: number; top: number } {
  const left = Math.max(MARGIN_PX, Math.min(passage.left, viewport.width - panel.width - MARGIN_PX));
  const below = passage.bottom + GAP_PX;
  const above = passage.top - GAP_PX - panel.height;
  const maxTop = viewport.height - panel.height - MARGIN_PX;
  let top: number;
  if (below <= maxTop) top = below;
  else if (above >= MARGIN_PX) top = above;
  // Fits on neither side: cover the passage rather than leave part of the panel out of sight.
  else top = maxTop;
  return { left, top: Math.max(MARGIN_PX, Math.min(top, maxTop)) };
}
