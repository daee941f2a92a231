import type { ComponentProps, ReactNode } from "react";
import { buttonClass, type ButtonVariant } from "./button-class";
import styles from "./Link.module.css";

/** The attribute that marks the portal's own links, for ClientNavigation's click handler. */
export const ROUTE_ATTR = "data-route";

type AnchorProps = ComponentProps<"a"> & { href: string };

/**
 * A link to a portal page: a plain anchor that ClientNavigation turns into a client-side
 * navigation when clicked (ADR 24). Nothing is prefetched (ADR 23). Plain, so a list of 50 rows
 * costs 50 anchors in a server render rather than 50 client components.
 */
export function RouteLink(props: AnchorProps) {
  return <a {...{ [ROUTE_ATTR]: "" }} {...props} />;
}

/**
 * A link through client-side navigation, styled like MUI's Link (static CSS: lists render one
 * per row, and MUI's styled link cost style work on every server render).
 */
export function Link({ className, ...props }: AnchorProps) {
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
