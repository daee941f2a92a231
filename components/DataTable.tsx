import { Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from "@mui/material";
import type { ReactNode } from "react";
import { ScrollRegion } from "./ScrollRegion";

/** Table captions sit above the table, left-aligned, like a heading. */
export const TABLE_CAPTION_STYLE = {
  captionSide: "top",
  textAlign: "left",
  padding: "12px 16px",
  fontWeight: 600,
} as const;

export type Column = { key: string; label: string; align?: "left" | "right" };

/** A plain, accessible data table: a caption, header cells with scope, no interactivity needed. */
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
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Typography>{empty}</Typography>
      </Paper>
    );
  return (
    <ScrollRegion label={caption}>
      <Table size="small">
        <caption style={TABLE_CAPTION_STYLE}>{caption}</caption>
        <TableHead>
          <TableRow>
            {columns.map((c) => (
              <TableCell key={c.key} scope="col" align={c.align} sx={{ fontWeight: 600 }}>
                {c.label}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.id} hover>
              {columns.map((c) => (
                <TableCell key={c.key} align={c.align}>
                  {r.cells[c.key]}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}
