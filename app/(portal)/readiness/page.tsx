import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requirePage } from "@/lib/auth/actor";
import { formatCalendarDate } from "@/lib/i18n/format";
import { NO_CIS, providersHref, type ProviderFilters } from "@/lib/providers/filters";
import { keyDates } from "@/lib/readiness/dates";
import { sharedReadinessDashboard } from "@/lib/readiness/shared";
import { helsinkiToday } from "@/lib/windows/dates";
import { DataTable } from "@/components/DataTable";
import { cellContent, type CellData } from "@/components/cell";
import { LinkButton } from "@/components/Link";
import { PageHeader, Section } from "@/components/Page";
import styles from "@/components/Page.module.css";
import local from "./readiness.module.css";
import { FunnelChart, SystemsChart } from "@/components/ReadinessCharts";
import { titled } from "@/components/metadata";

export const generateMetadata = titled("dashboard.title");

/** A number that opens the provider list behind it, as a table cell's data. */
function count(n: number, filters: Partial<ProviderFilters>): CellData {
  return { href: providersHref(filters), text: n };
}

/** The same outside a table. */
function Count({ n, filters }: { n: number; filters: Partial<ProviderFilters> }) {
  return cellContent(count(n, filters));
}

export default async function ReadinessPage() {
  const actor = await requirePage("/readiness");
  const d = await sharedReadinessDashboard(getDb(), actor);
  const t = await getTranslations("dashboard");
  const tr = await getTranslations();
  const today = helsinkiToday();
  const stageLabel = (s: (typeof d.funnel)[number]["stage"]) => t(`stages.${s}`);
  const stage = (s: (typeof d.funnel)[number]["stage"]) => d.funnel.find((f) => f.stage === s)!;

  const figures = [
    { label: t("figureProviders"), n: stage("invited").reached, stage: "invited" as const },
    ...(["eligible", "access_opened", "case_numbers_delivered"] as const).map((s) => ({
      label: stageLabel(s),
      n: stage(s).reached,
      stage: s,
    })),
  ];

  const systemRows = [
    ...d.systems.map((s) => ({
      id: s.cisId,
      name: s.name,
      status: `${tr(`providerSide.testStatuses.${s.testStatus}`)}${
        s.testDate ? ` ${formatCalendarDate(s.testDate)}` : ""
      }`,
      providers: s.providers,
      eligible: s.eligible,
      unblocks: s.unblocks as number | null,
    })),
    ...(d.noSystem.providers > 0
      ? [
          {
            id: NO_CIS,
            name: t("systems.noSystem"),
            status: "",
            providers: d.noSystem.providers,
            eligible: d.noSystem.eligible,
            unblocks: null,
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t("title")}
        intro={t("intro")}
        actions={
          <LinkButton href="/readiness/reminders" variant="outlined">
            {tr("reminders.title")}
          </LinkButton>
        }
      />
      <dl aria-label={t("figuresLabel")} className={local.figures}>
        {figures.map((f) => (
          <div key={f.stage} className={`${styles.paper} ${local.figure}`}>
            <dt>{f.label}</dt>
            <dd>
              <Count n={f.n} filters={{ stage: f.stage }} />
            </dd>
          </div>
        ))}
      </dl>
      <p className={local.policy}>{t("policy", { version: d.policyVersion })}</p>

      <Section title={t("keyDates.title")}>
        <DataTable
          caption={t("keyDates.caption", { date: formatCalendarDate(today) })}
          empty={tr("common.noResults")}
          columns={[
            { key: "event", label: t("keyDates.event") },
            { key: "date", label: t("keyDates.date") },
            { key: "remaining", label: t("keyDates.remaining") },
          ]}
          rows={keyDates(d.settings, today).map((k) => ({
            id: k.key,
            cells: {
              event: t(`keyDates.${k.key}`),
              date: formatCalendarDate(k.date),
              remaining: k.passed
                ? t("keyDates.passed", { count: -k.daysLeft })
                : t("keyDates.daysLeft", { count: k.daysLeft }),
            },
          }))}
        />
      </Section>

      <Section title={t("funnel.title")}>
        <p className={styles.lead}>{t("funnel.intro")}</p>
        <FunnelChart
          stages={d.funnel.map((s) => ({
            label: stageLabel(s.stage),
            reached: s.reached,
            stopped: s.stopped,
          }))}
          reachedLabel={t("funnel.reached")}
          stoppedLabel={t("funnel.stopped")}
        />
        <DataTable
          caption={t("funnel.caption")}
          empty={tr("common.noResults")}
          columns={[
            { key: "stage", label: t("funnel.stage") },
            { key: "reached", label: t("funnel.reached"), align: "right" },
            { key: "stopped", label: t("funnel.stopped"), align: "right" },
            { key: "reason", label: t("funnel.reason") },
          ]}
          rows={d.funnel.map((s, i) => ({
            id: s.stage,
            cells: {
              stage: stageLabel(s.stage),
              reached: count(s.reached, { stage: s.stage }),
              stopped: i === 0 ? "" : count(s.stopped, { stoppedAt: s.stage }),
              reason:
                i === 0 ? (
                  ""
                ) : s.reasons.length > 0 ? (
                  <>
                    {t(`stopReasons.${s.stage}`)}
                    <ul className={local.reasons}>
                      {s.reasons.map((r) => (
                        <li key={r}>{t(`eligibleReasons.${r}`)}</li>
                      ))}
                    </ul>
                  </>
                ) : (
                  t(`stopReasons.${s.stage}`)
                ),
            },
          }))}
        />
      </Section>

      <Section title={t("systems.title")}>
        <p className={styles.lead}>{t("systems.intro")}</p>
        <SystemsChart
          systems={systemRows.map((s) => ({
            label: s.name,
            providers: s.providers,
            eligible: s.eligible,
            unblocks: s.unblocks ?? 0,
          }))}
          providersLabel={t("systems.providers")}
          eligibleLabel={t("systems.eligible")}
          unblocksLabel={t("systems.unblocks")}
        />
        <DataTable
          caption={t("systems.caption")}
          empty={tr("common.noResults")}
          columns={[
            { key: "name", label: t("systems.system") },
            { key: "status", label: t("systems.testStatus") },
            { key: "providers", label: t("systems.providers"), align: "right" },
            { key: "eligible", label: t("systems.eligible"), align: "right" },
            { key: "unblocks", label: t("systems.unblocks"), align: "right" },
          ]}
          rows={systemRows.map((s) => ({
            id: s.id,
            cells: {
              name: s.name,
              status: s.status,
              providers: count(s.providers, { cis: s.id }),
              eligible: count(s.eligible, { cis: s.id, stage: "eligible" }),
              unblocks: s.unblocks === null ? "" : count(s.unblocks, { unblockedBy: s.id }),
            },
          }))}
        />
      </Section>

      <Section title={t("tasks.title")}>
        <p className={styles.lead}>{t("tasks.intro")}</p>
        <DataTable
          caption={t("tasks.caption")}
          empty={tr("common.noResults")}
          columns={[
            { key: "task", label: t("tasks.task") },
            { key: "providers", label: t("tasks.providers"), align: "right" },
            { key: "eligible", label: stageLabel("eligible"), align: "right" },
            { key: "accessOpened", label: stageLabel("access_opened"), align: "right" },
            { key: "delivered", label: stageLabel("case_numbers_delivered"), align: "right" },
          ]}
          rows={d.tasks.map((r) => ({
            id: r.task,
            cells: {
              task: r.task === "none" ? t("tasks.none") : tr(`cases.serviceTasks.${r.task}`),
              providers: count(r.providers, { task: r.task }),
              eligible: count(r.eligible, { task: r.task, stage: "eligible" }),
              accessOpened: count(r.accessOpened, { task: r.task, stage: "access_opened" }),
              delivered: count(r.caseNumbersDelivered, {
                task: r.task,
                stage: "case_numbers_delivered",
              }),
            },
          }))}
        />
      </Section>
    </>
  );
}
