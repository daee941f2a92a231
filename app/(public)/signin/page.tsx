import { Alert, Box, Button, Divider, Paper, Stack, Typography } from "@mui/material";
import { asc, eq } from "drizzle-orm";
import { getLocale, getTranslations } from "next-intl/server";
import { orgName } from "@/lib/i18n/pick";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { organisers, providers, users } from "@/db/schema";
import { getConfig } from "@/lib/config";
import { getSessionState } from "@/lib/auth/actor";
import { signInDemo, signInOidc } from "@/lib/auth/session-actions";
import { safeCallback } from "@/lib/auth/callback";
import { MagicLinkForm } from "@/components/MagicLinkForm";
import { titled } from "@/components/metadata";

const ROLE_ORDER = ["caseworker", "project_staff", "admin", "provider_contact"];

export const generateMetadata = titled("signin.title");

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = await searchParams;
  const callbackUrl = safeCallback(sp.callbackUrl);
  const session = await getSessionState();
  if (session.actor) redirect(callbackUrl);
  if (session.mfa) redirect(`/signin/totp?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  const t = await getTranslations();
  const locale = await getLocale();
  const config = getConfig();
  const demoUsers = config.demoMode
    ? (
        await getDb()
          .select({
            id: users.id,
            name: users.name,
            role: users.role,
            organiser: organisers,
            provider: providers.name,
          })
          .from(users)
          .leftJoin(organisers, eq(organisers.id, users.organiserId))
          .leftJoin(providers, eq(providers.id, users.providerId))
          .where(eq(users.isDemo, true))
          .orderBy(asc(organisers.code), asc(users.name))
      ).sort((a, b) => ROLE_ORDER.indexOf(a.role ?? "") - ROLE_ORDER.indexOf(b.role ?? ""))
    : [];

  return (
    <Box sx={{ maxWidth: 760 }}>
      <Typography variant="h1" gutterBottom>
        {t("signin.title")}
      </Typography>
      <Typography sx={{ mb: 3 }}>{t("signin.intro")}</Typography>
      {sp.ended && !sp.signedOut && (
        <Alert severity="warning" sx={{ mb: 3 }}>
          {t("signin.sessionEnded")}
        </Alert>
      )}
      {sp.signedOut && (
        <Alert severity="info" sx={{ mb: 3 }}>
          {t("signin.signedOut")}
        </Alert>
      )}
      <Stack spacing={3}>
        <Paper variant="outlined" component="section" aria-labelledby="staff-heading" sx={{ p: 3 }}>
          <Typography variant="h2" id="staff-heading" gutterBottom>
            {t("signin.staffHeading")}
          </Typography>
          {config.oidc ? (
            <form action={signInOidc}>
              <Typography sx={{ mb: 2 }}>{t("signin.staffHelp")}</Typography>
              <input type="hidden" name="callbackUrl" value={callbackUrl} />
              <Button type="submit" variant="contained">
                {t("signin.staffButton", { name: config.oidc.name })}
              </Button>
            </form>
          ) : (
            <Typography color="text.secondary">{t("signin.staffNotConfigured")}</Typography>
          )}
        </Paper>
        <Paper
          variant="outlined"
          component="section"
          aria-labelledby="provider-heading"
          sx={{ p: 3 }}
        >
          <Typography variant="h2" id="provider-heading" gutterBottom>
            {t("signin.providerHeading")}
          </Typography>
          <Typography sx={{ mb: 2 }}>{t("signin.providerHelp")}</Typography>
          <MagicLinkForm
            callbackUrl={callbackUrl}
            labels={{
              email: t("signin.emailLabel"),
              help: t("signin.emailHelp"),
              submit: t("signin.sendLink"),
              invalid: t("validation.email", { field: t("signin.emailLabel") }),
            }}
          />
        </Paper>
        {demoUsers.length > 0 && (
          <Paper
            variant="outlined"
            component="section"
            aria-labelledby="demo-heading"
            sx={{ p: 3, bgcolor: "#fffaf0" }}
          >
            <Typography variant="h2" id="demo-heading" gutterBottom>
              {t("signin.demoHeading")}
            </Typography>
            <Typography sx={{ mb: 2 }}>{t("signin.demoHelp")}</Typography>
            <Divider sx={{ mb: 2 }} />
            <Stack spacing={1} sx={{ alignItems: "flex-start" }}>
              {demoUsers.map((u) => (
                <form key={u.id} action={signInDemo}>
                  <input type="hidden" name="userId" value={u.id} />
                  <input type="hidden" name="callbackUrl" value={callbackUrl} />
                  <Button type="submit" variant="outlined">
                    {t("signin.demoAs", {
                      name: u.name ?? "",
                      role: t(`roles.${u.role ?? "caseworker"}`),
                    })}
                    {" · "}
                    {u.organiser ? orgName(u.organiser, locale) : u.provider}
                  </Button>
                </form>
              ))}
            </Stack>
          </Paper>
        )}
      </Stack>
    </Box>
  );
}
