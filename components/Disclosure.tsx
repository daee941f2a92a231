import type { ReactNode } from "react";
import styles from "./Page.module.css";

/** A native, keyboard-accessible show/hide section (details/summary). */
export function Disclosure({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <details className={`${styles.paper} ${styles.disclosure}`}>
      <summary>{summary}</summary>
      <div className={styles.disclosureBody}>{children}</div>
    </details>
  );
}
