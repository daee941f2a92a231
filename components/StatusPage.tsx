import { getTranslations } from "next-intl/server";
import { Box, Typography } from "@mui/material";
import { LinkButton } from "@/components/Link";

/**
 * The body of a 404 or 403 page. It is drawn inside the route group's layout (the portal's or
 * the public frame: header, navigation, footer with the accessibility links), so a refused or
 * missing page still has a way on. Next.js renders every not-found and forbidden boundary into
 * each response of its segment, so this stays small: the frame is not drawn a second time.
 */
export async function StatusPage({ kind }: { kind: "notFound" | "forbidden" }) {
  const t = await getTranslations("errors");
  return (
    <Box sx={{ maxWidth: "70ch" }}>
      <Typography variant="h1" gutterBottom>
        {t(kind === "notFound" ? "notFoundTitle" : "forbiddenTitle")}
      </Typography>
      <Typography sx={{ mb: 3 }}>
        {t(kind === "notFound" ? "notFoundBody" : "forbiddenBody")}
      </Typography>
      <LinkButton href="/" variant="contained">
        {t("goHome")}
      </LinkButton>
    </Box>
  );
}
