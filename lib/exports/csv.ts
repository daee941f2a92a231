/**
 * CSV for Finnish Excel: UTF-8 with a byte order mark, `;` between fields, CRLF line ends.
 * Pure, no I/O.
 *
 * Formula safety (OWASP "CSV injection"): a text cell that begins with `=`, `+`, `-`, `@`, a tab
 * or a carriage return would be read by a spreadsheet as a formula (or a DDE call), so it is
 * neutralised by a leading single quote, which spreadsheets show as text. Numbers are written as
 * numbers and are never neutralised.
 */

/** Characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

export const BOM = "\uFEFF";
export const DELIMITER = ";";
export const EOL = "\r\n";

/** True when a spreadsheet could read the text as a formula. */
export function isFormulaLike(value: string): boolean {
  return FORMULA_START.test(value);
}

/** The text with a leading `'` when a spreadsheet could read it as a formula; else unchanged. */
export function neutralise(value: string): string {
  return isFormulaLike(value) ? `'${value}` : value;
}

/** One cell as the list layer hands it over: text, a number, or nothing. */
export type CsvCell = string | number | null | undefined;

function field(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  const text = neutralise(cell);
  return /[";\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A whole CSV file: BOM, the header row, then every row, each line ended with CRLF. Text
 * containing `;`, `"`, CR or LF is quoted (quotes doubled); every text cell, headers included,
 * is neutralised first.
 */
export function toCsv(headers: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  const lines = [headers.map(field).join(DELIMITER)];
  for (const row of rows) lines.push(row.map(field).join(DELIMITER));
  return BOM + lines.join(EOL) + EOL;
}
