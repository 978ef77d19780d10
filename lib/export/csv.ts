import { stringify } from 'csv-stringify/sync';

/** A cell a spreadsheet would run as a formula starts with one of these (OWASP's CSV injection list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Log fields are hostile: a value that would start a formula is kept as text with a leading quote. */
export function neutralizeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** CSV lines for rows of named cells (missing ones empty), with the header first when asked. */
export function csvLines(rows: Record<string, unknown>[], columns: readonly string[], withHeader: boolean): string {
  const cells = rows.map((row) => columns.map((column) => (row[column] === null || row[column] === undefined ? '' : neutralizeCell(String(row[column])))));
  return stringify(withHeader ? [[...columns], ...cells] : cells, { record_delimiter: '\r\n' });
}
