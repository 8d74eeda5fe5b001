// Sheets as an .xlsx workbook, built in the browser with exceljs. Loaded on demand: the library is
// large and only needed when someone exports.
import type { Sheet } from './table.ts';

/** Excel's own limit on sheet names, and the characters it refuses in them. */
function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let i = 2; taken.has(candidate); i++) candidate = `${base.slice(0, 28)} ${i}`;
  taken.add(candidate);
  return candidate;
}

export async function toXlsx(sheets: readonly Sheet[]): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'StudyTrail';
  const taken = new Set<string>();
  for (const s of sheets) {
    const ws = workbook.addWorksheet(sheetName(s.name, taken), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = s.columns.map((c) => ({
      header: c.header,
      width: c.kind === 'text' ? 24 : 14,
      style: c.kind === 'hours' ? { numFmt: '0.0' } : c.kind === 'integer' ? { numFmt: '0' } : {},
    }));
    ws.getRow(1).font = { bold: true };
    for (const row of s.rows) ws.addRow(row);
  }
  return (await workbook.xlsx.writeBuffer()) as ArrayBuffer;
}
