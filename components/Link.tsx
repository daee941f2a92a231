import NextLink from "next/link";
import type { ComponentProps, ReactNode } from "react";
import { buttonClass, type ButtonVariant } from "./button-class";
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

/** A link that looks like MUI's button (static CSS, ADR 19). */
export function LinkButton({
  href,
  children,
  variant,
  size,
}: {
  href: string;
  children: ReactNode;
  variant?: ButtonVariant;
  size?: "small" | "medium";
}) {
  return (
    <NextLink href={href} className={buttonClass(variant, size)}>
      {children}
    </NextLink>
  );
}
