import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requirePage } from "@/lib/auth/actor";
import { listOwnSystems } from "@/lib/providers/queries";
import { formatCalendarDate } from "@/lib/i18n/format";
import { PageHeader } from "@/components/Page";
import { DataTable } from "@/components/DataTable";
import { titled } from "@/components/metadata";

export const generateMetadata = titled("providerSide.systemTitle");

export default async function OwnSystemPage() {
  const actor = await requirePage("/provider/system");
  const rows = await listOwnSystems(getDb(), actor);
  const t = await getTranslations();
  const locale = await getLocale();
  return (
    <>
      <PageHeader title={t("providerSide.systemTitle")} intro={t("providerSide.systemIntro")} />
      <DataTable
        caption={t("providerSide.systemTitle")}
        empty={t("providerSide.noSystem")}
        columns={[
          { key: "name", label: t("units.cis") },
          { key: "vendor", label: t("providerSide.vendor") },
          { key: "organiser", label: t("providerSide.organiser") },
          { key: "status", label: t("providerSide.testStatus") },
        ]}
        rows={rows.map((r) => ({
          id: `${r.cisId}-${r.organiserFi}`,
          cells: {
            name: r.name,
            vendor: r.vendor,
            organiser:
              locale === "sv" ? r.organiserSv : locale === "en" ? r.organiserEn : r.organiserFi,
            status: `${t(`providerSide.testStatuses.${r.testStatus ?? "not_contacted"}`)}${
              r.testDate ? ` ${formatCalendarDate(r.testDate)}` : ""
            }`,
          },
        }))}
      />
    </>
  );
}
