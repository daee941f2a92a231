"use client";

import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ExportListName } from "@/lib/exports/lists";
import { buttonClass } from "./button-class";
import styles from "./Page.module.css";

/** The export URL of a list with the page's current filters (paging left out: exports are whole). */
export function exportHref(
  list: ExportListName,
  format: "csv" | "xlsx",
  current: URLSearchParams | null,
): string {
  const q = new URLSearchParams();
  q.set("list", list);
  q.set("format", format);
  for (const [key, value] of current ?? []) {
    if (key === "list" || key === "format" || key === "page") continue;
    q.append(key, value);
  }
  return `/api/export?${q.toString()}`;
}

/** Download links for a list as CSV and as XLSX, with the filters the page shows now. */
export function ExportButtons({ list }: { list: ExportListName }) {
  const t = useTranslations("exports");
  const current = useSearchParams();
  const name = t(`lists.${list}`);
  return (
    <div role="group" aria-label={t("group", { name })} className={styles.row}>
      <a
        href={exportHref(list, "csv", current)}
        download
        className={buttonClass("outlined")}
        aria-label={t("csvFor", { name })}
      >
        {t("csv")}
      </a>
      <a
        href={exportHref(list, "xlsx", current)}
        download
        className={buttonClass("outlined")}
        aria-label={t("xlsxFor", { name })}
      >
        {t("xlsx")}
      </a>
    </div>
  );
}
