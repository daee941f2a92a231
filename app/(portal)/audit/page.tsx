import { getTranslations } from "next-intl/server";
import { Box, Button, MenuItem, TextField } from "@mui/material";
import { z } from "zod";
import { auditOutcomes } from "@/db/schema";
import { getDb } from "@/db";
import { requirePage } from "@/lib/auth/actor";
import { AUDIT_PAGE_SIZE, listAudit } from "@/lib/audit/queries";
import { formatDateTime } from "@/lib/i18n/format";
import { single } from "@/lib/i18n/pick";
import { PageHeader } from "@/components/Page";
import { DataTable } from "@/components/DataTable";
import { Pager } from "@/components/Pager";
import { titled } from "@/components/metadata";
import { ExportButtons } from "@/components/ExportButtons";

export const generateMetadata = titled("audit.title");

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
  const action = z
    .string()
    .trim()
    .max(100)
    .regex(/^[\w.]*$/)
    .catch("")
    .parse(single(sp.action) ?? "");
  const outcome = z
    .enum(auditOutcomes)
    .optional()
    .catch(undefined)
    .parse(single(sp.outcome) || undefined);
  const { rows, total } = await listAudit(getDb(), actor, page, {
    action: action || undefined,
    outcome,
  });
  const t = await getTranslations();
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
        sx={{ display: "flex", gap: 1, mb: 2, flexWrap: "wrap" }}
      >
        <TextField
          id="action"
          name="action"
          size="small"
          label={t("audit.filterAction")}
          defaultValue={action}
        />
        <TextField
          id="outcome"
          name="outcome"
          size="small"
          select
          label={t("audit.outcome")}
          defaultValue={outcome ?? ""}
          sx={{ minWidth: 180 }}
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
                {t.has(`audit.actions.${r.action.replaceAll(".", "__")}` as "audit.title")
                  ? t(`audit.actions.${r.action.replaceAll(".", "__")}` as "audit.title")
                  : r.action}{" "}
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
        query={{ action: action || undefined, outcome }}
      />
    </>
  );
}
