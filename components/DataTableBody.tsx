"use client";

import { cellContent, TableRows, type CellData } from "./cell";

/**
 * The rows of a data table whose cells are all data (DataTable decides). A client component so
 * the server's RSC payload carries the rows as plain values, not as a tree of elements: React
 * serialises a tree beyond 3,200 bytes as one deferred task and one stream row per element,
 * which at 50 rows cost about a sixth of the case list's server CPU (README "Seventh pass").
 * The HTML is rendered on the server all the same. Only the columns' cells arrive here.
 */
export function DataTableBody({
  right,
  rows,
}: {
  right: boolean[];
  rows: { id: string; cells: CellData[] }[];
}) {
  return <TableRows right={right} rows={rows} render={cellContent} />;
}
