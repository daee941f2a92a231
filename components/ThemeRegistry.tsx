"use client";

import { createTheme, CssBaseline, ThemeProvider } from "@mui/material";
import { enUS, fiFI, svSE } from "@mui/material/locale";
import type { ReactNode } from "react";
import { useMemo } from "react";

const muiLocales = { fi: fiFI, sv: svSE, en: enUS };

/** MUI theme with the current language's component texts (pagination, etc.). */
export function ThemeRegistry({
  locale,
  children,
}: {
  locale: "fi" | "sv" | "en";
  children: ReactNode;
}) {
  const theme = useMemo(
    () =>
      createTheme(
        {
          cssVariables: true,
          palette: {
            primary: { main: "#0a4d8c" },
            secondary: { main: "#5b2a86" },
            // Darker than MUI's defaults so white text on chips meets WCAG AA contrast.
            warning: { main: "#a74b00" },
            info: { main: "#01579b" },
            background: { default: "#f5f7fa" },
          },
          typography: {
            fontFamily: '"Segoe UI", "Helvetica Neue", Arial, "DejaVu Sans", sans-serif',
            h1: { fontSize: "1.9rem", fontWeight: 600 },
            h2: { fontSize: "1.4rem", fontWeight: 600 },
            h3: { fontSize: "1.15rem", fontWeight: 600 },
          },
          components: {
            // Sentence case reads better than capitals in Finnish and Swedish.
            MuiButton: { styleOverrides: { root: { textTransform: "none", fontWeight: 600 } } },
            MuiLink: { defaultProps: { underline: "always" } },
          },
        },
        muiLocales[locale],
      ),
    [locale],
  );
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      {children}
    </ThemeProvider>
  );
}
