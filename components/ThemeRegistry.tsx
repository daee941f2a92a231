"use client";

import { ThemeProvider } from "@mui/material";
import type { ReactNode } from "react";
import { themes } from "./theme";

/**
 * MUI theme with the current language's component texts (pagination, etc.). The theme's CSS
 * variables and CssBaseline come from the static app/theme.css (ADR 20): generating them took
 * about 3 ms of every server render.
 */
export function ThemeRegistry({
  locale,
  children,
}: {
  locale: "fi" | "sv" | "en";
  children: ReactNode;
}) {
  return (
    <ThemeProvider theme={themes[locale]} disableStyleSheetGeneration>
      {children}
    </ThemeProvider>
  );
}
