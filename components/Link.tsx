"use client";

import { Button, Link as MuiLink, type ButtonOwnProps, type LinkProps } from "@mui/material";
import NextLink from "next/link";
import type { ReactNode } from "react";

/** MUI link rendered through Next's client-side navigation. */
export function Link(props: Omit<LinkProps, "component" | "ref"> & { href: string }) {
  return <MuiLink component={NextLink} {...props} />;
}

export function LinkButton({
  href,
  children,
  variant,
  size,
  color,
}: { href: string; children: ReactNode } & Pick<ButtonOwnProps, "variant" | "size" | "color">) {
  return (
    <Button component={NextLink} href={href} variant={variant} size={size} color={color}>
      {children}
    </Button>
  );
}
