"use client";

import { Button } from "@mui/material";

/** Opens the browser's print dialog for the current page. */
export function PrintButton({ label }: { label: string }) {
  return (
    <Button variant="contained" onClick={() => window.print()}>
      {label}
    </Button>
  );
}
