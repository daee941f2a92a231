import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { auditOutcomes } from "@/db/schema";
import { getDb } from "@/db";
import { requirePage } from "@/lib/auth/actor";
import {
  AUDIT_PAGE_SIZE,
  auditFilterQuery,
  listAudit,
  listAuditProviders,
  listAuditUsers,
  parseAuditFilter,
} from "@/lib/audit/queries";
import { clientAccessAction } from "@/lib/audit/actions";
import { allMessages } from "@/lib/i18n/messages";
import { formatDateTime } from "@/lib/i18n/format";
import { single } from "@/lib/i18n/pick";
import { addDays, helsinkiToday } from "@/lib/windows/dates";
import { PageHeader, Section } from "@/components/Page";
import { DataTable } from "@/components/DataTable";
import { Disclosure } from "@/components/Disclosure";
import { Pager } from "@/components/Pager";
import { LinkButton } from "@/components/Link";
import { SelectInput, TextInput } from "@/components/Field";
import fieldStyles from "@/components/Field.module.css";
import layout from "@/components/Form.module.css";
import styles from "@/components/Page.module.css";
import { buttonClass } from "@/components/button-class";
import { titled } from "@/components/metadata";
import { ExportButtons } from "@/components/ExportButtons";
import { ClientAccessSearch } from "@/components/ClientAccessSearch";

export const generateMetadata = titled("audit.title");

/** The action codes the log knows a label for (audit.actions.<code with . as __>). */
const ACTION_CODES = [
  ...new Set([
    ...Object.keys(allMessages.fi.audit.actions).map((k) => k.replaceAll("__", ".")),
    "audit.clientAccess",
  ]),
].sort();

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePage("/audit");
  const sp = await searchParams;
  const page = z.coerce
    .number()
    .int()
    .min(1)
    .catch(1)
    .parse(single(sp.page) ?? 1);
  const filter = parseAuditFilter(sp);
  const db = getDb();
  const [{ rows, total }, people, providerList] = await Promise.all([
    listAudit(db, actor, page, filter),
    listAuditUsers(db, actor),
    listAuditProviders(db, actor),
  ]);
  const t = await getTranslations();
  // The "auditView" namespace is merged into the messages separately: untyped keys.
  const tv = (key: string) => t(`auditView.${key}` as "audit.title");
  const actionLabel = (code: string) => {
    const key = `audit.actions.${code.replaceAll(".", "__")}` as "audit.title";
    return t.has(key) ? t(key) : code;
  };
  // A filter on a code the select does not list (an old link, a prefix) stays selectable.
  const codes =
    filter.action && !ACTION_CODES.includes(filter.action)
      ? [filter.action, ...ACTION_CODES]
      : ACTION_CODES;
  const today = helsinkiToday();
  return (
    <>
      <PageHeader
        title={t("audit.title")}
        intro={t("audit.intro")}
        actions={<ExportButtons list="audit" query={sp} />}
      />
      <form role="search" method="get" aria-label={tv("filtersTitle")} className={styles.search}>
        <SelectInput
          id="user"
          name="user"
          label={tv("user")}
          defaultValue={filter.user ?? ""}
          options={[
            { value: "", label: tv("anyUser") },
            ...people.map((u) => ({
              value: u.id,
              label: `${u.name ?? u.email ?? u.id}${u.role ? ` (${t(`roles.${u.role}` as "roles.admin")})` : ""}`,
            })),
          ]}
        />
        <SelectInput
          id="action"
          name="action"
          label={tv("action")}
          defaultValue={filter.action ?? ""}
          options={[
            { value: "", label: tv("anyAction") },
            ...codes.map((c) => ({ value: c, label: actionLabel(c) })),
          ]}
        />
        <TextInput
          id="entity"
          name="entity"
          label={tv("caseOid")}
          helperText={tv("caseOidHelp")}
          defaultValue={filter.caseOid ?? ""}
          autoComplete="off"
        />
        <SelectInput
          id="provider"
          name="provider"
          label={tv("provider")}
          defaultValue={filter.providerId ?? ""}
          options={[
            { value: "", label: tv("anyProvider") },
            ...providerList.map((p) => ({ value: p.id, label: p.name })),
          ]}
        />
        <TextInput
          id="from"
          name="from"
          type="date"
          label={tv("from")}
          defaultValue={filter.from ?? ""}
        />
        <TextInput id="to" name="to" type="date" label={tv("to")} defaultValue={filter.to ?? ""} />
        <SelectInput
          id="outcome"
          name="outcome"
          label={t("audit.outcome")}
          defaultValue={filter.outcome ?? ""}
          options={[
            { value: "", label: t("audit.anyOutcome") },
            ...auditOutcomes.map((o) => ({ value: o, label: t(`audit.outcomes.${o}`) })),
          ]}
        />
        <button type="submit" className={`${buttonClass("contained")} ${fieldStyles.besideFields}`}>
          {t("common.search")}
        </button>
        <span className={fieldStyles.besideFields}>
          <LinkButton href="/audit" variant="text">
            {tv("clearFilters")}
          </LinkButton>
        </span>
      </form>
      <DataTable
        caption={t("audit.title")}
        empty={t("common.noResults")}
        columns={[
          { key: "at", label: t("audit.at") },
          { key: "actor", label: t("audit.actor") },
          { key: "role", label: t("audit.role") },
          { key: "action", label: t("audit.action") },
          { key: "entity", label: t("audit.entity") },
          { key: "outcome", label: t("audit.outcome") },
          { key: "ip", label: t("audit.sourceIp") },
        ]}
        rows={rows.map((r) => ({
          id: String(r.id),
          cells: {
            at: formatDateTime(r.at),
            actor: r.actorName ?? (r.actorRole ? t("audit.system") : t("audit.unknownActor")),
            role: r.actorRole ? t(`roles.${r.actorRole}` as "roles.admin") : "",
            action: (
              <>
                {actionLabel(r.action)} <code className={layout.code}>{r.action}</code>
              </>
            ),
            entity: r.entityType ? `${r.entityType} ${r.entityId ?? ""}` : "",
            outcome: t(`audit.outcomes.${r.outcome}`),
            ip: r.sourceIp ?? "",
          },
        }))}
      />
      <Pager
        page={page}
        total={total}
        pageSize={AUDIT_PAGE_SIZE}
        basePath="/audit"
        query={auditFilterQuery(filter)}
      />
      <Section title={tv("clientAccess.title")}>
        <Disclosure summary={tv("clientAccess.title")}>
          <p className={styles.lead}>{tv("clientAccess.intro")}</p>
          <ClientAccessSearch
            action={clientAccessAction}
            defaultFrom={addDays(today, -365)}
            defaultTo={today}
          />
        </Disclosure>
      </Section>
    </>
  );
}
