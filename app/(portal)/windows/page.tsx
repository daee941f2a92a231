import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requirePage } from "@/lib/auth/actor";
import { listWindows } from "@/lib/cases/queries";
import { formatCalendarDate } from "@/lib/i18n/format";
import { PageHeader } from "@/components/Page";
import { DataTable } from "@/components/DataTable";
import { titled } from "@/components/metadata";

export const generateMetadata = titled("windows.title");

export default async function WindowsPage() {
  const actor = await requirePage("/windows");
  const rows = await listWindows(getDb(), actor);
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("windows.title")} intro={t("windows.intro")} />
      <DataTable
        caption={t("windows.title")}
        empty={t("common.noResults")}
        columns={[
          { key: "caseOid", label: t("cases.caseOid") },
          { key: "unit", label: t("units.name") },
          { key: "provider", label: t("units.provider") },
          { key: "opensOn", label: t("windows.opensOn") },
          { key: "closesOn", label: t("windows.closesOn") },
          { key: "state", label: t("windows.state") },
        ]}
        rows={rows.map((r) => ({
          id: r.id,
          cells: {
            caseOid: r.caseOid,
            unit: r.unitName,
            provider: r.providerName,
            opensOn: formatCalendarDate(r.opensOn),
            closesOn: r.closesOn ? formatCalendarDate(r.closesOn) : t("windows.openEnded"),
            state: t(`windows.states.${r.state}`),
          },
        }))}
      />
    </>
  );
}
