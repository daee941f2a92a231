import { Box, Chip, Paper, Typography } from "@mui/material";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import type { ReminderStatus } from "@/db/schema";
import { requirePage } from "@/lib/auth/actor";
import { organiserOf } from "@/lib/auth/scope";
import { formatDateTime } from "@/lib/i18n/format";
import { runRemindersNowAction, saveReminderScheduleAction } from "@/lib/reminders/actions";
import { getReminderSettings, listReminderLog } from "@/lib/reminders/operations";
import { formatDaysList, stepOf } from "@/lib/reminders/rules";
import { DataTable } from "@/components/DataTable";
import { PageHeader, Section } from "@/components/Page";
import { SimpleActionForm } from "@/components/SimpleActionForm";
import { titled } from "@/components/metadata";

export const generateMetadata = titled("reminders.title");

const LOG_LIMIT = 200;

const STATUS_COLOR: Record<ReminderStatus, "default" | "success" | "error"> = {
  queued: "default",
  sent: "success",
  failed: "error",
};

export default async function RemindersPage() {
  const actor = await requirePage("/readiness/reminders");
  const organiserId = organiserOf(actor);
  const db = getDb();
  const [current, log] = await Promise.all([
    getReminderSettings(db, organiserId),
    listReminderLog(db, actor, LOG_LIMIT),
  ]);
  const t = await getTranslations("reminders");
  const s = current.settings;
  const on = (v: boolean) => (v ? "on" : "");

  const targetText = (key: string) => {
    const step = stepOf(key);
    if (!step) return key;
    return "days" in step
      ? t("log.daysBefore", { count: step.days })
      : t("log.round", { count: step.round + 1 });
  };

  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <Section title={t("schedule.title")}>
        <Typography sx={{ mb: 2 }}>
          {current.saved
            ? t("schedule.lastSaved", {
                date: formatDateTime(current.saved.updatedAt),
                name: current.saved.updatedByName ?? "–",
              })
            : t("schedule.defaultsInUse")}
        </Typography>
        <Paper variant="outlined" sx={{ p: 2 }}>
          <SimpleActionForm
            action={saveReminderScheduleAction}
            ariaLabel={t("schedule.formLabel")}
            submit={t("schedule.save")}
            fields={[
              {
                name: "oidMissingEnabled",
                label: t("schedule.oidMissingEnabled"),
                type: "checkbox",
                defaultValue: on(s.oidMissingEnabled),
              },
              {
                name: "oidMissingDays",
                label: t("schedule.oidMissingDays"),
                defaultValue: formatDaysList(s.oidMissingDays),
                helperText: t("schedule.oidMissingDaysHelp"),
                required: true,
              },
              {
                name: "windowShouldCloseEnabled",
                label: t("schedule.windowShouldCloseEnabled"),
                type: "checkbox",
                defaultValue: on(s.windowShouldCloseEnabled),
              },
              {
                name: "windowRepeatDays",
                label: t("schedule.windowRepeatDays"),
                defaultValue: String(s.windowRepeatDays),
                required: true,
              },
              {
                name: "deleteClientDataEnabled",
                label: t("schedule.deleteClientDataEnabled"),
                type: "checkbox",
                defaultValue: on(s.deleteClientDataEnabled),
              },
              {
                name: "deleteDaysBefore",
                label: t("schedule.deleteDaysBefore"),
                defaultValue: String(s.deleteDaysBefore),
                helperText: t("schedule.deleteDaysBeforeHelp"),
                required: true,
              },
            ]}
          />
        </Paper>
      </Section>
      <Section title={t("run.title")}>
        <Typography sx={{ mb: 2, maxWidth: "70ch" }}>{t("run.intro")}</Typography>
        <SimpleActionForm
          action={runRemindersNowAction}
          ariaLabel={t("run.formLabel")}
          submit={t("run.button")}
          fields={[]}
        />
      </Section>
      <Section title={t("log.title")}>
        {log.length >= LOG_LIMIT && (
          <Typography sx={{ mb: 1 }} color="text.secondary">
            {t("log.limited", { count: LOG_LIMIT })}
          </Typography>
        )}
        <DataTable
          caption={t("log.caption")}
          columns={[
            { key: "kind", label: t("log.kind") },
            { key: "recipient", label: t("log.recipient") },
            { key: "target", label: t("log.target") },
            { key: "sentAt", label: t("log.sentAt") },
            { key: "status", label: t("log.status") },
          ]}
          rows={log.map((r) => ({
            id: r.id,
            cells: {
              kind: t(`kinds.${r.kind}`),
              recipient: r.recipient,
              target: (
                <Box>
                  <span>{targetText(r.targetKey)}</span>
                  <Typography
                    component="span"
                    variant="caption"
                    color="text.secondary"
                    sx={{ display: "block", fontFamily: "monospace", wordBreak: "break-all" }}
                  >
                    {r.targetKey}
                  </Typography>
                </Box>
              ),
              sentAt: r.sentAt ? formatDateTime(r.sentAt) : "–",
              status: r.status ? (
                <Chip
                  size="small"
                  variant="outlined"
                  color={STATUS_COLOR[r.status]}
                  label={t(`statuses.${r.status}`)}
                />
              ) : (
                "–"
              ),
            },
          }))}
          empty={t("log.empty")}
        />
      </Section>
    </>
  );
}
