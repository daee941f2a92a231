import { Box, Paper, Stack, Typography } from "@mui/material";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { deploymentTestStatuses } from "@/db/schema";
import { mayRunAction } from "@/lib/auth/access";
import { requirePage } from "@/lib/auth/actor";
import { formatCalendarDate } from "@/lib/i18n/format";
import { listSystemsForOrganiser } from "@/lib/providers/queries";
import { addSystemAction, saveSystemStatusAction } from "@/lib/registry/staff-actions";
import { PageHeader, Section } from "@/components/Page";
import { SimpleActionForm } from "@/components/SimpleActionForm";
import { titled } from "@/components/metadata";
import { ExportButtons } from "@/components/ExportButtons";

export const generateMetadata = titled("registry.systemsTitle");

export default async function SystemsPage() {
  const actor = await requirePage("/providers/systems");
  const systems = await listSystemsForOrganiser(getDb(), actor);
  const t = await getTranslations();
  const canEdit = mayRunAction(actor.role, "registry.saveSystemStatus");
  const statusLabel = (s: string) =>
    t(`providerSide.testStatuses.${s}` as "providerSide.testStatuses.passed");
  return (
    <>
      <PageHeader
        title={t("registry.systemsTitle")}
        intro={t("registry.systemsIntro")}
        actions={<ExportButtons list="systems" />}
      />
      <Stack spacing={2}>
        {systems.map((s) => {
          const status = s.testStatus ?? "not_contacted";
          return (
            <Paper
              key={s.id}
              variant="outlined"
              sx={{ p: 2 }}
              component="section"
              aria-label={s.name}
            >
              <Box sx={{ display: "flex", gap: 2, flexWrap: "wrap", alignItems: "baseline" }}>
                <Typography variant="h2" sx={{ fontSize: "1.2rem" }}>
                  {s.name}
                </Typography>
                <Typography color="text.secondary">{s.vendor}</Typography>
              </Box>
              <Typography sx={{ my: 1 }}>
                {t("providerSide.testStatus")}: {statusLabel(status)}
                {s.testDate ? ` ${formatCalendarDate(s.testDate)}` : ""} ·{" "}
                {t("registry.providersOnSystem", { count: s.providers })}
                {" · "}
                {s.needsCaseNumbers
                  ? t("registry.needsCaseNumbersYes")
                  : t("registry.needsCaseNumbersNo")}
              </Typography>
              {canEdit && (
                <SimpleActionForm
                  action={saveSystemStatusAction}
                  ariaLabel={`${t("registry.editSystem")}: ${s.name}`}
                  submit={t("common.save")}
                  fields={[
                    { name: "cisId", label: "", type: "hidden", defaultValue: s.id },
                    {
                      name: "testStatus",
                      label: t("providerSide.testStatus"),
                      type: "select",
                      defaultValue: status,
                      options: deploymentTestStatuses.map((v) => ({
                        value: v,
                        label: statusLabel(v),
                      })),
                    },
                    {
                      name: "testDate",
                      label: t("registry.testDate"),
                      type: "date",
                      defaultValue: s.testDate ?? "",
                    },
                    {
                      name: "needsCaseNumbers",
                      label: t("registry.needsCaseNumbers"),
                      type: "checkbox",
                      defaultValue: s.needsCaseNumbers ? "on" : "",
                    },
                  ]}
                />
              )}
            </Paper>
          );
        })}
      </Stack>
      {canEdit && (
        <Section title={t("registry.addSystem")}>
          <Paper variant="outlined" sx={{ p: 2 }}>
            <SimpleActionForm
              action={addSystemAction}
              ariaLabel={t("registry.addSystem")}
              submit={t("registry.addSystem")}
              fields={[
                { name: "name", label: t("registry.systemName"), required: true },
                { name: "vendor", label: t("providerSide.vendor"), required: true },
              ]}
            />
          </Paper>
        </Section>
      )}
    </>
  );
}
