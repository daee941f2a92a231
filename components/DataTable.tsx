import type { ReactNode } from "react";
import { cellContent, isCellData, TableRows, type CellData } from "./cell";
import { DataTableBody } from "./DataTableBody";
import { ScrollRegion } from "./ScrollRegion";
import styles from "./DataTable.module.css";
import pageStyles from "./Page.module.css";

/** Table captions sit above the table, left-aligned, like a heading. */
export const TABLE_CAPTION_STYLE = {
  captionSide: "top",
  textAlign: "left",
  padding: "12px 16px",
  fontWeight: 600,
} as const;

export type Column = { key: string; label: string; align?: "left" | "right" };

/**
 * A plain, accessible data table: a caption, header cells with scope, no interactivity needed.
 * Native elements with static CSS rather than MUI's Table components: a page of 50 rows has
 * hundreds of cells, and each MUI cell cost style work on every server render. Cells are
 * elements or data (cell.tsx); a table of data only renders its rows in DataTableBody.
 */
export function DataTable({
  caption,
  columns,
  rows,
  empty,
}: {
  caption: string;
  columns: Column[];
  rows: { id: string; cells: Record<string, ReactNode | CellData> }[];
  empty: string;
}) {
  if (rows.length === 0)
    return (
      <div className={`${pageStyles.paper} ${pageStyles.noRows}`}>
        <p>{empty}</p>
      </div>
    );
  const cls = (c: Column) => (c.align === "right" ? styles.right : undefined);
  const right = columns.map((c) => c.align === "right");
  // Each row's cells in column order: nothing outside the columns reaches the page.
  const byColumn = rows.map((r) => ({ id: r.id, cells: columns.map((c) => r.cells[c.key]) }));
  const allData = byColumn.every((r) => r.cells.every(isCellData));
  // A link cell goes as its href and text only, whatever else its object holds.
  const asData = (v: CellData): CellData =>
    v !== null && typeof v === "object" ? { href: v.href, text: v.text } : v;
  return (
    <ScrollRegion label={caption}>
      <table className={styles.table}>
        <caption style={TABLE_CAPTION_STYLE}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={cls(c)}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        {allData ? (
          // Rows of data go to the client body as values; any element keeps the server body.
          <DataTableBody
            right={right}
            rows={byColumn.map((r) => ({ id: r.id, cells: (r.cells as CellData[]).map(asData) }))}
          />
        ) : (
          <TableRows
            right={right}
            rows={byColumn}
            render={(v) => (isCellData(v) ? cellContent(v) : v)}
          />
        )}
      </table>
    </ScrollRegion>
  );
}
