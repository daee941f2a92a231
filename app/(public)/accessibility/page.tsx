import { Box, Typography } from "@mui/material";
import { getTranslations } from "next-intl/server";
import { titled } from "@/components/metadata";

export const generateMetadata = titled("accessibility.title");

export default async function AccessibilityPage() {
  const t = await getTranslations("accessibility");
  return (
    <Box sx={{ maxWidth: "70ch" }}>
      <Typography variant="h1" gutterBottom>
        {t("title")}
      </Typography>
      <Typography sx={{ mb: 2 }}>{t("body")}</Typography>
      <Typography variant="h2" gutterBottom>
        {t("feedbackTitle")}
      </Typography>
      <Typography sx={{ mb: 2 }}>{t("feedbackBody")}</Typography>
      <Typography>{t("supervisor")}</Typography>
    </Box>
  );
}
