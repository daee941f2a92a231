import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requirePage } from "@/lib/auth/actor";
import { listOwnWindows } from "@/lib/cases/queries";
import { formatCalendarDate } from "@/lib/i18n/format";
import { PageHeader } from "@/components/Page";
import { DataTable } from "@/components/DataTable";
import { titled } from "@/components/metadata";

export const generateMetadata = titled("windows.providerTitle");

export default async function ProviderWindowsPage() {
  const actor = await requirePage("/provider/windows");
  const rows = await listOwnWindows(getDb(), actor);
  const t = await getTranslations();
  const locale = await getLocale();
  return (
    <>
      <PageHeader title={t("windows.providerTitle")} intro={t("windows.providerIntro")} />
      <DataTable
        caption={t("windows.providerSection")}
        empty={t("windows.none")}
        columns={[
          { key: "organiser", label: t("windows.organiser") },
          { key: "caseOid", label: t("windows.case") },
          { key: "service", label: t("windows.service") },
          { key: "unit", label: t("windows.unit") },
          { key: "opensOn", label: t("windows.opensOn") },
          { key: "closesOn", label: t("windows.closesOn") },
          { key: "state", label: t("windows.state") },
        ]}
        rows={rows.map((r) => ({
          id: r.id,
          cells: {
            organiser:
              locale === "sv" ? r.organiserSv : locale === "en" ? r.organiserEn : r.organiserFi,
            caseOid: r.caseOid,
            service: r.service ? t(`services.${r.service}` as "services.home_care") : "",
            unit: r.unitName,
            opensOn: formatCalendarDate(r.opensOn),
            closesOn: r.closesOn ? formatCalendarDate(r.closesOn) : t("windows.openEnded"),
            state: t(`windows.states.${r.state}`),
          },
        }))}
      />
    </>
  );
}
