import { getTranslations } from "next-intl/server";
import { Box, Typography } from "@mui/material";
import { LinkButton } from "@/components/Link";
import PortalLayout from "./(portal)/layout";

export default async function Forbidden() {
  const t = await getTranslations("errors");
  return (
    // In the portal's frame (header, navigation, footer with the accessibility links), so a
    // refused or missing page still has a way on and the statement and feedback links.
    <PortalLayout>
      <Box sx={{ maxWidth: "70ch" }}>
        <Typography variant="h1" gutterBottom>
          {t("forbiddenTitle")}
        </Typography>
        <Typography sx={{ mb: 3 }}>{t("forbiddenBody")}</Typography>
        <LinkButton href="/" variant="contained">
          {t("goHome")}
        </LinkButton>
      </Box>
    </PortalLayout>
  );
}
