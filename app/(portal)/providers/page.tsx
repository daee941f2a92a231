import { Box, Button, TextField } from "@mui/material";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requirePage } from "@/lib/auth/actor";
import { listOrganiserProviders, PAGE_SIZE } from "@/lib/providers/queries";
import { providerListSchema } from "@/lib/providers/schemas";
import { single } from "@/lib/i18n/pick";
import { PageHeader } from "@/components/Page";
import { DataTable } from "@/components/DataTable";
import { Pager } from "@/components/Pager";
import { Link } from "@/components/Link";

export default async function ProvidersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePage("/providers");
  const sp = await searchParams;
  const { q, page } = providerListSchema.parse({ q: single(sp.q), page: single(sp.page) });
  const { rows, total } = await listOrganiserProviders(getDb(), actor, { q, page });
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("providers.title")} intro={t("providers.intro")} />
      <Box
        component="form"
        role="search"
        method="get"
        sx={{ display: "flex", gap: 1, mb: 2, flexWrap: "wrap" }}
      >
        <TextField
          id="q"
          name="q"
          size="small"
          label={t("providers.searchLabel")}
          defaultValue={q ?? ""}
          sx={{ minWidth: 320 }}
        />
        <Button type="submit" variant="contained">
          {t("common.search")}
        </Button>
      </Box>
      <DataTable
        caption={t("providers.title")}
        empty={t("common.noResults")}
        columns={[
          { key: "name", label: t("providers.name") },
          { key: "businessId", label: t("providers.businessId") },
          { key: "relationship", label: t("providers.relationship") },
          { key: "units", label: t("providers.units"), align: "right" },
          { key: "withOid", label: t("providers.oids"), align: "right" },
        ]}
        rows={rows.map((r) => ({
          id: r.id,
          cells: {
            name: <Link href={`/providers/${r.id}`}>{r.name}</Link>,
            businessId: r.businessId,
            relationship: t(`providers.relationshipValues.${r.relationship}`),
            units: r.units,
            withOid: `${r.withOid} / ${r.units}`,
          },
        }))}
      />
      <Pager
        page={page}
        total={total}
        pageSize={PAGE_SIZE}
        basePath="/providers"
        query={{ q }}
        labels={{
          previous: t("common.previous"),
          next: t("common.next"),
          pageOf: t("common.pageOf", { page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) }),
          nav: t("common.pagination"),
          count: t("common.resultCount", { count: total }),
        }}
      />
    </>
  );
}
