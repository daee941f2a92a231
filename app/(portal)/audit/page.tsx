import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db";
import { requirePage } from "@/lib/auth/actor";
import { AUDIT_PAGE_SIZE, listAudit } from "@/lib/audit/queries";
import { formatDateTime } from "@/lib/i18n/format";
import { single } from "@/lib/i18n/pick";
import { PageHeader } from "@/components/Page";
import { DataTable } from "@/components/DataTable";
import { Pager } from "@/components/Pager";

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePage("/audit");
  const page = z.coerce.number().int().min(1).catch(1).parse(single((await searchParams).page) ?? 1);
  const { rows, total } = await listAudit(getDb(), actor, page);
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("audit.title")} intro={t("audit.intro")} />
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
            actor: r.actorName ?? t("audit.system"),
            role: r.actorRole ? t(`roles.${r.actorRole}` as "roles.admin") : "",
            action: <code>{r.action}</code>,
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
        query={{}}
        labels={{
          previous: t("common.previous"),
          next: t("common.next"),
          pageOf: t("common.pageOf", { page, pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) }),
          nav: t("common.pagination"),
          count: t("common.resultCount", { count: total }),
        }}
      />
    </>
  );
}
