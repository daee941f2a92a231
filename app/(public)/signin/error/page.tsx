import { Alert, Box, Typography } from "@mui/material";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/Link";
import { titled } from "@/components/metadata";

export const generateMetadata = titled("signin.errorTitle");

export default async function SignInErrorPage() {
  const t = await getTranslations("signin");
  return (
    <Box sx={{ maxWidth: "70ch" }}>
      <Typography variant="h1" gutterBottom>
        {t("errorTitle")}
      </Typography>
      <Alert severity="error" sx={{ mb: 3 }}>
        {t("errorBody")}
      </Alert>
      <Link href="/signin">{t("backToSignIn")}</Link>
    </Box>
  );
}
