// Spreadsheet formula injection guard: a text cell that a spreadsheet could read as a formula (it
// starts with = + - @, a tab or a carriage return) gets a leading apostrophe, so it shows as typed.
// Full-width forms are included because some spreadsheet input methods convert them to ASCII.
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
