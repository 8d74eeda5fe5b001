// What painting means, whichever way it is done: show these ranges in these colours, or nothing.
import type { NoteColour } from '../../../shared/schemas/notes.ts';

export interface PaintedHighlight {
  readonly id: string;
  readonly range: Range;
  readonly colour: NoteColour;
}

export interface Painter {
  /** 'highlight-api' never touches the page's DOM; 'wrap' (only where the API is missing) must. */
  readonly mode: 'highlight-api' | 'wrap';
  /** Shows exactly these highlights, replacing whatever was painted before. */
  paint(highlights: readonly PaintedHighlight[]): void;
  /** Briefly marks one range (after scrolling to it from the side panel). */
  flash(range: Range): void;
  clear(): void;
}
