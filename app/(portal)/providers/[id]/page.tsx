import { Chip, Paper, Stack, Typography } from "@mui/material";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db";
import { auditOutOfScope, requirePage } from "@/lib/auth/actor";
import { getOrganiserProvider, listSystems, providerServices } from "@/lib/providers/queries";
import { socialServices } from "@/lib/catalogue/services";
import {
  saveContactAsStaffAction,
  saveUnitAsStaffAction,
  updateProviderViewAction,
} from "@/lib/registry/staff-actions";
import { UnitForm } from "@/components/UnitForm";
import { ContactForm } from "@/components/ContactForm";
import { Disclosure } from "@/components/Disclosure";
import { expectedServiceUnitOidExample } from "@/lib/oid/validate";
import { ProviderViewForm } from "@/components/ProviderViewForm";
import { describeKey } from "@/lib/keys/describe";
import { formatCalendarDate } from "@/lib/i18n/format";
import { PageHeader, Section } from "@/components/Page";
import { DataTable } from "@/components/DataTable";
import { OidStatusView } from "@/components/OidStatus";
import { ReviewForm } from "@/components/ReviewForm";
import { reviewOid } from "@/lib/registry/actions";
import { mayRunAction } from "@/lib/auth/access";
import { ChangeHistory } from "@/components/ChangeHistory";
import { titled } from "@/components/metadata";
import { Link, LinkButton } from "@/components/Link";
import { listProviderWindows } from "@/lib/cases/queries";

export const generateMetadata = titled("providers.title");

export default async function ProviderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePage("/providers/[id]", `/providers/${encodeURIComponent(id)}`);
  const providerId = z.uuid().safeParse(id);
  const provider = providerId.success
    ? await getOrganiserProvider(getDb(), actor, providerId.data)
    : null;
  if (!provider) {
    await auditOutOfScope(actor, "provider", id, "provider.view");
    notFound();
  }
  const t = await getTranslations();
  const canReview = mayRunAction(actor.role, "registry.reviewOid");
  const canEdit = mayRunAction(actor.role, "registry.updateProviderView");
  const [services, systems, windows] = await Promise.all([
    providerServices(getDb(), actor, provider.id),
    listSystems(getDb()),
    listProviderWindows(getDb(), actor, provider.id),
  ]);
  return (
    <>
      <PageHeader
        title={provider.name}
        intro={`${t("providers.businessId")} ${provider.businessId}`}
        actions={
          <LinkButton href={`/providers/${provider.id}/report`} variant="outlined">
            {t("exports.report.link")}
          </LinkButton>
        }
      />
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack direction="row" spacing={1} sx={{ flexWrap: "wrap", gap: 1 }}>
          <Chip
            label={`${t("providers.relationship")}: ${t(`providers.relationshipValues.${provider.relationship}`)}`}
          />
          {provider.purchasedService && <Chip label={t("providers.purchasedService")} />}
          {provider.serviceVoucher && <Chip label={t("providers.serviceVoucher")} />}
          <Chip
            label={`${t("providers.reviewState")}: ${t(`providers.reviewStates.${provider.reviewState}`)}`}
          />
        </Stack>
        {provider.notes && (
          <Typography sx={{ mt: 2 }}>
            <strong>{t("providers.notes")}:</strong> {provider.notes}
          </Typography>
        )}
      </Paper>
      {canEdit && (
        <Section title={t("registry.organiserView")}>
          <Paper variant="outlined" sx={{ p: 2 }}>
            <ProviderViewForm
              provider={{
                id: provider.id,
                relationship: provider.relationship,
                purchasedService: provider.purchasedService,
                serviceVoucher: provider.serviceVoucher,
                reviewState: provider.reviewState,
                notes: provider.notes,
                services,
              }}
              services={socialServices.map((x) => ({
                code: x.code,
                label: t(`services.${x.code}`),
              }))}
              action={updateProviderViewAction}
            />
          </Paper>
        </Section>
      )}
      <Section title={t("providers.unitsHeading")}>
        <DataTable
          caption={t("providers.unitsHeading")}
          empty={t("providers.noUnits")}
          columns={[
            { key: "name", label: t("units.name") },
            { key: "oid", label: t("units.oid") },
            { key: "status", label: t("registry.status") },
            ...(canReview ? [{ key: "review", label: t("registry.review") }] : []),
            { key: "municipality", label: t("units.municipality") },
            { key: "cis", label: t("units.cis") },
            { key: "kanta", label: t("units.kanta") },
          ]}
          rows={provider.units.map((u) => ({
            id: u.id,
            cells: {
              name: u.name,
              oid: u.oid ?? t("units.noOid"),
              status: (
                <OidStatusView
                  status={u.oidStatus}
                  reason={u.oidReason}
                  late={u.oidSubmittedLate}
                />
              ),
              review: u.oid ? (
                <ReviewForm unitId={u.id} unitName={u.name} action={reviewOid} />
              ) : null,
              municipality: u.municipality,
              cis: u.cisName ?? t("common.notSet"),
              kanta: u.kantaInUse
                ? u.kantaSince
                  ? t("units.kantaSince", { date: formatCalendarDate(u.kantaSince) })
                  : t("common.yes")
                : t("common.no"),
            },
          }))}
        />
      </Section>
      <Section title={t("providers.contactsHeading")}>
        <DataTable
          caption={t("providers.contactsHeading")}
          empty={t("providers.noContacts")}
          columns={[
            { key: "name", label: t("contacts.name") },
            { key: "email", label: t("contacts.email") },
            { key: "phone", label: t("contacts.phone") },
            { key: "language", label: t("contacts.language") },
            { key: "receives", label: t("contacts.receivesCaseOids") },
            { key: "key", label: t("providerSide.keyColumn") },
          ]}
          rows={provider.contacts.map((c) => ({
            id: c.id,
            cells: {
              name: c.title ? `${c.name} (${c.title})` : c.name,
              email: c.email,
              phone: c.phone ?? "",
              language: t(`languages.${c.language}`),
              receives: c.receivesCaseOids ? t("common.yes") : t("common.no"),
              key: describeKey(t as never, c) ?? t("providerSide.noKey"),
            },
          }))}
        />
      </Section>
      {canEdit && (
        <Section title={t("registry.maintain")}>
          <Stack spacing={1}>
            {provider.units.map((u) => (
              <Disclosure key={u.id} summary={t("registry.editUnit", { name: u.name })}>
                <UnitForm
                  unit={u}
                  systems={systems}
                  example={expectedServiceUnitOidExample(provider.businessId)}
                  action={saveUnitAsStaffAction}
                  hidden={{ providerId: provider.id }}
                />
              </Disclosure>
            ))}
            <Disclosure summary={t("registry.addUnit")}>
              <UnitForm
                unit={null}
                systems={systems}
                example={expectedServiceUnitOidExample(provider.businessId)}
                action={saveUnitAsStaffAction}
                hidden={{ providerId: provider.id }}
              />
            </Disclosure>
            {provider.contacts.map((c) => (
              <Disclosure key={c.id} summary={t("providerSide.editContact", { name: c.name })}>
                <ContactForm
                  contact={{
                    id: c.id,
                    name: c.name,
                    email: c.email,
                    phone: c.phone,
                    language: c.language,
                    title: c.title,
                    receivesCaseOids: c.receivesCaseOids,
                    keyDescription: describeKey(t as never, c),
                  }}
                  action={saveContactAsStaffAction}
                  hidden={{ providerId: provider.id }}
                />
              </Disclosure>
            ))}
            <Disclosure summary={t("providerSide.addContact")}>
              <ContactForm
                key={provider.contacts.length}
                contact={null}
                action={saveContactAsStaffAction}
                hidden={{ providerId: provider.id }}
              />
            </Disclosure>
          </Stack>
        </Section>
      )}
      <Section title={t("windows.providerSection")}>
        <DataTable
          caption={t("windows.providerSection")}
          empty={t("windows.none")}
          columns={[
            { key: "caseOid", label: t("windows.case") },
            { key: "service", label: t("windows.service") },
            { key: "unit", label: t("windows.unit") },
            { key: "opensOn", label: t("windows.opensOn") },
            { key: "closesOn", label: t("windows.closesOn") },
            { key: "state", label: t("windows.state") },
          ]}
          rows={windows.map((w) => ({
            id: w.id,
            cells: {
              caseOid: <Link href={`/cases/${w.caseId}`}>{w.caseOid}</Link>,
              service: w.service ? t(`services.${w.service}` as "services.home_care") : "",
              unit: w.unitName,
              opensOn: formatCalendarDate(w.opensOn),
              closesOn: w.closesOn ? formatCalendarDate(w.closesOn) : t("windows.openEnded"),
              state: t(`windows.states.${w.state}`),
            },
          }))}
        />
      </Section>
      <Section title={t("registry.history")}>
        <ChangeHistory
          db={getDb()}
          actor={actor}
          entities={[
            { type: "provider", ids: [provider.id] },
            { type: "service_unit", ids: provider.units.map((u) => u.id) },
            { type: "contact_person", ids: provider.contacts.map((c) => c.id) },
          ]}
        />
      </Section>
    </>
  );
}
