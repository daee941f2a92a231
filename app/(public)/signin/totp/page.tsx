import { Box, Button, Paper, Stack, Typography } from "@mui/material";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { getSessionState } from "@/lib/auth/actor";
import { safeCallback } from "@/lib/auth/callback";
import { signOutAction } from "@/lib/auth/session-actions";
import { enrolment } from "@/lib/auth/totp";
import { TotpForm } from "@/components/TotpForm";
import { titled } from "@/components/metadata";

export const generateMetadata = titled("totp.title");

/**
 * The second step for provider contacts whose organisers require TOTP: enrolment (QR code and
 * the key as text) or the code. Only a session waiting for its second factor sees this page.
 */
export default async function TotpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const callbackUrl = safeCallback((await searchParams).callbackUrl);
  const state = await getSessionState();
  if (!state.mfa) redirect(state.actor ? callbackUrl : "/signin");
  const t = await getTranslations("totp");
  const enrol =
    state.mfa.required === "enrol"
      ? await enrolment(getDb(), state.mfa.actor.userId, state.mfa.label)
      : null;
  return (
    <Box sx={{ maxWidth: 760 }}>
      <Typography variant="h1" gutterBottom>
        {enrol ? t("enrolTitle") : t("title")}
      </Typography>
      <Paper variant="outlined" component="section" sx={{ p: 3 }}>
        {enrol ? (
          <Stack spacing={2}>
            <Typography>{t("enrolIntro")}</Typography>
            {/* eslint-disable-next-line @next/next/no-img-element -- a data URL made on the server */}
            <img src={enrol.qrDataUrl} alt={t("qrAlt")} width={240} height={240} />
            <Typography>{t("manualKey")}</Typography>
            <Typography
              component="code"
              data-testid="totp-secret"
              sx={{ fontFamily: "monospace", fontSize: "1.1rem", wordBreak: "break-all" }}
            >
              {enrol.secret.replace(/(.{4})/g, "$1 ").trim()}
            </Typography>
            <TotpForm callbackUrl={callbackUrl} submit={t("enrolSubmit")} />
          </Stack>
        ) : (
          <Stack spacing={2}>
            <Typography>{t("intro")}</Typography>
            <TotpForm callbackUrl={callbackUrl} submit={t("submit")} />
          </Stack>
        )}
      </Paper>
      <Box component="form" action={signOutAction} sx={{ mt: 3 }}>
        <Button type="submit">{t("signOut")}</Button>
      </Box>
    </Box>
  );
}
