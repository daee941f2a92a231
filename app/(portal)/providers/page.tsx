import { Box, Button, MenuItem, Paper, TextField } from "@mui/material";
import { oidStatuses } from "@/db/schema";
import { mayOpenPage } from "@/lib/auth/access";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requirePage } from "@/lib/auth/actor";
import { listOrganiserProviders, PAGE_SIZE } from "@/lib/providers/queries";
import { providerListSchema } from "@/lib/providers/schemas";
import { single } from "@/lib/i18n/pick";
import { PageHeader, Section } from "@/components/Page";
import { SimpleActionForm } from "@/components/SimpleActionForm";
import { addProviderAction } from "@/lib/registry/staff-actions";
import { DataTable } from "@/components/DataTable";
import { Pager } from "@/components/Pager";
import { Link, LinkButton } from "@/components/Link";
import { titled } from "@/components/metadata";

export const generateMetadata = titled("providers.title");

export default async function ProvidersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePage("/providers");
  const sp = await searchParams;
  const { q, page, status, sort } = providerListSchema.parse({
    q: single(sp.q) || undefined,
    page: single(sp.page),
    status: single(sp.status) || undefined,
    sort: single(sp.sort) || undefined,
  });
  const { rows, total } = await listOrganiserProviders(getDb(), actor, { q, page, status, sort });
  const t = await getTranslations();
  const project = mayOpenPage(actor.role, "/providers/campaign");
  return (
    <>
      <PageHeader
        title={t("providers.title")}
        intro={t("providers.intro")}
        actions={
          <Box sx={{ display: "flex", gap: 1, flexWrap: "wrap" }}>
            <LinkButton href="/providers/systems" variant="outlined">
              {t("registry.systemsLink")}
            </LinkButton>
            {project && (
              <>
                <LinkButton href="/providers/campaign" variant="outlined">
                  {t("registry.campaignLink")}
                </LinkButton>
                <LinkButton href="/providers/register" variant="outlined">
                  {t("registry.registerLink")}
                </LinkButton>
                <LinkButton href="/providers/import" variant="outlined">
                  {t("import.link")}
                </LinkButton>
              </>
            )}
          </Box>
        }
      />
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
        <TextField
          id="status"
          name="status"
          size="small"
          select
          label={t("registry.filterStatus")}
          defaultValue={status ?? ""}
          sx={{ minWidth: 220 }}
        >
          <MenuItem value="">{t("registry.any")}</MenuItem>
          {oidStatuses.map((s) => (
            <MenuItem key={s} value={s}>
              {t(`registry.oidStatus.${s}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          id="sort"
          name="sort"
          size="small"
          select
          label={t("registry.sort")}
          defaultValue={sort}
          sx={{ minWidth: 220 }}
        >
          <MenuItem value="name">{t("registry.sortName")}</MenuItem>
          <MenuItem value="businessId">{t("registry.sortBusinessId")}</MenuItem>
          <MenuItem value="attention">{t("registry.sortAttention")}</MenuItem>
        </TextField>
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
          { key: "attention", label: t("registry.attention"), align: "right" },
        ]}
        rows={rows.map((r) => ({
          id: r.id,
          cells: {
            name: <Link href={`/providers/${r.id}`}>{r.name}</Link>,
            businessId: r.businessId,
            relationship: t(`providers.relationshipValues.${r.relationship}`),
            units: r.units,
            withOid: `${r.withOid} / ${r.units}`,
            attention: r.attention,
          },
        }))}
      />
      <Pager
        page={page}
        total={total}
        pageSize={PAGE_SIZE}
        basePath="/providers"
        query={{ q, status, sort: sort === "name" ? undefined : sort }}
      />
      {project && (
        <Section title={t("registry.addProvider")}>
          <Paper variant="outlined" sx={{ p: 2 }}>
            <SimpleActionForm
              action={addProviderAction}
              ariaLabel={t("registry.addProvider")}
              submit={t("registry.addProvider")}
              fields={[
                { name: "name", label: t("providers.name"), required: true },
                { name: "businessId", label: t("providers.businessId"), required: true },
              ]}
            />
          </Paper>
        </Section>
      )}
    </>
  );
}
