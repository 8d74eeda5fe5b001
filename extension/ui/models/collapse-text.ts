// When a comment is long enough to fold: listed notes show its first lines with "show all", so one long
// comment does not push every other note out of sight. Pure; the component adds the toggle.

/** About five lines of the side panel's width in Chinese (about 48 characters a line). */
export const COLLAPSE_CHARS = 240;
export const COLLAPSE_LINES = 5;

export function shouldCollapse(text: string, maxChars = COLLAPSE_CHARS, maxLines = COLLAPSE_LINES): boolean {
  if (text.length > maxChars) return true;
  let lines = 1;
  for (const ch of text) if (ch === '\n' && ++lines > maxLines) return true;
  return false;
}
