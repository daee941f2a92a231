import { isValidElement, type ReactNode } from "react";
import { Link } from "./Link";
import styles from "./DataTable.module.css";

/**
 * A table cell that is data: text, a number, a link to a portal page, or empty (null, undefined
 * or a boolean, which React renders as nothing).
 */
export type CellData =
  string | number | boolean | null | undefined | { href: string; text: string | number };

export function isCellData(v: unknown): v is CellData {
  return (
    v === null ||
    ["string", "number", "boolean", "undefined"].includes(typeof v) ||
    (typeof v === "object" && !isValidElement(v) && "href" in v && "text" in v)
  );
}

/** What a data cell shows. */
export function cellContent(v: CellData): ReactNode {
  return v !== null && typeof v === "object" ? <Link href={v.href}>{v.text}</Link> : v;
}

/**
 * A table body: one row per entry, its cells in column order. Shared by DataTable's server body
 * and DataTableBody, so both render the same markup.
 */
export function TableRows<C>({
  right,
  rows,
  render,
}: {
  /** Per column: whether it is aligned right. */
  right: boolean[];
  rows: { id: string; cells: C[] }[];
  render: (cell: C) => ReactNode;
}) {
  return (
    <tbody>
      {rows.map((r) => (
        <tr key={r.id}>
          {right.map((isRight, i) => (
            <td key={i} className={isRight ? styles.right : undefined}>
              {render(r.cells[i]!)}
            </td>
          ))}
        </tr>
      ))}
    </tbody>
  );
}
