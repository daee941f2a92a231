import { Alert, Box, LinearProgress, Paper, Typography } from "@mui/material";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db";
import { deliveryStatuses } from "@/db/schema";
import { requirePage } from "@/lib/auth/actor";
import { batchProgress, listBatches, previewBatch } from "@/lib/delivery/batch";
import { formatCalendarDate, formatDateTime } from "@/lib/i18n/format";
import { single } from "@/lib/i18n/pick";
import { DataTable } from "@/components/DataTable";
import { EmptyState, PageHeader, Section } from "@/components/Page";
import { Link } from "@/components/Link";
import { BatchAutoRefresh, BatchSend } from "@/components/BatchSend";
import { titled } from "@/components/metadata";

export const generateMetadata = titled("batch.title");

const HOW = ["who", "one", "pickup", "noContact", "twice", "progress"] as const;

/** The case-number batch (by 31 August): preview per provider, send, and a batch's progress. */
export default async function BatchPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePage("/deliveries/batch");
  const sp = await searchParams;
  // A batch id is not client data, so it may sit in the URL.
  const batchId = z
    .uuid()
    .optional()
    .catch(undefined)
    .parse(single(sp.batch) || undefined);
  const db = getDb();
  const [preview, progress, history] = await Promise.all([
    previewBatch(db, actor),
    batchId ? batchProgress(db, actor, batchId) : null,
    listBatches(db, actor),
  ]);
  const t = await getTranslations("batch");
  if (!preview.ok) {
    const tAll = await getTranslations();
    return <Alert severity="error">{tAll(preview.message as "validation.forbidden")}</Alert>;
  }
  const { totals } = preview;
  const methodLabel = (m: "smime" | "pgp" | "pickup") => t(`methods.${m}`);

  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <Typography sx={{ mb: 3, fontWeight: 600 }}>
        {t("deadline", { date: formatCalendarDate(preview.deadline) })}
      </Typography>

      {batchId && (
        <Section title={t("progress.title")}>
          {progress?.ok ? (
            <Paper variant="outlined" sx={{ p: 3, display: "grid", gap: 2 }}>
              <BatchAutoRefresh active={progress.queued + progress.sending > 0} />
              <Typography>
                {t("progress.started", { date: formatDateTime(progress.startedAt) })}
              </Typography>
              <Box>
                <Typography sx={{ mb: 0.5 }}>
                  {t("progress.label", { sent: progress.sent, count: progress.total })}
                </Typography>
                <LinearProgress
                  variant="determinate"
                  value={
                    progress.total > 0 ? Math.round((progress.sent / progress.total) * 100) : 0
                  }
                  aria-label={t("progress.label", { sent: progress.sent, count: progress.total })}
                />
              </Box>
              <DataTable
                caption={t("progress.caption")}
                columns={[
                  { key: "status", label: t("progress.status") },
                  { key: "count", label: t("progress.count"), align: "right" },
                ]}
                rows={deliveryStatuses.map((s) => ({
                  id: s,
                  cells: { status: t(`progress.statuses.${s}`), count: progress[s] },
                }))}
                empty=""
              />
              <div role="status" aria-live="polite">
                <Typography>
                  {progress.queued + progress.sending > 0
                    ? t("progress.refreshing")
                    : t("progress.done")}
                </Typography>
                {progress.failed > 0 && (
                  <Alert severity="warning" sx={{ mt: 1 }}>
                    {t("progress.failed", { count: progress.failed })}
                  </Alert>
                )}
              </div>
            </Paper>
          ) : (
            <Alert severity="error">{t("progress.notFound")}</Alert>
          )}
        </Section>
      )}

      <Section title={t("preview.title")}>
        {preview.providers.length === 0 ? (
          <EmptyState title={t("preview.emptyTitle")} body={t("preview.emptyBody")} />
        ) : (
          <Box sx={{ display: "grid", gap: 2 }}>
            {totals.blocked > 0 && (
              <Alert severity="warning">
                <Typography sx={{ fontWeight: 600 }}>{t("problems.title")}</Typography>
                {t("problems.body", { count: totals.blocked })}
              </Alert>
            )}
            <DataTable
              caption={t("summary.caption")}
              columns={[
                { key: "item", label: t("summary.item") },
                { key: "count", label: t("summary.count"), align: "right" },
              ]}
              rows={(
                [
                  ["providers", totals.providers],
                  ["sendable", totals.sendable],
                  ["blocked", totals.blocked],
                  ["cases", totals.casesSendable],
                  ["messages", totals.messages],
                  ["smime", totals.methods.smime],
                  ["pgp", totals.methods.pgp],
                  ["pickup", totals.methods.pickup],
                ] as const
              ).map(([key, value]) => ({
                id: key,
                cells: { item: t(`summary.${key}`), count: value },
              }))}
              empty=""
            />
            <DataTable
              caption={t("preview.caption")}
              columns={[
                { key: "provider", label: t("preview.provider") },
                { key: "systems", label: t("preview.systems") },
                { key: "cases", label: t("preview.cases"), align: "right" },
                { key: "recipients", label: t("preview.recipients") },
              ]}
              rows={preview.providers.map((p) => ({
                id: p.providerId,
                cells: {
                  provider: <Link href={`/providers/${p.providerId}`}>{p.name}</Link>,
                  systems: p.systems.join(", "),
                  cases: p.cases,
                  recipients: p.noRecipients ? (
                    <Typography color="error" variant="body2" sx={{ fontWeight: 600 }}>
                      {t("preview.noRecipients")}
                    </Typography>
                  ) : (
                    <Box component="ul" sx={{ m: 0, pl: 2 }}>
                      {p.recipients.map((r) => (
                        <li key={r.contactId}>
                          {t("preview.recipient", {
                            name: r.name,
                            email: r.email,
                            kind: methodLabel(r.method),
                          })}
                        </li>
                      ))}
                    </Box>
                  ),
                },
              }))}
              empty={t("preview.emptyBody")}
            />
          </Box>
        )}
      </Section>

      <Section title={t("send.title")}>
        <Paper variant="outlined" sx={{ p: 3 }}>
          <BatchSend messages={totals.messages} />
        </Paper>
      </Section>

      <Section title={t("howTitle")}>
        <Box component="ul" sx={{ maxWidth: "75ch", pl: 3, my: 0 }}>
          {HOW.map((k) => (
            <Typography component="li" key={k} sx={{ mb: 1 }}>
              {t(`how.${k}`)}
            </Typography>
          ))}
        </Box>
      </Section>

      {Array.isArray(history) && (
        <Section title={t("history.title")}>
          <DataTable
            caption={t("history.caption")}
            columns={[
              { key: "started", label: t("history.started") },
              { key: "messages", label: t("history.messages"), align: "right" },
              { key: "sent", label: t("history.sent"), align: "right" },
              { key: "failed", label: t("history.failed"), align: "right" },
            ]}
            rows={history.map((b) => ({
              id: b.batchId,
              cells: {
                started: (
                  <Link
                    href={`/deliveries/batch?batch=${b.batchId}`}
                    aria-current={b.batchId === batchId ? "page" : undefined}
                  >
                    {formatDateTime(b.startedAt)}
                  </Link>
                ),
                messages: b.messages,
                sent: b.sent,
                failed: b.failed,
              },
            }))}
            empty={t("history.empty")}
          />
        </Section>
      )}
    </>
  );
}
