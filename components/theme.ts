import { createTheme } from "@mui/material";
import { enUS, fiFI, svSE } from "@mui/material/locale";
import type {} from "@mui/material/themeCssVarsAugmentation";

const muiLocales = { fi: fiFI, sv: svSE, en: enUS };

const FOCUS_RING = {
  outline: "3px solid #ffbf47",
  outlineOffset: 0,
  boxShadow: "0 0 0 5px #0b0c0c",
} as const;

// One theme per language, built once per process: createTheme with CSS variables is costly and
// ran on every server render when it was memoised inside the component.
export function buildTheme(locale: "fi" | "sv" | "en") {
  return createTheme(
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
        // One focus indicator everywhere (WCAG 2.4.7): a yellow ring with a dark edge stays
        // visible on the white page, the blue header and blue buttons alike. MUI removes the
        // browser's outline from its buttons and inputs, so those get the ring back below.
        MuiCssBaseline: {
          styleOverrides: {
            ":focus-visible": FOCUS_RING,
            // Long codes (OIDs, addresses) wrap instead of widening the page at 320 px
            // (WCAG 1.4.10); table cells keep their width and the table scrolls instead.
            "p, li, dd, dt, h1, h2, h3, h4, summary, label, legend": {
              overflowWrap: "anywhere",
            },
          },
        },
        MuiButtonBase: { styleOverrides: { root: { "&.Mui-focusVisible": FOCUS_RING } } },
        MuiInputBase: {
          styleOverrides: { root: { "&.Mui-focused": FOCUS_RING } },
        },
        // Sentence case reads better than capitals in Finnish and Swedish.
        MuiButton: { styleOverrides: { root: { textTransform: "none", fontWeight: 600 } } },
        MuiLink: { defaultProps: { underline: "always" } },
      },
    },
    muiLocales[locale],
  );
}

/**
 * MUI's theme provider calls `generateThemeVars()` on every render: a deep merge of the colour
 * scheme's CSS variable references into the root ones, about 1 % of a list page's server time
 * in a CPU profile. For a theme built once per process the result never changes, so it is
 * computed once here. The Emotion styles and class names of 117 server-rendered pages (three
 * roles, two languages) were identical with and without it.
 */
function withFixedVars(theme: ReturnType<typeof buildTheme>) {
  const vars = theme.generateThemeVars();
  theme.generateThemeVars = () => vars;
  return theme;
}

export const themes = {
  fi: withFixedVars(buildTheme("fi")),
  sv: withFixedVars(buildTheme("sv")),
  en: withFixedVars(buildTheme("en")),
};
