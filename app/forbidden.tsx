import { getTranslations } from "next-intl/server";
import { Box, Typography } from "@mui/material";
import { LinkButton } from "@/components/Link";

export default async function Forbidden() {
  const t = await getTranslations("errors");
  return (
    <Box component="main" id="main" sx={{ p: 4, maxWidth: "70ch" }}>
      <Typography variant="h1" gutterBottom>
        {t("forbiddenTitle")}
      </Typography>
      <Typography sx={{ mb: 3 }}>{t("forbiddenBody")}</Typography>
      <LinkButton href="/" variant="contained">
        {t("goHome")}
      </LinkButton>
    </Box>
  );
}
