import { Paper, Typography } from "@mui/material";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requirePage } from "@/lib/auth/actor";
import { organiserOf } from "@/lib/auth/scope";
import { formatDateTime } from "@/lib/i18n/format";
import { savePolicyAction } from "@/lib/policy/actions";
import { currentPolicy, listPolicyVersions } from "@/lib/policy/queries";
import { DataTable } from "@/components/DataTable";
import { PageHeader, Section } from "@/components/Page";
import { PolicyForm } from "@/components/PolicyForm";
import { titled } from "@/components/metadata";

export const generateMetadata = titled("policy.title");

export default async function PolicyPage() {
  const actor = await requirePage("/settings/policy");
  const organiserId = organiserOf(actor);
  const db = getDb();
  const [current, versions] = await Promise.all([
    currentPolicy(db, organiserId),
    listPolicyVersions(db, organiserId),
  ]);
  const t = await getTranslations();
  const inForce = (v: number) =>
    v === current.version ? `${v} (${t("policy.inForce")})` : String(v);
  const rows = [
    ...versions.map((v) => ({
      id: String(v.version),
      cells: {
        version: inForce(v.version),
        savedBy: v.createdByName ?? t("policy.unknownUser"),
        savedAt: formatDateTime(v.createdAt),
      },
    })),
    {
      id: "0",
      cells: { version: inForce(0), savedBy: t("policy.builtInDefaults"), savedAt: "–" },
    },
  ];
  return (
    <>
      <PageHeader title={t("policy.title")} intro={t("policy.intro")} />
      <Typography sx={{ mb: 2 }}>
        {current.version === 0
          ? t("policy.defaultsInForce")
          : t("policy.versionInForce", { version: current.version })}
      </Typography>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <PolicyForm
          action={savePolicyAction}
          settings={current.settings}
          version={current.version}
        />
      </Paper>
      <Section title={t("policy.historyTitle")}>
        <DataTable
          caption={t("policy.historyCaption")}
          columns={[
            { key: "version", label: t("policy.version") },
            { key: "savedBy", label: t("policy.savedBy") },
            { key: "savedAt", label: t("policy.savedAt") },
          ]}
          rows={rows}
          empty=""
        />
      </Section>
    </>
  );
}
