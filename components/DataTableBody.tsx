"use client";

import { cellContent, type CellData } from "./cell";
import styles from "./DataTable.module.css";

export type BodyColumn = { key: string; right?: boolean };

/**
 * The rows of a data table whose cells are all data (DataTable decides). A client component so
 * the server's RSC payload carries the rows as plain values, not as a tree of elements: React
 * serialises a tree beyond 3,200 bytes as one deferred task and one stream row per element,
 * which at 50 rows cost about a sixth of the case list's server CPU (README "Seventh pass").
 * The HTML is rendered on the server all the same.
 */
export function DataTableBody({
  columns,
  rows,
}: {
  columns: BodyColumn[];
  rows: { id: string; cells: Record<string, CellData | undefined> }[];
}) {
  return (
    <tbody>
      {rows.map((r) => (
        <tr key={r.id}>
          {columns.map((c) => (
            <td key={c.key} className={c.right ? styles.right : undefined}>
              {cellContent(r.cells[c.key])}
            </td>
          ))}
        </tr>
      ))}
    </tbody>
  );
}
