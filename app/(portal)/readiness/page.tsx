import { Box, Paper, Typography } from "@mui/material";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requirePage } from "@/lib/auth/actor";
import { readinessSummary } from "@/lib/readiness/queries";
import { formatCalendarDate } from "@/lib/i18n/format";
import { PageHeader, Section } from "@/components/Page";
import { titled } from "@/components/metadata";

export const generateMetadata = titled("readiness.title");

export default async function ReadinessPage() {
  const actor = await requirePage("/readiness");
  const s = await readinessSummary(getDb(), actor);
  const t = await getTranslations("readiness");
  const figures = [
    { label: t("providers"), value: s.providers },
    { label: t("withOid"), value: s.withOid },
    { label: t("systemsPassed"), value: s.systemsPassed },
    { label: t("openWindows"), value: s.openWindows },
  ];
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <Box
        component="dl"
        sx={{
          display: "grid",
          gap: 2,
          gridTemplateColumns: "repeat(auto-fit, minmax(200px, 1fr))",
          m: 0,
        }}
      >
        {figures.map((f) => (
          <Paper key={f.label} variant="outlined" sx={{ p: 2 }}>
            <Typography component="dt" variant="body2" color="text.secondary">
              {f.label}
            </Typography>
            <Typography component="dd" variant="h2" sx={{ m: 0, fontSize: "2rem" }}>
              {f.value}
            </Typography>
          </Paper>
        ))}
      </Box>
      <Section title={t("keyDates")}>
        <ul>
          <li>{t("goLive", { date: formatCalendarDate("2026-06-15") })}</li>
          <li>{t("caseNumbers", { date: formatCalendarDate("2026-08-31") })}</li>
          <li>{t("useBy", { date: formatCalendarDate("2026-09-01") })}</li>
        </ul>
      </Section>
    </>
  );
}
