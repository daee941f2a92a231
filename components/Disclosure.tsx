import { Paper } from "@mui/material";
import type { ReactNode } from "react";

/** A native, keyboard-accessible show/hide section (details/summary). */
export function Disclosure({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <Paper
      variant="outlined"
      component="details"
      sx={{ p: 2, "& > summary": { cursor: "pointer", fontWeight: 600 } }}
    >
      <summary>{summary}</summary>
      <div style={{ marginTop: 16 }}>{children}</div>
    </Paper>
  );
}
