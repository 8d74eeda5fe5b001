// What an export holds, whatever the file format: named sheets of typed columns and rows. Text cells
// are neutralised here, once, so neither the CSV nor the Excel writer can forget to.
import { neutraliseCell } from './neutralise-cell.ts';

export type ColumnKind = 'text' | 'hours' | 'integer';
export type Cell = string | number;

export interface Column {
  header: string;
  kind: ColumnKind;
}

export interface Sheet {
  name: string;
  columns: Column[];
  rows: Cell[][];
}

export function sheet(name: string, columns: Column[], rows: Cell[][]): Sheet {
  return {
    name: neutraliseCell(name),
    columns: columns.map((c) => ({ ...c, header: neutraliseCell(c.header) })),
    rows: rows.map((row) => row.map((cell) => (typeof cell === 'string' ? neutraliseCell(cell) : cell))),
  };
}
