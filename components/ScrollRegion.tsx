"use client";

import { Paper, TableContainer } from "@mui/material";
import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * A table's own horizontal scroll area (the WCAG 1.4.10 exception for data tables): the page
 * never scrolls sideways at 320 px, the table does. Only while it actually overflows is the
 * area a named region in the tab order, so keyboard users can scroll it with the arrow keys
 * without an extra tab stop on wide screens.
 */
export function ScrollRegion({
  label,
  children,
  outlined = true,
}: {
  label: string;
  children: ReactNode;
  outlined?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  // Server-rendered as a region, so a narrow screen has it before (or without) scripts; the
  // observer drops it where the table fits.
  const [scrolls, setScrolls] = useState(true);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setScrolls(el.scrollWidth > el.clientWidth + 1));
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <TableContainer
      ref={ref}
      component={outlined ? Paper : "div"}
      {...(outlined ? { variant: "outlined" } : {})}
      role={scrolls ? "region" : undefined}
      aria-label={scrolls ? label : undefined}
      tabIndex={scrolls ? 0 : undefined}
    >
      {children}
    </TableContainer>
  );
}
