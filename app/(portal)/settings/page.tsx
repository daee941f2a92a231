import { Box, Paper, Table, TableBody, TableCell, TableRow, Typography } from "@mui/material";
import { eq } from "drizzle-orm";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { organisers } from "@/db/schema";
import { requirePage } from "@/lib/auth/actor";
import { organiserOf } from "@/lib/auth/scope";
import { getConfig } from "@/lib/config";
import { orgName } from "@/lib/i18n/pick";
import { setDeliveryIdentifierAction } from "@/lib/delivery/view-actions";
import { setProviderTotpAction } from "@/lib/auth/totp-actions";
import { Link } from "@/components/Link";
import { PageHeader, Section } from "@/components/Page";
import { SimpleActionForm } from "@/components/SimpleActionForm";
import { titled } from "@/components/metadata";

export const generateMetadata = titled("settings.title");

export default async function SettingsPage() {
  const actor = await requirePage("/settings");
  const [org] = await getDb()
    .select()
    .from(organisers)
    .where(eq(organisers.id, organiserOf(actor)));
  const config = getConfig();
  const t = await getTranslations();
  const locale = await getLocale();
  const rows: [string, string][] = [
    [t("settings.organiser"), org ? `${orgName(org, locale)} (${org.code})` : ""],
    [
      t("settings.database"),
      config.databaseUrl ? t("settings.databasePg") : t("settings.databasePglite"),
    ],
    [t("settings.staffSignIn"), config.oidc ? config.oidc.name : t("settings.oidcNotConfigured")],
    [t("settings.magicLink"), t("settings.minutes", { count: config.magicLinkMinutes })],
    [t("settings.demoMode"), config.demoMode ? t("common.yes") : t("common.no")],
  ];
  return (
    <>
      <PageHeader
        title={t("settings.title")}
        actions={
          <Box sx={{ display: "flex", gap: 2 }}>
            <Link href="/settings/users">{t("users.title")}</Link>
            <Link href="/settings/policy">{t("policy.title")}</Link>
          </Box>
        }
      />
      <Paper variant="outlined">
        {/* Label–value rows: long values (OIDs) wrap so the table fits 320 px. */}
        <Table sx={{ "& td, & th": { overflowWrap: "anywhere" } }}>
          <TableBody>
            {rows.map(([k, v]) => (
              <TableRow key={k}>
                <TableCell component="th" scope="row" sx={{ fontWeight: 600, width: "40%" }}>
                  {k}
                </TableCell>
                <TableCell>{v}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      <Section title={t("outbox.identifier.title")}>
        <Typography sx={{ mb: 2, maxWidth: "70ch" }}>{t("outbox.identifier.intro")}</Typography>
        <SimpleActionForm
          action={setDeliveryIdentifierAction}
          ariaLabel={t("outbox.identifier.form")}
          submit={t("outbox.identifier.save")}
          fields={[
            {
              name: "deliveryIdentifier",
              label: t("outbox.identifier.label"),
              type: "select",
              required: true,
              defaultValue: org?.deliveryIdentifier ?? "birth_date",
              options: [
                { value: "birth_date", label: t("outbox.identifier.options.birth_date") },
                { value: "hetu", label: t("outbox.identifier.options.hetu") },
              ],
            },
          ]}
        />
      </Section>
      <Section title={t("totp.settingTitle")}>
        <Typography sx={{ mb: 2, maxWidth: "70ch" }}>{t("totp.settingIntro")}</Typography>
        <SimpleActionForm
          action={setProviderTotpAction}
          ariaLabel={t("totp.settingForm")}
          submit={t("totp.settingSave")}
          fields={[
            {
              name: "requireProviderTotp",
              label: t("totp.settingLabel"),
              type: "checkbox",
              defaultValue: org?.requireProviderTotp ? "on" : "",
            },
          ]}
        />
      </Section>
    </>
  );
}
