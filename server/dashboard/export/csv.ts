// One sheet as CSV (RFC 4180, CRLF) with a byte-order mark, so Excel opens Chinese text correctly.
import type { Sheet } from './table.ts';

function field(cell: string | number): string {
  const text = String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(sheet: Sheet): string {
  const lines = [sheet.columns.map((c) => field(c.header)), ...sheet.rows.map((row) => row.map(field))];
  return `\uFEFF${lines.map((l) => l.join(',')).join('\r\n')}\r\n`;
}
