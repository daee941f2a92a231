import { getTranslations } from "next-intl/server";
import { LinkButton } from "./Link";
import styles from "./Page.module.css";

/** Server-side paging with plain links (works without JavaScript, keeps the query). */
export async function Pager({
  page,
  total,
  pageSize,
  basePath,
  query,
}: {
  page: number;
  total: number;
  pageSize: number;
  basePath: string;
  query: Record<string, string | undefined>;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const t = await getTranslations("common");
  const labels = {
    previous: t("previous"),
    next: t("next"),
    pageOf: t("pageOf", { page, pages }),
    nav: t("pagination"),
    count: t("resultCount", { count: total }),
  };
  const href = (p: number) => {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v) qs.set(k, v);
    if (p > 1) qs.set("page", String(p));
    const s = qs.toString();
    return s ? `${basePath}?${s}` : basePath;
  };
  return (
    <nav aria-label={labels.nav} className={styles.pager}>
      <p aria-live="polite">{labels.count}</p>
      <div className={styles.grow} />
      {page > 1 && (
        <LinkButton href={href(page - 1)} variant="outlined" size="small">
          {labels.previous}
        </LinkButton>
      )}
      <p>{labels.pageOf}</p>
      {page < pages && (
        <LinkButton href={href(page + 1)} variant="outlined" size="small">
          {labels.next}
        </LinkButton>
      )}
    </nav>
  );
}
