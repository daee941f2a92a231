import { getTranslations } from "next-intl/server";
import { Box, Typography } from "@mui/material";
import { LinkButton } from "@/components/Link";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <Box component="main" id="main" sx={{ p: 4, maxWidth: "70ch" }}>
      <Typography variant="h1" gutterBottom>
        {t("notFoundTitle")}
      </Typography>
      <Typography sx={{ mb: 3 }}>{t("notFoundBody")}</Typography>
      <LinkButton href="/" variant="contained">
        {t("goHome")}
      </LinkButton>
    </Box>
  );
}
