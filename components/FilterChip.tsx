"use client";

import { Chip } from "@mui/material";
import { RouteLink } from "./Link";

/**
 * A removable filter as a link to the list without it. A client-side link, so keyboard focus
 * lands on the list's heading afterwards (useFocusKeeper) instead of starting over at the top;
 * the label wraps instead of being cut off on a narrow screen.
 */
export function FilterChip({
  href,
  label,
  removeLabel,
}: {
  href: string;
  label: string;
  removeLabel: string;
}) {
  return (
    <Chip
      component={RouteLink}
      href={href}
      clickable
      color="primary"
      variant="outlined"
      aria-label={`${label}, ${removeLabel}`}
      label={
        <>
          {label} <span aria-hidden="true">×</span>
        </>
      }
      sx={{
        height: "auto",
        minHeight: 32,
        maxWidth: "100%",
        "& .MuiChip-label": { whiteSpace: "normal", overflowWrap: "anywhere", py: 0.5 },
      }}
    />
  );
}
