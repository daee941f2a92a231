"use client";

import { useEffect } from "react";

/** Containers that make sense to land on when the focused control itself disappeared. */
const LANDING = "section, form, details, fieldset, [role=region], [data-focus-landing]";

function focusable(el: HTMLElement) {
  return el.isConnected && !el.matches(":disabled") && el.checkVisibility();
}

function land(el: HTMLElement) {
  if (!el.hasAttribute("tabindex")) el.setAttribute("tabindex", "-1");
  el.focus();
}

/**
 * Keeps keyboard focus from falling back to <body> (WCAG 2.4.3) when the focused control is
 * removed or hidden by what it did: a button whose window changed state, a link to another
 * page, a filter chip removed by its own click, a submit button disabled while saving. Focus
 * returns to the control when it is usable again, else to the nearest surviving section or
 * form, else to the page's main heading. A click on empty space (the user's own choice to
 * leave focus on the page) is left alone.
 */
export function useFocusKeeper() {
  useEffect(() => {
    let last: HTMLElement | null = null;
    let chain: HTMLElement[] = [];
    let pointerAt = 0;

    const onFocusIn = (e: FocusEvent) => {
      const t = e.target;
      if (!(t instanceof HTMLElement) || t === document.body) return;
      last = t;
      chain = [];
      for (let p = t.parentElement; p && p !== document.body; p = p.parentElement) chain.push(p);
    };
    const onPointerDown = () => {
      pointerAt = performance.now();
    };

    const recover = () => {
      const active = document.activeElement;
      if (!last || (active && active !== document.body)) return;
      if (performance.now() - pointerAt < 500) {
        last = null;
        return;
      }
      if (focusable(last)) {
        last.focus();
        return;
      }
      // Still there but disabled (saving): wait for the next change.
      if (last.isConnected && last.checkVisibility()) return;
      const main = document.getElementById("main");
      for (const a of chain) {
        if (!a.isConnected || !a.checkVisibility()) continue;
        if (a === main || !main?.contains(a)) break;
        if (a.matches(LANDING)) return land(a);
      }
      const heading = main?.querySelector<HTMLElement>("h1");
      if (heading) land(heading);
      else if (main) main.focus();
    };

    let scheduled = false;
    const schedule = () => {
      if (scheduled) return;
      scheduled = true;
      // After the browser's own focus fix-up, which runs with the next rendering update.
      requestAnimationFrame(() => {
        scheduled = false;
        recover();
      });
    };

    const observer = new MutationObserver(schedule);
    observer.observe(document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ["disabled", "hidden", "class", "style"],
    });
    document.addEventListener("focusin", onFocusIn);
    document.addEventListener("focusout", schedule);
    document.addEventListener("pointerdown", onPointerDown, true);
    return () => {
      observer.disconnect();
      document.removeEventListener("focusin", onFocusIn);
      document.removeEventListener("focusout", schedule);
      document.removeEventListener("pointerdown", onPointerDown, true);
    };
  }, []);
}
