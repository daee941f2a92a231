import { FilterChip } from "@/components/FilterChip";
import { oidStatuses } from "@/db/schema";
import { mayOpenPage } from "@/lib/auth/access";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requirePage } from "@/lib/auth/actor";
import { listOrganiserProviders, listSystems, PAGE_SIZE } from "@/lib/providers/queries";
import {
  NO_CIS,
  NO_TASK,
  parseProviderFilters,
  providerFilterQuery,
  providersHref,
  readinessFilterKeys,
  type ProviderFilters,
  type ReadinessFilterKey,
} from "@/lib/providers/filters";
import { ButtonRow, PageHeader, Section } from "@/components/Page";
import { SelectInput, TextInput } from "@/components/Field";
import fieldStyles from "@/components/Field.module.css";
import { buttonClass } from "@/components/button-class";
import styles from "@/components/Page.module.css";
import { SimpleActionForm } from "@/components/SimpleActionForm";
import { addProviderAction } from "@/lib/registry/staff-actions";
import { DataTable } from "@/components/DataTable";
import { Pager } from "@/components/Pager";
import { LinkButton } from "@/components/Link";
import { titled } from "@/components/metadata";
import { ExportButtons } from "@/components/ExportButtons";

export const generateMetadata = titled("providers.title");

export default async function ProvidersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePage("/providers");
  const query = await searchParams;
  const filters = parseProviderFilters(query);
  const { q, page, status, sort } = filters;
  const db = getDb();
  const needsSystems = Boolean((filters.cis && filters.cis !== NO_CIS) || filters.unblockedBy);
  const [{ rows, total }, systems] = await Promise.all([
    listOrganiserProviders(db, actor, filters),
    needsSystems ? listSystems(db) : Promise.resolve([]),
  ]);
  const t = await getTranslations();
  const systemName = (id: string) =>
    systems.find((s) => s.id === id)?.name ?? t("dashboard.filters.unknownSystem");
  const filterName = (key: ReadinessFilterKey, f: Required<ProviderFilters>): string => {
    switch (key) {
      case "stage":
        return t(`dashboard.stages.${f.stage}`);
      case "stoppedAt":
        return t("dashboard.filters.stoppedAt", { name: t(`dashboard.stages.${f.stoppedAt}`) });
      case "cis":
        return f.cis === NO_CIS
          ? t("dashboard.filters.noCis")
          : t("dashboard.filters.cis", { name: systemName(f.cis) });
      case "task":
        return f.task === NO_TASK
          ? t("dashboard.filters.noTask")
          : t(`cases.serviceTasks.${f.task}`);
      case "unblockedBy":
        return t("dashboard.filters.unblockedBy", { name: systemName(f.unblockedBy) });
    }
  };
  // One removable chip per readiness filter; removing it keeps the other filters and the search.
  const chips = readinessFilterKeys
    .filter((key) => filters[key])
    .map((key) => {
      const label = t("dashboard.filters.chip", {
        name: filterName(key, filters as Required<ProviderFilters>),
      });
      return { key, label, href: providersHref({ ...filters, [key]: undefined }) };
    });
  const project = mayOpenPage(actor.role, "/providers/campaign");
  return (
    <>
      <PageHeader
        title={t("providers.title")}
        intro={t("providers.intro")}
        actions={
          <ButtonRow>
            <ExportButtons list="providers" query={query} />
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
          </ButtonRow>
        }
      />
      {chips.length > 0 && (
        <ul aria-label={t("dashboard.filters.label")} className={styles.chips}>
          {chips.map((c) => (
            <li key={c.key}>
              <FilterChip
                href={c.href}
                label={c.label}
                removeLabel={t("dashboard.filters.remove")}
              />
            </li>
          ))}
        </ul>
      )}
      <form role="search" method="get" className={styles.search}>
        {readinessFilterKeys.map((key) =>
          filters[key] ? <input key={key} type="hidden" name={key} value={filters[key]} /> : null,
        )}
        <TextInput id="q" name="q" wide label={t("providers.searchLabel")} defaultValue={q ?? ""} />
        <SelectInput
          id="status"
          name="status"
          label={t("registry.filterStatus")}
          defaultValue={status ?? ""}
          options={[
            { value: "", label: t("registry.any") },
            ...oidStatuses.map((s) => ({ value: s, label: t(`registry.oidStatus.${s}`) })),
          ]}
        />
        <SelectInput
          id="sort"
          name="sort"
          label={t("registry.sort")}
          defaultValue={sort}
          options={[
            { value: "name", label: t("registry.sortName") },
            { value: "businessId", label: t("registry.sortBusinessId") },
            { value: "attention", label: t("registry.sortAttention") },
          ]}
        />
        <button type="submit" className={`${buttonClass("contained")} ${fieldStyles.besideFields}`}>
          {t("common.search")}
        </button>
      </form>
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
            name: { href: `/providers/${r.id}`, text: r.name },
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
        query={providerFilterQuery(filters)}
      />
      {project && (
        <Section title={t("registry.addProvider")}>
          <div className={`${styles.paper} ${styles.padded}`}>
            <SimpleActionForm
              action={addProviderAction}
              ariaLabel={t("registry.addProvider")}
              submit={t("registry.addProvider")}
              fields={[
                { name: "name", label: t("providers.name"), required: true },
                { name: "businessId", label: t("providers.businessId"), required: true },
              ]}
            />
          </div>
        </Section>
      )}
    </>
  );
}
