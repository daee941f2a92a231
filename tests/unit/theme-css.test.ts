import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { themeCss } from "@/components/theme-css";
import { buildTheme, themes } from "@/components/theme";

// app/theme.css replaces MUI's per-render theme stylesheet (ADR 20), so it must follow the theme.
describe("app/theme.css", () => {
  it("is what the MUI theme generates (run `npm run theme:css` after changing components/theme.ts)", () => {
    expect(readFileSync("app/theme.css", "utf8")).toBe(themeCss());
  });

  it("holds the theme's colours, the baseline and the focus ring", () => {
    const css = themeCss();
    expect(css).toContain("--mui-palette-primary-main:#0a4d8c");
    expect(css).toMatch(/body\{margin:0;/);
    expect(css).toContain(":focus-visible{outline:3px solid #ffbf47");
  });
});

// components/theme.ts computes each theme's CSS variable references once instead of per render.
describe("the themes' fixed CSS variables", () => {
  it("are what MUI generates for the theme, returned as the same object each time", () => {
    for (const locale of ["fi", "sv", "en"] as const) {
      const fixed = themes[locale].generateThemeVars();
      expect(themes[locale].generateThemeVars()).toBe(fixed);
      expect(fixed).toEqual(buildTheme(locale).generateThemeVars());
      expect(fixed.palette.primary.main).toBe("var(--mui-palette-primary-main)");
    }
  });
});
