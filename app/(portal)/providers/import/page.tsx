import { Paper, Typography } from "@mui/material";
import { getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/actor";
import { applyImportAction, dryRunImport } from "@/lib/registry/import-actions";
import { PageHeader } from "@/components/Page";
import { CsvImport } from "@/components/CsvImport";
import { titled } from "@/components/metadata";

export const generateMetadata = titled("import.title");

export default async function ImportPage() {
  await requirePage("/providers/import");
  const t = await getTranslations("import");
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <Typography sx={{ mb: 2 }}>{t("columnsHelp")}</Typography>
      <Paper variant="outlined" sx={{ p: 3 }}>
        <CsvImport dryRun={dryRunImport} apply={applyImportAction} />
      </Paper>
    </>
  );
}
