import { Alert, Box, Typography } from "@mui/material";
import { getTranslations } from "next-intl/server";
import { getConfig } from "@/lib/config";
import { Link } from "@/components/Link";
import { titled } from "@/components/metadata";

export const generateMetadata = titled("signin.checkEmailTitle");

export default async function CheckEmailPage() {
  const t = await getTranslations("signin");
  return (
    <Box sx={{ maxWidth: "70ch" }}>
      <Typography variant="h1" gutterBottom>
        {t("checkEmailTitle")}
      </Typography>
      <Alert severity="success" role="status" sx={{ mb: 3 }}>
        {t("checkEmailBody", { minutes: getConfig().magicLinkMinutes })}
      </Alert>
      <Link href="/signin">{t("backToSignIn")}</Link>
    </Box>
  );
}
