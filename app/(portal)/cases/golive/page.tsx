import { Box, Paper, Typography } from "@mui/material";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requirePage } from "@/lib/auth/actor";
import { organiserOf } from "@/lib/auth/scope";
import { goLiveFields } from "@/lib/golive/csv";
import { formatCalendarDate } from "@/lib/i18n/format";
import { currentPolicy } from "@/lib/policy/queries";
import { PageHeader, Section } from "@/components/Page";
import { GoLiveImport } from "@/components/GoLiveImport";
import { titled } from "@/components/metadata";

export const generateMetadata = titled("golive.title");

const HOW = ["eligible", "dates", "creates", "allOrNothing", "twice"] as const;

/** The go-live bulk step: existing clients get register access on the go-live date (rule 4). */
export default async function GoLivePage() {
  const actor = await requirePage("/cases/golive");
  const { settings } = await currentPolicy(getDb(), organiserOf(actor));
  const t = await getTranslations("golive");
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <Typography sx={{ mb: 3, fontWeight: 600 }}>
        {t("goLiveDate", { date: formatCalendarDate(settings.goLiveDate) })}
      </Typography>
      <Paper variant="outlined" sx={{ p: 3 }}>
        <GoLiveImport />
      </Paper>
      <Section title={t("howTitle")}>
        <Box component="ul" sx={{ maxWidth: "75ch", pl: 3, my: 0 }}>
          {HOW.map((k) => (
            <Typography component="li" key={k} sx={{ mb: 1 }}>
              {t(`how.${k}`, { count: settings.daysAfterEnd })}
            </Typography>
          ))}
        </Box>
      </Section>
      <Section title={t("columnsTitle")}>
        <Typography sx={{ mb: 2, maxWidth: "75ch" }}>{t("columnsIntro")}</Typography>
        <Box component="ul" sx={{ maxWidth: "75ch", pl: 3, my: 0 }}>
          {goLiveFields.map((f) => (
            <Typography component="li" key={f} sx={{ mb: 0.5 }}>
              {t(`columns.${f}`)}
            </Typography>
          ))}
        </Box>
        <Typography variant="h3" component="h3" sx={{ mt: 3, mb: 1, fontSize: "1.1rem" }}>
          {t("exampleTitle")}
        </Typography>
        {/* A long CSV header line scrolls in its own named region at 320 px (WCAG 1.4.10). */}
        <Box
          component="pre"
          tabIndex={0}
          role="region"
          aria-label={t("exampleTitle")}
          sx={{
            p: 2,
            m: 0,
            bgcolor: "action.hover",
            borderRadius: 1,
            overflowX: "auto",
            fontSize: "0.9rem",
          }}
        >
          <code>{t("exampleHeader")}</code>
        </Box>
      </Section>
    </>
  );
}
