"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setLocale } from "@/lib/i18n/actions";
import styles from "./AppShell.module.css";

/**
 * The three languages as buttons, each name in its own language. Buttons rather than a select:
 * nothing changes until the user presses one (WCAG 3.2.2), every choice is one Tab stop away,
 * and the header renders without MUI's select (ADR 20).
 */
export function LanguageSwitcher({
  locale,
  label,
  names,
}: {
  locale: string;
  label: string;
  names: Record<"fi" | "sv" | "en", string>;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <div role="group" aria-label={label} aria-busy={pending} className={styles.languages}>
      {(Object.keys(names) as (keyof typeof names)[]).map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          // Not disabled, neither the current one nor while switching: focus stays where it is.
          aria-current={l === locale ? "true" : undefined}
          className={styles.language}
          onClick={() =>
            start(async () => {
              await setLocale(l);
              router.refresh();
            })
          }
        >
          {names[l]}
        </button>
      ))}
    </div>
  );
}
