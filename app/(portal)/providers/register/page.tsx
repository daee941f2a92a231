import { Alert, Paper } from "@mui/material";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requirePage } from "@/lib/auth/actor";
import { latestSnapshot } from "@/lib/registry/register";
import { formatDateTime } from "@/lib/i18n/format";
import { PageHeader } from "@/components/Page";
import { RegisterUpload } from "@/components/RegisterUpload";
import { titled } from "@/components/metadata";

export const generateMetadata = titled("registry.registerTitle");

export default async function RegisterPage() {
  await requirePage("/providers/register");
  const snapshot = await latestSnapshot(getDb());
  const t = await getTranslations("registry");
  return (
    <>
      <PageHeader title={t("registerTitle")} intro={t("registerIntro")} />
      <Alert severity={snapshot ? "info" : "warning"} sx={{ mb: 3 }}>
        {snapshot
          ? t("latest", {
              date: formatDateTime(snapshot.uploadedAt),
              entries: snapshot.entryCount,
              social: snapshot.socialUnitCount,
            })
          : t("noSnapshot")}
      </Alert>
      <Paper variant="outlined" sx={{ p: 3 }}>
        <RegisterUpload />
      </Paper>
    </>
  );
}
