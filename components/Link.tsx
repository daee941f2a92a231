import NextLink from "next/link";
import type { ComponentProps, ReactNode } from "react";
import { buttonClass, type ButtonVariant } from "./button-class";
import styles from "./Link.module.css";

/**
 * Next's link (client-side navigation) without automatic prefetching, for every link in the
 * portal (ADR 23). Every page is rendered per request (session, CSP nonce), so a prefetch only
 * fetched a route's tree: one request per link on screen, 53 for one view of /providers, about
 * five times the page's own render in server CPU, and a click still waited for the render.
 */
export function RouteLink(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}

/**
 * A link through Next's client-side navigation, styled like MUI's Link (static CSS: lists render
 * one per row, and MUI's styled link cost style work on every server render).
 */
export function Link({ className, ...props }: ComponentProps<typeof NextLink> & { href: string }) {
  return (
    <RouteLink className={className ? `${styles.link} ${className}` : styles.link} {...props} />
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
    <RouteLink href={href} className={buttonClass(variant, size)}>
      {children}
    </RouteLink>
  );
}
