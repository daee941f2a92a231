"use client";

import { Button, type ButtonOwnProps } from "@mui/material";
import NextLink from "next/link";
import type { ComponentProps, ReactNode } from "react";
import styles from "./Link.module.css";

/**
 * A link through Next's client-side navigation, styled like MUI's Link (static CSS: lists render
 * one per row, and MUI's styled link cost style work on every server render).
 */
export function Link({ className, ...props }: ComponentProps<typeof NextLink> & { href: string }) {
  return (
    <NextLink className={className ? `${styles.link} ${className}` : styles.link} {...props} />
  );
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
