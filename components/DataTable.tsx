import type { ReactNode } from "react";
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
 * hundreds of cells, and each MUI cell cost style work on every server render.
 */
export function DataTable({
  caption,
  columns,
  rows,
  empty,
}: {
  caption: string;
  columns: Column[];
  rows: { id: string; cells: Record<string, ReactNode> }[];
  empty: string;
}) {
  if (rows.length === 0)
    return (
      <div className={`${pageStyles.paper} ${pageStyles.noRows}`}>
        <p>{empty}</p>
      </div>
    );
  const cls = (c: Column) => (c.align === "right" ? styles.right : undefined);
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
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              {columns.map((c) => (
                <td key={c.key} className={cls(c)}>
                  {r.cells[c.key]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
