import { getTranslations } from "next-intl/server";
import type { ExportListName, ExportParams } from "@/lib/exports/lists";
import { buttonClass } from "./button-class";
import styles from "./Page.module.css";

/** The export URL of a list with the page's current filters (paging left out: exports are whole). */
export function exportHref(
  list: ExportListName,
  format: "csv" | "xlsx",
  current?: ExportParams,
): string {
  const q = new URLSearchParams();
  q.set("list", list);
  q.set("format", format);
  for (const [key, value] of Object.entries(current ?? {})) {
    if (key === "list" || key === "format" || key === "page" || value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) q.append(key, v);
  }
  return `/api/export?${q.toString()}`;
}

/**
 * Download links for a list as CSV and as XLSX, with the filters the page shows now. A server
 * component: every change of filters renders the page again on the server anyway, and the
 * server's translations reuse their parsed messages (a client component's are parsed again in
 * every server render, about 1.7 % of a list page's server time).
 */
export async function ExportButtons({
  list,
  query,
}: {
  list: ExportListName;
  query?: ExportParams;
}) {
  const t = await getTranslations("exports");
  const name = t(`lists.${list}`);
  return (
    <div role="group" aria-label={t("group", { name })} className={styles.row}>
      <a
        href={exportHref(list, "csv", query)}
        download
        className={buttonClass("outlined")}
        aria-label={t("csvFor", { name })}
      >
        {t("csv")}
      </a>
      <a
        href={exportHref(list, "xlsx", query)}
        download
        className={buttonClass("outlined")}
        aria-label={t("xlsxFor", { name })}
      >
        {t("xlsx")}
      </a>
    </div>
  );
}
