import {
  Box,
  GlobalStyles,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from "@mui/material";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { z } from "zod";
import { getDb } from "@/db";
import { auditOutOfScope, requirePage } from "@/lib/auth/actor";
import { providerReport } from "@/lib/exports/report";
import { formatCalendarDate, formatDateTime } from "@/lib/i18n/format";
import { Link } from "@/components/Link";
import { PrintButton } from "@/components/PrintButton";
import { titled } from "@/components/metadata";

export const generateMetadata = titled("exports.report.link");

/**
 * Printing shows the report alone on one A4 page: the app shell's skip link, demo banner,
 * header, navigation and footer (components/AppShell.tsx: every child of the shell's root but
 * the one holding #main, and the nav inside it) and the report's own buttons are hidden.
 */
const PRINT_CSS = `
@page { size: A4 portrait; margin: 12mm; }
@media print {
  header, nav, footer, a[href="#main"], .report-screen-only { display: none !important; }
  div:has(> header) > :not(:has(#main)) { display: none !important; }
  #main { padding: 0 !important; margin: 0 !important; max-width: none !important; }
  body { background: #fff !important; }
  .status-report { font-size: 9pt; color: #000; }
  .status-report h1 { font-size: 15pt; margin: 0 0 2pt; }
  .status-report h2 { font-size: 10.5pt; margin: 8pt 0 2pt; }
  .status-report p, .status-report li { font-size: 8.5pt; margin: 0 0 2pt; }
  .status-report th, .status-report td { font-size: 8pt; padding: 1pt 4pt; line-height: 1.25; }
  .status-report section { break-inside: avoid; }
}
`;

function ReportSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="section" sx={{ mt: 2.5 }}>
      <Typography variant="h2" sx={{ fontSize: "1.15rem", mb: 0.5 }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

function ReportTable({
  label,
  headers,
  rows,
}: {
  label: string;
  headers: string[];
  rows: { id: string; cells: ReactNode[] }[];
}) {
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          {headers.map((h) => (
            <TableCell key={h} scope="col" sx={{ fontWeight: 600 }}>
              {h}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.id}>
            {r.cells.map((c, i) => (
              <TableCell key={i}>{c}</TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export default async function ProviderReportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePage(
    "/providers/[id]/report",
    `/providers/${encodeURIComponent(id)}/report`,
  );
  const providerId = z.uuid().safeParse(id);
  const report = providerId.success ? await providerReport(getDb(), actor, providerId.data) : null;
  if (!report) {
    await auditOutOfScope(actor, "provider", id, "provider.view");
    notFound();
  }
  const t = await getTranslations();
  const { provider, units, counts } = report;

  // Each reason (or note) once, with the units it applies to: shorter than one list per unit.
  const reasons = new Map<string, string[]>();
  for (const u of units) {
    const keys = u.decision.eligible
      ? u.decision.note
        ? [u.decision.note]
        : []
      : u.decision.reasons;
    for (const k of keys) reasons.set(k, [...(reasons.get(k) ?? []), u.name]);
  }
  if (report.withoutUnits && !report.withoutUnits.eligible)
    for (const k of report.withoutUnits.reasons) reasons.set(k, []);

  return (
    <Box className="status-report">
      {/* Through Emotion, whose style tags carry the CSP nonce (ADR 12); a plain <style> would be blocked. */}
      <GlobalStyles styles={PRINT_CSS} />
      <Box
        className="report-screen-only"
        sx={{ display: "flex", gap: 2, alignItems: "center", flexWrap: "wrap", mb: 2 }}
      >
        <Link href={`/providers/${provider.id}`}>{t("exports.report.back")}</Link>
        <PrintButton label={t("exports.report.print")} />
      </Box>
      <Typography variant="h1" sx={{ fontSize: "1.8rem", mb: 0.5 }}>
        {t("exports.report.title", { name: provider.name })}
      </Typography>
      <Typography>
        {t("providers.businessId")} {provider.businessId}
        {" · "}
        {t("exports.report.printed", { date: formatDateTime(new Date()) })}
      </Typography>
      <Typography color="text.secondary" variant="body2">
        {t("exports.report.intro")}
      </Typography>

      <ReportSection title={t("providers.unitsHeading")}>
        {units.length === 0 ? (
          <Typography>{t("providers.noUnits")}</Typography>
        ) : (
          <ReportTable
            label={t("providers.unitsHeading")}
            headers={[
              t("units.name"),
              t("units.oid"),
              t("registry.status"),
              t("units.cis"),
              t("units.kanta"),
              t("exports.report.access"),
            ]}
            rows={units.map((u) => ({
              id: u.id,
              cells: [
                u.name,
                u.oid ?? t("units.noOid"),
                t(`registry.oidStatus.${u.oidStatus}`),
                u.cisName ?? t("common.notSet"),
                u.kantaInUse
                  ? u.kantaSince
                    ? t("units.kantaSince", { date: formatCalendarDate(u.kantaSince) })
                    : t("common.yes")
                  : t("common.no"),
                u.decision.eligible
                  ? t("exports.report.eligible")
                  : t("exports.report.notEligible"),
              ],
            }))}
          />
        )}
      </ReportSection>

      <ReportSection
        title={t("exports.report.eligibility", {
          date: formatCalendarDate(report.policy.goLiveDate),
        })}
      >
        <Typography>
          {t("exports.report.eligibleUnits", { count: report.eligibleUnits, max: units.length })}
          {" · "}
          {t("exports.report.services")}:{" "}
          {report.services.length > 0
            ? report.services.map((s) => t(`services.${s}` as "services.home_care")).join(", ")
            : t("exports.report.noServices")}
          {provider.serviceVoucher ? ` · ${t("providers.serviceVoucher")}` : ""}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t("exports.report.policyVersion", { version: report.policy.version })}
        </Typography>
        {reasons.size > 0 && (
          <Box component="ul" sx={{ pl: 2.5, my: 0.5 }}>
            {[...reasons].map(([key, names]) => (
              <li key={key}>
                <Typography variant="body2">
                  {t(`eligibility.${key}` as "eligibility.no_oid")}
                  {names.length > 0 &&
                    ` ${t("exports.report.appliesTo", { name: names.join(", ") })}`}
                </Typography>
              </li>
            ))}
          </Box>
        )}
      </ReportSection>

      <ReportSection title={t("registry.systemsTitle")}>
        {report.systems.length === 0 ? (
          <Typography>{t("exports.report.systemsNone")}</Typography>
        ) : (
          <ReportTable
            label={t("registry.systemsTitle")}
            headers={[
              t("registry.systemName"),
              t("providerSide.vendor"),
              t("providerSide.testStatus"),
              t("registry.testDate"),
              t("registry.needsCaseNumbers"),
            ]}
            rows={report.systems.map((s) => ({
              id: s.id,
              cells: [
                s.name,
                s.vendor,
                t(
                  `providerSide.testStatuses.${s.testStatus ?? "not_contacted"}` as "providerSide.testStatuses.passed",
                ),
                formatCalendarDate(s.testDate),
                s.needsCaseNumbers ? t("common.yes") : t("common.no"),
              ],
            }))}
          />
        )}
      </ReportSection>

      <ReportSection title={t("providers.contactsHeading")}>
        {report.contacts.length === 0 ? (
          <Typography>{t("providers.noContacts")}</Typography>
        ) : (
          <ReportTable
            label={t("providers.contactsHeading")}
            headers={[
              t("contacts.name"),
              t("contacts.email"),
              t("contacts.receivesCaseOids"),
              t("exports.report.keyKind"),
            ]}
            rows={report.contacts.map((c) => ({
              id: c.id,
              cells: [
                c.title ? `${c.name} (${c.title})` : c.name,
                c.email,
                c.receivesCaseOids ? t("common.yes") : t("common.no"),
                c.keyKind === "pgp"
                  ? t("keys.pgp")
                  : c.keyKind === "smime"
                    ? t("keys.smime")
                    : t("exports.report.noKey"),
              ],
            }))}
          />
        )}
      </ReportSection>

      <ReportSection title={t("exports.report.activity")}>
        <ReportTable
          label={t("exports.report.activity")}
          headers={[t("exports.report.figure"), t("exports.report.count")]}
          rows={(
            ["windowsLive", "windowsClosed", "deliveriesSent", "deliveriesFailed"] as const
          ).map((k) => ({ id: k, cells: [t(`exports.report.${k}`), counts[k]] }))}
        />
      </ReportSection>
    </Box>
  );
}
