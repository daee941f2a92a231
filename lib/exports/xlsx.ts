/**
 * XLSX writer for exports (exceljs): one sheet, a bold and frozen header row with an autofilter,
 * column widths from the content, dates as real date cells (d.m.yyyy; instants in Helsinki time
 * as d.m.yyyy hh:mm). Text is always written as a plain string cell, never as a formula, so a
 * value beginning with `=` is shown as it is and never evaluated.
 */
import ExcelJS from "exceljs";
import { TIME_ZONE } from "@/lib/i18n/locales";

/** How a column's values are written: text, a number, a calendar date or an instant. */
export type ColumnKind = "text" | "number" | "date" | "datetime";

/**
 * One cell: text or a number; for "date" columns a calendar date `yyyy-mm-dd`; for "datetime"
 * columns a Date. A value that does not fit its column's kind is written as text.
 */
export type ExportCell = string | number | Date | null | undefined;

export type XlsxColumn = { header: string; kind: ColumnKind };

export const XLSX_CONTENT_TYPE =
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const DATE_FORMAT = "d.m.yyyy";
const DATETIME_FORMAT = "d.m.yyyy hh:mm";
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

const helsinkiParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
  hourCycle: "h23",
});

/**
 * A spreadsheet has no time zones: exceljs writes a Date's UTC fields, so a calendar date and an
 * instant's Helsinki wall-clock time are both carried in the UTC fields of the Date written.
 */
function calendarCell(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

function helsinkiWallClock(d: Date): Date | null {
  if (Number.isNaN(d.getTime())) return null;
  const p = Object.fromEntries(helsinkiParts.formatToParts(d).map((x) => [x.type, x.value]));
  return new Date(
    Date.UTC(
      Number(p.year),
      Number(p.month) - 1,
      Number(p.day),
      Number(p.hour),
      Number(p.minute),
      Number(p.second),
    ),
  );
}

/** The value to store and, for dates, the number format. */
function cellOf(
  kind: ColumnKind,
  value: ExportCell,
): { value: string | number | Date | null; numFmt?: string } {
  if (value === null || value === undefined || value === "") return { value: null };
  if (kind === "number" && typeof value === "number" && Number.isFinite(value)) return { value };
  if (kind === "date" && typeof value === "string") {
    const d = calendarCell(value);
    if (d) return { value: d, numFmt: DATE_FORMAT };
  }
  if (kind === "datetime" && value instanceof Date) {
    const d = helsinkiWallClock(value);
    if (d) return { value: d, numFmt: DATETIME_FORMAT };
  }
  if (value instanceof Date) return { value: value.toISOString() };
  return { value: String(value) };
}

function displayLength(kind: ColumnKind, value: ExportCell): number {
  if (value === null || value === undefined) return 0;
  if (kind === "date") return 10;
  if (kind === "datetime") return 16;
  return Math.max(
    ...String(value)
      .split(/\r?\n/)
      .map((l) => l.length),
  );
}

/**
 * The workbook as bytes. `note`, when given, is written as a last row below the data (e.g. that
 * the export was cut at the row limit).
 */
export async function toXlsx(
  sheetName: string,
  columns: readonly XlsxColumn[],
  rows: readonly (readonly ExportCell[])[],
  note?: string,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  // Sheet names: at most 31 characters, none of : \ / ? * [ ].
  const sheet = workbook.addWorksheet(sheetName.replace(/[:\\/?*[\]]/g, " ").slice(0, 31) || "1", {
    views: [{ state: "frozen", ySplit: 1, xSplit: 0 }],
  });
  const widths = columns.map((c) => Math.max(MIN_WIDTH, c.header.length + 2));

  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.alignment = { vertical: "top", wrapText: true };
  });

  for (const row of rows) {
    const added = sheet.addRow([]);
    columns.forEach((column, i) => {
      const { value, numFmt } = cellOf(column.kind, row[i]);
      if (value === null) return;
      const cell = added.getCell(i + 1);
      // A string is always a string cell in exceljs (formulas need { formula }), never evaluated.
      cell.value = value;
      if (numFmt) cell.numFmt = numFmt;
      widths[i] = Math.max(widths[i]!, displayLength(column.kind, row[i]) + 2);
    });
  }
  if (columns.length > 0) {
    sheet.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: 1 + rows.length, column: columns.length },
    };
  }
  if (note) {
    sheet.addRow([]);
    const noteRow = sheet.addRow([note]);
    noteRow.font = { italic: true };
  }
  columns.forEach((_, i) => {
    sheet.getColumn(i + 1).width = Math.min(MAX_WIDTH, widths[i]!);
  });
  const bytes = await workbook.xlsx.writeBuffer();
  return Buffer.from(bytes as ArrayBuffer);
}
