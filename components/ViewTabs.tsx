import { buttonClass } from "./button-class";
import styles from "./Page.module.css";
import { RouteLink } from "./Link";

/**
 * Views of one list as a row of links: each view has its own URL (bookmarkable, works without
 * JavaScript) and the current one is marked with aria-current and shown filled.
 */
export function ViewTabs({
  label,
  current,
  views,
}: {
  label: string;
  current: string;
  views: { value: string; label: string; href: string }[];
}) {
  return (
    <nav aria-label={label}>
      <div className={styles.row}>
        {views.map((v) => (
          <RouteLink
            key={v.value}
            href={v.href}
            className={buttonClass(v.value === current ? "contained" : "outlined")}
            aria-current={v.value === current ? "page" : undefined}
          >
            {v.label}
          </RouteLink>
        ))}
      </div>
    </nav>
  );
}
