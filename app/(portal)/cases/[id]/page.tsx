import { randomUUID } from "node:crypto";
import { Box, Chip, Paper, Stack, Typography } from "@mui/material";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db";
import { mayRunAction } from "@/lib/auth/access";
import { auditOutOfScope, requirePage } from "@/lib/auth/actor";
import { socialServiceCodes } from "@/lib/catalogue/services";
import {
  addImplementationAction,
  attachUnitAction,
  changeDatesAction,
  closeNowAction,
  openNowAction,
  reissueAction,
  revealClientAction,
  setImplementationEndAction,
} from "@/lib/cases/actions";
import { getCaseTimeline, unitOptionsFor, type TimelineWindow } from "@/lib/cases/queries";
import { formatCalendarDate, formatDate, formatDateTime } from "@/lib/i18n/format";
import { currentPolicy } from "@/lib/policy/queries";
import { sendCaseOidAction } from "@/lib/delivery/actions";
import { previewCaseDelivery } from "@/lib/delivery/operations";
import { caseDeliveries } from "@/lib/delivery/queries";
import { DataTable } from "@/components/DataTable";
import { deletionDeadline } from "@/lib/windows/rules";
import { Disclosure } from "@/components/Disclosure";
import { PageHeader, Section } from "@/components/Page";
import { RevealClient } from "@/components/RevealClient";
import { SimpleActionForm } from "@/components/SimpleActionForm";
import { titled } from "@/components/metadata";

export const generateMetadata = titled("cases.title");

const STATE_COLOR = {
  planned: "info",
  open: "success",
  closed: "default",
  invalidated: "warning",
} as const;

export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePage("/cases/[id]", `/cases/${encodeURIComponent(id)}`);
  const caseId = z.uuid().safeParse(id);
  const timeline = caseId.success ? await getCaseTimeline(getDb(), actor, caseId.data) : null;
  if (!timeline) {
    await auditOutOfScope(actor, "case", id, "cases.view");
    notFound();
  }
  const t = await getTranslations();
  const { settings } = await currentPolicy(getDb(), actor.organiserId!);
  const canEdit = mayRunAction(actor.role, "windows.changeDates");
  const canAttach = mayRunAction(actor.role, "cases.attachUnit");
  const isAdmin = actor.role === "admin";
  const serviceName = (code: string) => t(`services.${code}` as "services.home_care");
  const period = (from: string, to: string | null, open: string) =>
    t("windows.period", {
      opens: formatCalendarDate(from),
      closes: to ? formatCalendarDate(to) : open,
    });

  const optionsByImpl = new Map(
    await Promise.all(
      timeline.implementations.map(
        async (impl) => [impl.id, await unitOptionsFor(getDb(), actor, impl)] as const,
      ),
    ),
  );

  const canSend = mayRunAction(actor.role, "deliveries.send");
  const deliveries = await caseDeliveries(getDb(), actor, timeline.case.id);
  const recipientsByWindow = new Map(
    canSend
      ? await Promise.all(
          timeline.windows
            .filter((w) => w.state !== "invalidated")
            .map(
              async (w) => [w.id, (await previewCaseDelivery(getDb(), actor, w.id)) ?? []] as const,
            ),
        )
      : [],
  );

  function sendSection(w: TimelineWindow) {
    const recipients = recipientsByWindow.get(w.id) ?? [];
    return (
      <Box
        sx={{ mt: 2 }}
        component="section"
        aria-label={t("delivery.send.form", { unit: w.unitName })}
      >
        <Typography variant="h5" sx={{ fontSize: "1rem", fontWeight: 600 }}>
          {t("delivery.send.title")}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1, maxWidth: "70ch" }}>
          {t("delivery.send.intro")}
        </Typography>
        {recipients.length === 0 ? (
          <Typography variant="body2">{t("delivery.send.noRecipients")}</Typography>
        ) : (
          <>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {t("delivery.send.recipients")}
            </Typography>
            <Box component="ul" sx={{ mt: 0.5, mb: 1, pl: 3 }} data-testid="recipients">
              {recipients.map((r) => (
                <li key={r.contactId}>
                  <Typography variant="body2">
                    {t("delivery.send.recipient", {
                      name: r.name,
                      email: r.email,
                      method: t(`delivery.send.methods.${r.method}`),
                    })}
                  </Typography>
                </li>
              ))}
            </Box>
            <SimpleActionForm
              action={sendCaseOidAction}
              ariaLabel={t("delivery.send.form", { unit: w.unitName })}
              submit={t("delivery.send.button")}
              fields={[
                { name: "windowId", label: "", type: "hidden", defaultValue: w.id },
                // A fresh key per page render: a double click sends one message.
                { name: "requestKey", label: "", type: "hidden", defaultValue: randomUUID() },
              ]}
            />
          </>
        )}
      </Box>
    );
  }

  function windowCard(w: TimelineWindow) {
    const live = w.state !== "invalidated";
    return (
      <Paper
        key={w.id}
        variant="outlined"
        component="li"
        sx={{ p: 2, listStyle: "none", opacity: live ? 1 : 0.85 }}
        data-testid="window"
      >
        <Stack direction="row" spacing={1} sx={{ alignItems: "center", flexWrap: "wrap", gap: 1 }}>
          <Typography variant="h4" component="h4" sx={{ fontSize: "1.05rem", fontWeight: 600 }}>
            {w.unitName} – {w.providerName}
          </Typography>
          <Chip
            size="small"
            color={STATE_COLOR[w.state]}
            label={t(`windows.states.${w.state}`)}
            data-testid="window-state"
          />
          <Chip size="small" variant="outlined" label={t(`windows.sources.${w.source}`)} />
        </Stack>
        <Typography sx={{ mt: 1 }} data-testid="window-period">
          <strong>{t("windows.opensOn")}:</strong> {formatCalendarDate(w.opensOn)}{" "}
          <strong>{t("windows.closesOn")}:</strong>{" "}
          <span data-testid="window-closes">
            {w.closesOn ? formatCalendarDate(w.closesOn) : t("windows.openEnded")}
          </span>
        </Typography>
        {w.existingClient && w.source === "golive" && (
          <Typography variant="body2">{t("windows.existingClient")}</Typography>
        )}
        {w.replacesId && <Typography variant="body2">{t("windows.replaces")}</Typography>}
        {w.overrideJustification && (
          <Typography variant="body2">
            {t("windows.override", { justification: w.overrideJustification })}
          </Typography>
        )}
        {w.state === "invalidated" && (
          <Typography variant="body2">
            {t("windows.invalidatedInfo", {
              date: w.invalidatedAt ? formatDate(w.invalidatedAt) : "",
              reason: w.invalidatedReason ?? "",
            })}
          </Typography>
        )}
        {live && w.closesOn && (
          <Typography variant="body2" color="text.secondary">
            {t("windows.deletionBy", { date: formatCalendarDate(deletionDeadline(w.closesOn)) })}
          </Typography>
        )}
        {canEdit && live && (
          <Box sx={{ mt: 2, display: "grid", gap: 1 }}>
            <Stack direction="row" spacing={2} sx={{ flexWrap: "wrap", gap: 1 }}>
              {(w.state === "planned" || w.state === "open") && (
                // One form for both states (same key): after "open now" it stays mounted with
                // its outcome message, which keeps keyboard focus, and turns into "close now".
                <SimpleActionForm
                  key="open-close"
                  action={w.state === "planned" ? openNowAction : closeNowAction}
                  ariaLabel={`${t(w.state === "planned" ? "windows.openNow" : "windows.closeNow")}: ${w.unitName}`}
                  submit={t(w.state === "planned" ? "windows.openNow" : "windows.closeNow")}
                  fields={[
                    { name: "windowId", label: "", type: "hidden", defaultValue: w.id },
                    { name: "version", label: "", type: "hidden", defaultValue: String(w.version) },
                  ]}
                />
              )}
            </Stack>
            <Disclosure summary={t("windows.changeDates")}>
              <SimpleActionForm
                action={changeDatesAction}
                ariaLabel={t("windows.datesForm", { unit: w.unitName })}
                submit={t("windows.saveDates")}
                fields={[
                  { name: "windowId", label: "", type: "hidden", defaultValue: w.id },
                  { name: "version", label: "", type: "hidden", defaultValue: String(w.version) },
                  {
                    name: "opensOn",
                    label: t("windows.opensOn"),
                    type: "date",
                    defaultValue: w.opensOn,
                    required: true,
                  },
                  {
                    name: "closesOn",
                    label: t("windows.closesOn"),
                    type: "date",
                    defaultValue: w.closesOn ?? "",
                  },
                ]}
              />
            </Disclosure>
            {canSend && sendSection(w)}
            <Disclosure summary={t("windows.reissue")}>
              <Typography variant="body2" sx={{ mb: 2 }}>
                {t("windows.reissueHelp")}
              </Typography>
              <SimpleActionForm
                action={reissueAction}
                ariaLabel={t("windows.reissueForm", { unit: w.unitName })}
                submit={t("windows.reissue")}
                fields={[
                  { name: "windowId", label: "", type: "hidden", defaultValue: w.id },
                  { name: "version", label: "", type: "hidden", defaultValue: String(w.version) },
                  { name: "reason", label: t("windows.reason"), type: "textarea", required: true },
                ]}
              />
            </Disclosure>
          </Box>
        )}
      </Paper>
    );
  }

  return (
    <>
      <PageHeader
        title={t("cases.caseTitle", { oid: timeline.case.caseOid })}
        intro={`${t("cases.serviceTask")}: ${t(`cases.serviceTasks.${timeline.case.serviceTask}`)}. ${t("cases.responsible")}: ${timeline.responsible ?? t("common.notSet")}.`}
      />
      <Section title={t("cases.client")}>
        <Paper variant="outlined" sx={{ p: 2 }}>
          {timeline.client ? (
            <RevealClient
              caseId={timeline.case.id}
              masked={timeline.client}
              action={revealClientAction}
              canReveal={mayRunAction(actor.role, "clients.reveal")}
            />
          ) : (
            <Typography>
              {timeline.clientUnavailable ? t("cases.clientUnavailable") : t("cases.noClient")}
            </Typography>
          )}
        </Paper>
      </Section>
      <Section title={t("cases.implementations")}>
        <Typography sx={{ mb: 2, maxWidth: "70ch" }} color="text.secondary">
          {t("cases.implementationsIntro", {
            before: settings.daysBeforeStart,
            after: settings.daysAfterEnd,
          })}
        </Typography>
        {timeline.implementations.length === 0 && (
          <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
            <Typography>{t("cases.noImplementations")}</Typography>
          </Paper>
        )}
        <Stack spacing={3}>
          {timeline.implementations.map((impl) => {
            const windows = timeline.windows.filter((w) => w.implementationId === impl.id);
            const options = optionsByImpl.get(impl.id) ?? [];
            return (
              <Paper
                key={impl.id}
                variant="outlined"
                sx={{ p: 2 }}
                component="article"
                data-testid="implementation"
              >
                <Typography variant="h3" sx={{ fontSize: "1.2rem", fontWeight: 600 }}>
                  {t("cases.implementationHeading", {
                    service: serviceName(impl.service),
                    dates: period(impl.startsOn, impl.endsOn, t("cases.ongoing")),
                  })}
                </Typography>
                <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
                  {t("cases.form")}: {impl.voucher ? t("cases.voucher") : t("cases.purchased")}
                </Typography>
                {canEdit && (
                  <Box sx={{ mb: 2 }}>
                    <SimpleActionForm
                      action={setImplementationEndAction}
                      ariaLabel={t("cases.endForm", { service: serviceName(impl.service) })}
                      submit={t("cases.setEnd")}
                      fields={[
                        {
                          name: "implementationId",
                          label: "",
                          type: "hidden",
                          defaultValue: impl.id,
                        },
                        {
                          name: "version",
                          label: "",
                          type: "hidden",
                          defaultValue: String(impl.version),
                        },
                        {
                          name: "endsOn",
                          label: t("cases.endsOn"),
                          type: "date",
                          defaultValue: impl.endsOn ?? "",
                        },
                      ]}
                    />
                  </Box>
                )}
                <Typography variant="h4" sx={{ fontSize: "1.05rem", fontWeight: 600, mb: 1 }}>
                  {t("cases.attachedUnits")}
                </Typography>
                {windows.length === 0 ? (
                  <Typography sx={{ mb: 2 }}>{t("cases.noUnits")}</Typography>
                ) : (
                  <Box component="ul" sx={{ p: 0, m: 0, mb: 2, display: "grid", gap: 2 }}>
                    {windows.map(windowCard)}
                  </Box>
                )}
                {canAttach && (
                  <Disclosure summary={t("cases.attach")}>
                    <SimpleActionForm
                      action={attachUnitAction}
                      ariaLabel={t("cases.attachForm", { service: serviceName(impl.service) })}
                      submit={t("cases.attach")}
                      fields={[
                        {
                          name: "implementationId",
                          label: "",
                          type: "hidden",
                          defaultValue: impl.id,
                        },
                        {
                          name: "unitId",
                          label: t("cases.unit"),
                          type: "select",
                          required: true,
                          options: options.map((o) => ({
                            value: o.unitId,
                            label: t(
                              o.decision.eligible
                                ? "cases.unitOption"
                                : "cases.unitOptionIneligible",
                              { unit: o.unitName, provider: o.providerName },
                            ),
                          })),
                        },
                        ...(isAdmin
                          ? [
                              {
                                name: "justification",
                                label: t("cases.justification"),
                                type: "textarea" as const,
                              },
                            ]
                          : []),
                      ]}
                    />
                  </Disclosure>
                )}
              </Paper>
            );
          })}
        </Stack>
        {canAttach && (
          <Box sx={{ mt: 3 }}>
            <Disclosure summary={t("cases.addImplementation")}>
              <SimpleActionForm
                action={addImplementationAction}
                ariaLabel={t("cases.addImplementation")}
                submit={t("cases.addImplementation")}
                fields={[
                  { name: "caseId", label: "", type: "hidden", defaultValue: timeline.case.id },
                  {
                    name: "service",
                    label: t("cases.service"),
                    type: "select",
                    required: true,
                    options: socialServiceCodes.map((c) => ({ value: c, label: serviceName(c) })),
                  },
                  { name: "startsOn", label: t("cases.startsOn"), type: "date", required: true },
                  { name: "endsOn", label: t("cases.endsOn"), type: "date" },
                  { name: "voucher", label: t("cases.voucher"), type: "checkbox" },
                ]}
              />
            </Disclosure>
          </Box>
        )}
      </Section>
      <Section title={t("outbox.caseHistory")}>
        <DataTable
          caption={t("outbox.caseHistory")}
          empty={t("outbox.caseHistoryNone")}
          columns={[
            { key: "created", label: t("outbox.columns.created") },
            { key: "recipient", label: t("outbox.columns.recipient") },
            { key: "method", label: t("outbox.columns.method") },
            { key: "status", label: t("outbox.columns.status") },
            { key: "timing", label: t("outbox.columns.timing") },
          ]}
          rows={deliveries.map((d) => ({
            id: d.id,
            cells: {
              created: formatDateTime(d.createdAt),
              recipient: `${d.contactName} (${d.recipient})`,
              method: t(`outbox.methods.${d.method}`),
              status: t(`outbox.statuses.${d.status}`),
              timing: d.sentAt ? formatDateTime(d.sentAt) : (d.lastError ?? ""),
            },
          }))}
        />
      </Section>
    </>
  );
}
