import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db";
import { deliveryMethods, deliveryStatuses } from "@/db/schema";
import { mayOpenPage, mayRunAction } from "@/lib/auth/access";
import { requirePage } from "@/lib/auth/actor";
import { DELIVERY_LIST_LIMIT, listDeliveries, type DeliveryRow } from "@/lib/delivery/queries";
import { retryDeliveryAction } from "@/lib/delivery/view-actions";
import { formatDateTime } from "@/lib/i18n/format";
import { single } from "@/lib/i18n/pick";
import { DataTable } from "@/components/DataTable";
import { Link, LinkButton } from "@/components/Link";
import { ButtonRow, PageHeader } from "@/components/Page";
import styles from "@/components/Page.module.css";
import { StatusChip } from "@/components/StatusChip";
import { SimpleActionForm } from "@/components/SimpleActionForm";
import { ViewTabs } from "@/components/ViewTabs";
import { titled } from "@/components/metadata";
import { ExportButtons } from "@/components/ExportButtons";

export const generateMetadata = titled("outbox.title");

const STATUS_COLOR = {
  queued: "default",
  sending: "info",
  sent: "success",
  failed: "error",
} as const;

const statusParam = z.enum(deliveryStatuses).optional().catch(undefined);
const methodParam = z.enum(deliveryMethods).optional().catch(undefined);

/** The filters as a URL: only status and method codes, never anything about a client. */
function hrefOf(status: string | undefined, method: string | undefined): string {
  const q = new URLSearchParams();
  if (status) q.set("status", status);
  if (method) q.set("method", method);
  const s = q.toString();
  return s ? `/deliveries?${s}` : "/deliveries";
}

export default async function DeliveriesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePage("/deliveries");
  const sp = await searchParams;
  const status = statusParam.parse(single(sp.status));
  const method = methodParam.parse(single(sp.method));
  // One more than shown tells whether there are older rows beyond the limit.
  const found = await listDeliveries(getDb(), actor, {
    status,
    method,
    limit: DELIVERY_LIST_LIMIT + 1,
  });
  const rows = found.slice(0, DELIVERY_LIST_LIMIT);
  const canRetry = mayRunAction(actor.role, "deliveries.retry");
  const t = await getTranslations("outbox");
  const tAll = await getTranslations();

  function timing(r: DeliveryRow) {
    if (r.status === "sent" && r.sentAt) {
      return (
        <>
          {t("sentAt", { date: formatDateTime(r.sentAt) })}
          {r.method === "pickup" && (
            <p className={`${styles.note} ${styles.secondary}`}>
              {r.pickedUpAt
                ? t("pickedUpAt", { date: formatDateTime(r.pickedUpAt) })
                : t("notPickedUp")}
            </p>
          )}
        </>
      );
    }
    if (r.status === "queued") return t("nextAttempt", { date: formatDateTime(r.nextAttemptAt) });
    return "";
  }

  return (
    <>
      <PageHeader
        title={t("title")}
        intro={t("intro")}
        actions={
          <ButtonRow>
            <ExportButtons list="deliveries" query={sp} />
            {mayOpenPage(actor.role, "/deliveries/batch") && (
              <LinkButton href="/deliveries/batch" variant="outlined">
                {tAll("batch.title")}
              </LinkButton>
            )}
          </ButtonRow>
        }
      />
      <div className={styles.stack}>
        <ViewTabs
          label={t("statusFilter")}
          current={status ?? "all"}
          views={[
            { value: "all", label: t("allStatuses"), href: hrefOf(undefined, method) },
            ...deliveryStatuses.map((s) => ({
              value: s,
              label: t(`statuses.${s}`),
              href: hrefOf(s, method),
            })),
          ]}
        />
        <ViewTabs
          label={t("methodFilter")}
          current={method ?? "all"}
          views={[
            { value: "all", label: t("allMethods"), href: hrefOf(status, undefined) },
            ...deliveryMethods.map((m) => ({
              value: m,
              label: t(`methods.${m}`),
              href: hrefOf(status, m),
            })),
          ]}
        />
      </div>
      {found.length > DELIVERY_LIST_LIMIT && (
        <p className={styles.spaced} role="note">
          {t("limitNote", { max: DELIVERY_LIST_LIMIT })}
        </p>
      )}
      <DataTable
        caption={t("caption")}
        empty={t("none")}
        columns={[
          { key: "created", label: t("columns.created") },
          { key: "kind", label: t("columns.kind") },
          { key: "caseOid", label: t("columns.caseOid") },
          { key: "provider", label: t("columns.provider") },
          { key: "recipient", label: t("columns.recipient") },
          { key: "method", label: t("columns.method") },
          { key: "status", label: t("columns.status") },
          { key: "attempts", label: t("columns.attempts"), align: "right" },
          { key: "timing", label: t("columns.timing") },
          { key: "response", label: t("columns.response") },
          { key: "messageId", label: t("columns.messageId") },
          ...(canRetry ? [{ key: "actions", label: t("columns.actions") }] : []),
        ]}
        rows={rows.map((r) => ({
          id: r.id,
          cells: {
            created: formatDateTime(r.createdAt),
            kind:
              r.kind === "batch" ? t("kinds.batch", { count: r.caseCount }) : t("kinds.case_oid"),
            caseOid:
              r.caseId && r.caseOid ? <Link href={`/cases/${r.caseId}`}>{r.caseOid}</Link> : "",
            provider: r.providerName,
            recipient: (
              <>
                {r.contactName}
                <p className={`${styles.note} ${styles.secondary} ${styles.breakAll}`}>
                  {r.recipient}
                </p>
              </>
            ),
            method: t(`methods.${r.method}`),
            status: (
              <StatusChip
                color={STATUS_COLOR[r.status]}
                label={t(`statuses.${r.status}`)}
                testId="delivery-status"
              />
            ),
            attempts: t("attemptsOf", { count: r.attempts, max: r.maxAttempts }),
            timing: timing(r),
            response: (
              <p className={`${styles.note} ${styles.response}`}>
                {r.status === "sent" ? (r.smtpResponse ?? "") : (r.lastError ?? r.smtpResponse)}
              </p>
            ),
            messageId: <span className={styles.code}>{r.messageId}</span>,
            ...(canRetry
              ? {
                  actions:
                    r.status === "failed" ? (
                      <div className={styles.retry}>
                        <SimpleActionForm
                          action={retryDeliveryAction}
                          ariaLabel={t("retryForm", { name: `${r.contactName} ${r.recipient}` })}
                          submit={t("retry")}
                          fields={[{ name: "id", label: "", type: "hidden", defaultValue: r.id }]}
                        />
                      </div>
                    ) : null,
                }
              : {}),
          },
        }))}
      />
    </>
  );
}
