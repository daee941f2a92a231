import { Paper, Table, TableBody, TableCell, TableRow } from "@mui/material";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db";
import { auditOutOfScope, requirePage } from "@/lib/auth/actor";
import { getOwnUnit } from "@/lib/providers/queries";
import { formatCalendarDate } from "@/lib/i18n/format";
import { PageHeader } from "@/components/Page";
import { Link } from "@/components/Link";
import { titled } from "@/components/metadata";

export const generateMetadata = titled("providerSide.unitDetail");

export default async function OwnUnitPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePage(
    "/provider/units/[id]",
    `/provider/units/${encodeURIComponent(id)}`,
  );
  const unitId = z.uuid().safeParse(id);
  // The query is scoped to the actor's provider: another provider's unit id finds nothing.
  const unit = unitId.success ? await getOwnUnit(getDb(), actor, unitId.data) : null;
  if (!unit) {
    await auditOutOfScope(actor, "service_unit", id, "provider.unit.view");
    notFound();
  }
  const t = await getTranslations();
  const rows: [string, string][] = [
    [t("units.oid"), unit.oid ?? t("units.noOid")],
    [t("units.municipality"), unit.municipality],
    [t("units.cis"), unit.cisName ?? t("common.notSet")],
    [
      t("units.kanta"),
      unit.kantaInUse
        ? unit.kantaSince
          ? t("units.kantaSince", { date: formatCalendarDate(unit.kantaSince) })
          : t("common.yes")
        : t("common.no"),
    ],
  ];
  return (
    <>
      <PageHeader title={unit.name} intro={t("providerSide.unitDetail")} />
      <Paper variant="outlined" sx={{ mb: 3 }}>
        {/* Label–value rows: long values (OIDs) wrap so the table fits 320 px. */}
        <Table sx={{ "& td, & th": { overflowWrap: "anywhere" } }}>
          <TableBody>
            {rows.map(([k, v]) => (
              <TableRow key={k}>
                <TableCell component="th" scope="row" sx={{ fontWeight: 600, width: "40%" }}>
                  {k}
                </TableCell>
                <TableCell>{v}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      <Link href="/provider/units">{t("common.back")}</Link>
    </>
  );
}
