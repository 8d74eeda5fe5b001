// The highlight colours as CSS values: one table for the page painters, the side panel and the
// exported annotations' stylesheet, so a note looks the same wherever it appears.
import type { NoteColour } from '../schemas/notes.ts';

/** Translucent, so the page's own text colour stays readable on any background. */
export const COLOUR_VALUES: Record<NoteColour, string> = {
  yellow: 'rgba(255, 212, 59, 0.45)',
  green: 'rgba(105, 219, 124, 0.40)',
  blue: 'rgba(116, 192, 252, 0.40)',
  pink: 'rgba(250, 162, 193, 0.45)',
  purple: 'rgba(177, 151, 252, 0.40)',
};
