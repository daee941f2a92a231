import type { ReactNode } from "react";
import styles from "./Page.module.css";

export function PageHeader({
  title,
  intro,
  actions,
}: {
  title: string;
  intro?: string;
  actions?: ReactNode;
}) {
  return (
    <div className={styles.header}>
      <div className={styles.headerText}>
        <h1 className={styles.h1}>{title}</h1>
        {intro && <p className={styles.intro}>{intro}</p>}
      </div>
      {actions}
    </div>
  );
}

export function EmptyState({ title, body }: { title: string; body: string }) {
  return (
    <div className={`${styles.paper} ${styles.empty}`}>
      <h2 className={styles.h2}>{title}</h2>
      <p className={styles.emptyBody}>{body}</p>
    </div>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className={styles.section}>
      <h2 className={styles.h2}>{title}</h2>
      {children}
    </section>
  );
}

/** A row of buttons or links that wraps on narrow screens. */
export function ButtonRow({ children }: { children: ReactNode }) {
  return <div className={styles.row}>{children}</div>;
}
