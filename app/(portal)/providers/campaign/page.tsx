import { Paper, Stack, Typography } from "@mui/material";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requirePage } from "@/lib/auth/actor";
import { inviteAction, openCampaignAction } from "@/lib/campaigns/actions";
import { listCampaigns } from "@/lib/campaigns/queries";
import { defaultCampaignWindow } from "@/lib/campaigns/rules";
import { formatCalendarDate } from "@/lib/i18n/format";
import { helsinkiDate } from "@/lib/i18n/today";
import { PageHeader, Section } from "@/components/Page";
import { SimpleActionForm } from "@/components/SimpleActionForm";
import { titled } from "@/components/metadata";

export const generateMetadata = titled("registry.campaignTitle");

export default async function CampaignPage() {
  const actor = await requirePage("/providers/campaign");
  const list = await listCampaigns(getDb(), actor);
  const t = await getTranslations("registry");
  const today = helsinkiDate();
  // Propose this year's window until it has closed, then next year's.
  const year = Number(today.slice(0, 4));
  const proposal = defaultCampaignWindow(today > `${year}-06-15` ? year + 1 : year);
  return (
    <>
      <PageHeader title={t("campaignTitle")} intro={t("campaignIntro")} />
      <Section title={t("campaignsHeading")}>
        {list.length === 0 ? (
          <Typography>{t("noCampaigns")}</Typography>
        ) : (
          <Stack spacing={2}>
            {list.map((c) => (
              <Paper
                key={c.id}
                variant="outlined"
                sx={{ p: 2 }}
                component="article"
                aria-label={`${formatCalendarDate(c.opensOn)}–${formatCalendarDate(c.closesOn)}`}
              >
                <Typography variant="h3" gutterBottom>
                  {formatCalendarDate(c.opensOn)}–{formatCalendarDate(c.closesOn)}
                </Typography>
                <Typography sx={{ mb: 1 }}>
                  {t("invitations")}: {c.invitations} · {t("sent")}: {c.sent} · {t("failed")}:{" "}
                  {c.failed}
                </Typography>
                <SimpleActionForm
                  action={inviteAction}
                  ariaLabel={t("invite")}
                  submit={c.invitations > 0 ? t("inviteAgain") : t("invite")}
                  fields={[{ name: "campaignId", label: "", type: "hidden", defaultValue: c.id }]}
                />
              </Paper>
            ))}
          </Stack>
        )}
      </Section>
      <Section title={t("newCampaign")}>
        <Paper variant="outlined" sx={{ p: 2 }}>
          <SimpleActionForm
            action={openCampaignAction}
            ariaLabel={t("newCampaign")}
            submit={t("openCampaign")}
            fields={[
              {
                name: "opensOn",
                label: t("opensOn"),
                type: "date",
                defaultValue: proposal.opensOn,
                required: true,
              },
              {
                name: "closesOn",
                label: t("closesOn"),
                type: "date",
                defaultValue: proposal.closesOn,
                required: true,
              },
            ]}
          />
        </Paper>
      </Section>
    </>
  );
}
