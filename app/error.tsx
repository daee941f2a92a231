"use client";

import { Box, Button, Typography } from "@mui/material";
import { useTranslations } from "next-intl";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <Box component="main" id="main" sx={{ p: 4, maxWidth: "70ch" }} role="alert">
      <Typography variant="h1" gutterBottom>
        {t("unexpectedTitle")}
      </Typography>
      <Typography sx={{ mb: 3 }}>{t("unexpectedBody")}</Typography>
      <Box sx={{ display: "flex", gap: 2 }}>
        <Button variant="contained" onClick={() => reset()}>
          {t("tryAgain")}
        </Button>
        <Button href="/" variant="outlined">
          {t("goHome")}
        </Button>
      </Box>
    </Box>
  );
}
