import { Box, Link, Typography } from "@mui/material";
import { getTranslations } from "next-intl/server";
import { titled } from "@/components/metadata";
import { getConfig } from "@/lib/config";
import { formatCalendarDate } from "@/lib/i18n/format";

export const generateMetadata = titled("accessibility.title");

/** When the statement was first written and last reviewed: update with each review. */
const STATEMENT_CREATED = "2026-11-23";
const STATEMENT_UPDATED = "2026-11-23";

const ISSUES = ["issueCharts", "issueFiles", "issueMail"] as const;

/**
 * The accessibility statement (saavutettavuusseloste) as the Act on the Provision of Digital
 * Services 306/2019 §15 requires: status, known non-conformities with reasons, how and when
 * assessed, the feedback channel with its response time and the supervisory authority.
 */
export default async function AccessibilityPage() {
  const t = await getTranslations("accessibility");
  const email = getConfig().accessibilityFeedbackEmail;
  const section = (id: string, title: string, body: React.ReactNode) => (
    <Box component="section" aria-labelledby={id} sx={{ mt: 3 }}>
      <Typography variant="h2" id={id} gutterBottom>
        {title}
      </Typography>
      {body}
    </Box>
  );
  return (
    <Box sx={{ maxWidth: "70ch" }}>
      <Typography variant="h1" gutterBottom>
        {t("title")}
      </Typography>
      <Typography>{t("scope")}</Typography>
      {section("acc-status", t("statusTitle"), <Typography>{t("status")}</Typography>)}
      {section(
        "acc-issues",
        t("issuesTitle"),
        <Box component="ul" sx={{ pl: 3, my: 0, display: "grid", gap: 1 }}>
          {ISSUES.map((k) => (
            <li key={k}>
              <Typography>{t(k)}</Typography>
            </li>
          ))}
        </Box>,
      )}
      {section(
        "acc-assessment",
        t("assessmentTitle"),
        <>
          <Typography sx={{ mb: 1 }}>{t("assessment")}</Typography>
          <Typography>
            {t("dates", {
              created: formatCalendarDate(STATEMENT_CREATED),
              updated: formatCalendarDate(STATEMENT_UPDATED),
            })}
          </Typography>
        </>,
      )}
      {section(
        "acc-feedback",
        t("feedbackTitle"),
        <>
          <Typography sx={{ mb: 1 }}>{t("feedbackBody", { email })}</Typography>
          <Link href={`mailto:${email}`}>{t("feedbackLink")}</Link>
        </>,
      )}
      {section(
        "acc-supervisor",
        t("supervisorTitle"),
        <>
          <Typography sx={{ mb: 1 }}>{t("supervisorBody")}</Typography>
          <Typography>{t("supervisorContact")}</Typography>
        </>,
      )}
    </Box>
  );
}
