import { getTranslations } from "next-intl/server";
import { Box, Button, MenuItem, TextField, Typography } from "@mui/material";
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
        actions={<ExportButtons list="audit" />}
      />
      <Box
        component="form"
        role="search"
        method="get"
        aria-label={tv("filtersTitle")}
        sx={{ display: "flex", gap: 1, mb: 2, flexWrap: "wrap", alignItems: "flex-start" }}
      >
        <TextField
          id="user"
          name="user"
          size="small"
          select
          label={tv("user")}
          defaultValue={filter.user ?? ""}
          sx={{ minWidth: 200 }}
        >
          <MenuItem value="">{tv("anyUser")}</MenuItem>
          {people.map((u) => (
            <MenuItem key={u.id} value={u.id}>
              {u.name ?? u.email ?? u.id}
              {u.role ? ` (${t(`roles.${u.role}` as "roles.admin")})` : ""}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          id="action"
          name="action"
          size="small"
          select
          label={tv("action")}
          defaultValue={filter.action ?? ""}
          sx={{ minWidth: 240 }}
        >
          <MenuItem value="">{tv("anyAction")}</MenuItem>
          {codes.map((c) => (
            <MenuItem key={c} value={c}>
              {actionLabel(c)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          id="entity"
          name="entity"
          size="small"
          label={tv("caseOid")}
          helperText={tv("caseOidHelp")}
          defaultValue={filter.caseOid ?? ""}
          autoComplete="off"
          sx={{ minWidth: 260 }}
        />
        <TextField
          id="provider"
          name="provider"
          size="small"
          select
          label={tv("provider")}
          defaultValue={filter.providerId ?? ""}
          sx={{ minWidth: 220 }}
        >
          <MenuItem value="">{tv("anyProvider")}</MenuItem>
          {providerList.map((p) => (
            <MenuItem key={p.id} value={p.id}>
              {p.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          id="from"
          name="from"
          size="small"
          type="date"
          label={tv("from")}
          defaultValue={filter.from ?? ""}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          id="to"
          name="to"
          size="small"
          type="date"
          label={tv("to")}
          defaultValue={filter.to ?? ""}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          id="outcome"
          name="outcome"
          size="small"
          select
          label={t("audit.outcome")}
          defaultValue={filter.outcome ?? ""}
          sx={{ minWidth: 160 }}
        >
          <MenuItem value="">{t("audit.anyOutcome")}</MenuItem>
          {auditOutcomes.map((o) => (
            <MenuItem key={o} value={o}>
              {t(`audit.outcomes.${o}`)}
            </MenuItem>
          ))}
        </TextField>
        <Button type="submit" variant="contained">
          {t("common.search")}
        </Button>
        <LinkButton href="/audit" variant="text">
          {tv("clearFilters")}
        </LinkButton>
      </Box>
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
                {actionLabel(r.action)}{" "}
                <Box component="code" sx={{ color: "text.secondary", fontSize: "0.75rem" }}>
                  {r.action}
                </Box>
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
          <Typography variant="body2" sx={{ mb: 2, maxWidth: "70ch" }}>
            {tv("clientAccess.intro")}
          </Typography>
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
