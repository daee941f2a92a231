import { Box, Paper, Stack, Typography } from "@mui/material";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requirePage } from "@/lib/auth/actor";
import { expectedServiceUnitOidExample } from "@/lib/oid/validate";
import { getOwnProvider, listOwnUnits, listSystems } from "@/lib/providers/queries";
import { saveUnit } from "@/lib/registry/actions";
import { PageHeader } from "@/components/Page";
import { Link } from "@/components/Link";
import { OidStatusView } from "@/components/OidStatus";
import { UnitForm } from "@/components/UnitForm";
import { titled } from "@/components/metadata";

export const generateMetadata = titled("providerSide.unitsTitle");

export default async function OwnUnitsPage() {
  const actor = await requirePage("/provider/units");
  const db = getDb();
  const [provider, units, systems] = await Promise.all([
    getOwnProvider(db, actor),
    listOwnUnits(db, actor),
    listSystems(db),
  ]);
  const t = await getTranslations();
  const example = expectedServiceUnitOidExample(provider?.businessId ?? "");
  return (
    <>
      <PageHeader
        title={t("providerSide.unitsTitle")}
        intro={`${provider?.name ?? ""} (${t("providers.businessId")} ${provider?.businessId ?? ""}). ${t("providerSide.unitsIntro")}`}
      />
      <Stack spacing={3}>
        {units.map((u) => (
          <Paper
            key={u.id}
            variant="outlined"
            sx={{ p: { xs: 1.5, sm: 3 } }}
            component="section"
            aria-label={u.name}
          >
            <Box
              sx={{ display: "flex", gap: 2, alignItems: "flex-start", mb: 2, flexWrap: "wrap" }}
            >
              <Box sx={{ flexGrow: 1 }}>
                <Typography variant="body2" color="text.secondary">
                  {t("registry.status")}
                </Typography>
                <OidStatusView
                  status={u.oidStatus}
                  reason={u.oidReason}
                  late={u.oidSubmittedLate}
                />
              </Box>
              <Link href={`/provider/units/${u.id}`}>{t("providerSide.unitDetail")}</Link>
            </Box>
            <UnitForm unit={u} systems={systems} example={example} action={saveUnit} />
          </Paper>
        ))}
        <Paper
          variant="outlined"
          sx={{ p: { xs: 1.5, sm: 3 } }}
          component="section"
          aria-label={t("registry.addUnit")}
        >
          {/* UnitForm empties its own fields after each successful add */}
          <UnitForm unit={null} systems={systems} example={example} action={saveUnit} />
        </Paper>
      </Stack>
    </>
  );
}
