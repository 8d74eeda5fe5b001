// How well the text around a candidate agrees with the context stored beside a quote. The measure
// tolerates edits near the passage (a word replaced, a few characters inserted) but must stay low for
// unrelated text, because it is what keeps a note from attaching to a repetition of its quote elsewhere.

/** Agreement of one side: similarity in [0, 1] and how many characters of context it is based on. */
export interface SideScore {
  readonly length: number;
  readonly similarity: number;
}

/**
 * Edit distance between `stored` and the text next to the boundary, aligned at the boundary and free at
 * the far end (the context may have moved a little). `before` reads leftwards from `boundary`.
 */
function boundaryDistance(stored: string, text: string, boundary: number, before: boolean): number {
  const m = stored.length;
  const reach = m + Math.ceil(m / 4);
  const window = before ? text.slice(Math.max(0, boundary - reach), boundary) : text.slice(boundary, boundary + reach);
  const n = window.length;
  // Row-by-row DP over (stored chars, window chars), both read from the boundary outwards.
  const at = (s: string, i: number, len: number) => (before ? s.charCodeAt(len - 1 - i) : s.charCodeAt(i));
  let prev = new Uint16Array(n + 1);
  let row = new Uint16Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    row[0] = i;
    const c = at(stored, i - 1, m);
    for (let j = 1; j <= n; j++) {
      const cost = c === at(window, j - 1, n) ? 0 : 1;
      row[j] = Math.min(prev[j - 1]! + cost, prev[j]! + 1, row[j - 1]! + 1);
    }
    [prev, row] = [row, prev];
  }
  let best = m;
  for (let j = 0; j <= n; j++) best = Math.min(best, prev[j]!);
  return best;
}

export function prefixScore(prefix: string, text: string, start: number): SideScore {
  if (prefix.length === 0) return { length: 0, similarity: 1 };
  return { length: prefix.length, similarity: 1 - boundaryDistance(prefix, text, start, true) / prefix.length };
}

export function suffixScore(suffix: string, text: string, end: number): SideScore {
  if (suffix.length === 0) return { length: 0, similarity: 1 };
  return { length: suffix.length, similarity: 1 - boundaryDistance(suffix, text, end, false) / suffix.length };
}

/** Exact characters shared at the boundary: a cheap first ranking before the edit distances. */
export function sharedAtBoundary(prefix: string, suffix: string, text: string, start: number, end: number): number {
  let n = 0;
  for (let i = 1; i <= prefix.length && start - i >= 0 && prefix[prefix.length - i] === text[start - i]; i++) n++;
  for (let i = 0; i < suffix.length && end + i < text.length && suffix[i] === text[end + i]; i++) n++;
  return n;
}
