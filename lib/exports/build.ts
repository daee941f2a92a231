/**
 * One export: a list (./lists.ts) as CSV or XLSX, checked against the actor's role and audited.
 * The route handler app/api/export/route.ts is a thin HTTP wrapper around buildExport.
 */
import type { Executor } from "@/db";
import { roles, type Role } from "@/db/schema";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { mayOpenPage } from "@/lib/auth/access";
import { formatCalendarDate, formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { helsinkiToday } from "@/lib/windows/dates";
import { toCsv, type CsvCell } from "./csv";
import { exportLists, translatorFor, type ExportListName, type ExportParams } from "./lists";
import { toXlsx, XLSX_CONTENT_TYPE, type ColumnKind, type ExportCell } from "./xlsx";

export const exportFormats = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof exportFormats)[number];

export function isExportFormat(v: unknown): v is ExportFormat {
  return typeof v === "string" && (exportFormats as readonly string[]).includes(v);
}

/** The most rows one export carries; beyond it the file says it was cut. */
export const MAX_EXPORT_ROWS = 50_000;

export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8";

/** The actor's role may not open the page the list comes from (audited as denied). */
export class ExportForbidden extends Error {
  constructor(list: string) {
    super(`export of ${list} not allowed`);
    this.name = "ExportForbidden";
  }
}

export type ExportResult = {
  /** `<list>-<yyyy-mm-dd>.<csv|xlsx>`, the date in Helsinki. */
  filename: string;
  contentType: string;
  body: Buffer;
  /** Data rows in the file (the header and a cut note not counted). */
  rows: number;
  truncated: boolean;
};

/** URLSearchParams as a page's search params record (repeated names become arrays). */
export function paramsOf(search: URLSearchParams): ExportParams {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of search) {
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

function csvCell(kind: ColumnKind, value: ExportCell): CsvCell {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return kind === "date" ? helsinkiToday(value) : formatDateTime(value);
  if (kind === "date" && typeof value === "string") return formatCalendarDate(value);
  return value;
}

function isRole(v: string | null): v is Role {
  return v !== null && (roles as readonly string[]).includes(v);
}

/**
 * Builds the export of `list` with the page's own filters (`searchParams`), headers in `locale`.
 * Throws ExportForbidden when the actor's role may not open the list's page. Every export, and
 * every refused one, is audited as "exports.download" with the list, format and row count only.
 */
export async function buildExport(
  db: Executor,
  actor: AuditActor,
  list: ExportListName,
  format: ExportFormat,
  searchParams: ExportParams | URLSearchParams,
  locale: Locale,
  options: { maxRows?: number; now?: Date } = {},
): Promise<ExportResult> {
  const def = exportLists[list];
  if (!isRole(actor.role) || !mayOpenPage(actor.role, def.page)) {
    await writeAudit(db, actor, {
      action: "exports.download",
      outcome: "denied",
      entityType: "export",
      entityId: list,
      details: { list, format },
    });
    throw new ExportForbidden(list);
  }
  const params = searchParams instanceof URLSearchParams ? paramsOf(searchParams) : searchParams;
  const max = Math.max(1, options.maxRows ?? MAX_EXPORT_ROWS);
  const t = translatorFor(locale);

  const { cells: rows, more: truncated } = await def.rows(db, actor, params, max, t);
  const note = truncated ? t("exports.truncated", { max }) : undefined;
  const headers = def.columns.map((c) => t(c.header));

  let body: Buffer;
  if (format === "csv") {
    const cells = rows.map((row) => def.columns.map((c, i) => csvCell(c.kind, row[i])));
    // The note fills a row of its own, as wide as the others (strict CSV readers want that).
    if (note) cells.push([note, ...headers.slice(1).map(() => "")]);
    body = Buffer.from(toCsv(headers, cells), "utf8");
  } else {
    body = await toXlsx(
      t(def.title),
      def.columns.map((c, i) => ({ header: headers[i]!, kind: c.kind })),
      rows,
      note,
    );
  }

  await writeAudit(db, actor, {
    action: "exports.download",
    outcome: "success",
    entityType: "export",
    entityId: list,
    details: { list, format, rows: rows.length, truncated },
  });
  return {
    filename: `${list}-${helsinkiToday(options.now ?? new Date())}.${format}`,
    contentType: format === "csv" ? CSV_CONTENT_TYPE : XLSX_CONTENT_TYPE,
    body,
    rows: rows.length,
    truncated,
  };
}
