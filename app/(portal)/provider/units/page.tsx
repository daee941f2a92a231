import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requirePage } from "@/lib/auth/actor";
import { getOwnProvider, listOwnUnits } from "@/lib/providers/queries";
import { PageHeader } from "@/components/Page";
import { DataTable } from "@/components/DataTable";
import { Link } from "@/components/Link";

export default async function OwnUnitsPage() {
  const actor = await requirePage("/provider/units");
  const db = getDb();
  const [provider, units] = await Promise.all([getOwnProvider(db, actor), listOwnUnits(db, actor)]);
  const t = await getTranslations();
  return (
    <>
      <PageHeader
        title={t("providerSide.unitsTitle")}
        intro={`${provider?.name ?? ""} (${provider?.businessId ?? ""}). ${t("providerSide.unitsIntro")}`}
      />
      <DataTable
        caption={t("providerSide.unitsTitle")}
        empty={t("providers.noUnits")}
        columns={[
          { key: "name", label: t("units.name") },
          { key: "oid", label: t("units.oid") },
          { key: "municipality", label: t("units.municipality") },
          { key: "cis", label: t("units.cis") },
        ]}
        rows={units.map((u) => ({
          id: u.id,
          cells: {
            name: <Link href={`/provider/units/${u.id}`}>{u.name}</Link>,
            oid: u.oid ?? t("units.noOid"),
            municipality: u.municipality,
            cis: u.cisName ?? t("common.notSet"),
          },
        }))}
      />
    </>
  );
}
