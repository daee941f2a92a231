import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requirePage } from "@/lib/auth/actor";
import { countWindows, LIST_PAGE_SIZE, listWindows } from "@/lib/cases/queries";
import { listPageSchema, windowListSchema } from "@/lib/cases/schemas";
import { helsinkiToday } from "@/lib/windows/dates";
import { Pager } from "@/components/Pager";
import { formatCalendarDate } from "@/lib/i18n/format";
import { PageHeader } from "@/components/Page";
import styles from "@/components/Page.module.css";
import { DataTable } from "@/components/DataTable";
import { ViewTabs } from "@/components/ViewTabs";
import { titled } from "@/components/metadata";
import { ExportButtons } from "@/components/ExportButtons";

export const generateMetadata = titled("windows.title");

const VIEWS = ["upcoming", "open", "planned", "all"] as const;

export default async function WindowsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePage("/windows");
  const params = await searchParams;
  const view = windowListSchema.parse(params.view ?? "upcoming");
  const page = listPageSchema.parse(params.page ?? 1);
  const db = getDb();
  const today = helsinkiToday();
  const [rows, total] = await Promise.all([
    listWindows(db, actor, view, today, LIST_PAGE_SIZE, (page - 1) * LIST_PAGE_SIZE),
    countWindows(db, actor, view, today),
  ]);
  const t = await getTranslations();
  return (
    <>
      <PageHeader
        title={t("windows.title")}
        intro={view === "upcoming" ? t("windows.upcomingIntro") : t("windows.intro")}
        actions={<ExportButtons list="windows" query={params} />}
      />
      <div className={styles.spaced}>
        <ViewTabs
          label={t("windows.viewLabel")}
          current={view}
          views={VIEWS.map((v) => ({
            value: v,
            label: t(`windows.views.${v}`),
            href: `/windows?view=${v}`,
          }))}
        />
      </div>
      <DataTable
        caption={t(`windows.views.${view}`)}
        empty={t("windows.none")}
        columns={[
          { key: "caseOid", label: t("windows.case") },
          { key: "service", label: t("windows.service") },
          { key: "unit", label: t("windows.unit") },
          { key: "provider", label: t("windows.provider") },
          { key: "opensOn", label: t("windows.opensOn") },
          { key: "closesOn", label: t("windows.closesOn") },
          { key: "state", label: t("windows.state") },
        ]}
        rows={rows.map((r) => ({
          id: r.id,
          cells: {
            caseOid: { href: `/cases/${r.caseId}`, text: r.caseOid },
            service: r.service ? t(`services.${r.service}` as "services.home_care") : "",
            unit: r.unitName,
            provider: r.providerName,
            opensOn: formatCalendarDate(r.opensOn),
            closesOn: r.closesOn ? formatCalendarDate(r.closesOn) : t("windows.openEnded"),
            state: t(`windows.states.${r.state}`),
          },
        }))}
      />
      <Pager
        page={page}
        total={total}
        pageSize={LIST_PAGE_SIZE}
        basePath="/windows"
        query={{ view }}
      />
    </>
  );
}
