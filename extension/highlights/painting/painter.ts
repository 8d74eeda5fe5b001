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

/** Translucent, so the page's own text colour stays readable on any background. */
export const COLOUR_VALUES: Record<NoteColour, string> = {
  yellow: 'rgba(255, 212, 59, 0.45)',
  green: 'rgba(105, 219, 124, 0.40)',
  blue: 'rgba(116, 192, 252, 0.40)',
  pink: 'rgba(250, 162, 193, 0.45)',
  purple: 'rgba(177, 151, 252, 0.40)',
};
