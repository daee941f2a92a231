"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { ROUTE_ATTR } from "./Link";

/**
 * Whether a click on a portal link should become a client-side navigation, by the same rules
 * as Next's `<Link>`: a plain left click, no modifier (a new tab or window stays the
 * browser's), no other target, no download, and an address on this site.
 */
export function routeTarget(
  e: Pick<
    MouseEvent,
    "defaultPrevented" | "button" | "metaKey" | "ctrlKey" | "shiftKey" | "altKey"
  >,
  anchor: { href: string; target: string; hasAttribute(name: string): boolean },
  here: { origin: string; href: string },
): string | null {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey)
    return null;
  if ((anchor.target && anchor.target !== "_self") || anchor.hasAttribute("download")) return null;
  const url = new URL(anchor.href, here.href);
  if (url.origin !== here.origin) return null;
  return url.pathname + url.search + url.hash;
}

/**
 * Client-side navigation for every portal link, from one click handler on the document (ADR 24).
 * The links themselves are plain anchors rendered on the server: a Next `<Link>` per link was a
 * client component per table row, serialised into the RSC payload and rendered again into the
 * HTML on every request. Until this has hydrated, a link is an ordinary link.
 */
export function ClientNavigation() {
  const router = useRouter();
  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      const anchor = (e.target as Element | null)?.closest?.(`a[${ROUTE_ATTR}][href]`);
      if (!(anchor instanceof HTMLAnchorElement)) return;
      const to = routeTarget(e, anchor, window.location);
      if (!to) return;
      e.preventDefault();
      router.push(to);
    };
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, [router]);
  return null;
}
