"use client";

import { Button, Stack } from "@mui/material";
import NextLink from "next/link";

/**
 * Views of one list as a row of links: each view has its own URL (bookmarkable, works without
 * JavaScript) and the current one is marked with aria-current and shown filled.
 */
export function ViewTabs({
  label,
  current,
  views,
}: {
  label: string;
  current: string;
  views: { value: string; label: string; href: string }[];
}) {
  return (
    <nav aria-label={label}>
      <Stack direction="row" sx={{ flexWrap: "wrap", gap: 1 }}>
        {views.map((v) => (
          <Button
            key={v.value}
            component={NextLink}
            href={v.href}
            variant={v.value === current ? "contained" : "outlined"}
            aria-current={v.value === current ? "page" : undefined}
          >
            {v.label}
          </Button>
        ))}
      </Stack>
    </nav>
  );
}
