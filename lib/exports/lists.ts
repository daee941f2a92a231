/**
 * The exportable lists: for each, the page it comes from (whoever may open the page may export
 * the list), its title, its columns (header message keys and value kinds) and where its rows
 * come from. Rows always come from the list's own query in lib/, with the page's own filters,
 * so an export shows exactly what the page shows, only all of it.
 *
 * Cases and access windows carry case OIDs, services, units, providers, dates and states, never
 * a client's name or identity code (their list queries do not read client data at all).
 */
import { createTranslator } from "next-intl";
import { z } from "zod";
import type { Executor } from "@/db";
import { auditOutcomes, deliveryMethods, deliveryStatuses } from "@/db/schema";
import type { AuditActor } from "@/lib/audit";
import { AUDIT_PAGE_SIZE, listAudit, parseAuditFilter } from "@/lib/audit/queries";
import type { PageKey } from "@/lib/auth/access";
import { listCases, listWindows } from "@/lib/cases/queries";
import { windowListSchema } from "@/lib/cases/schemas";
import { listDeliveries } from "@/lib/delivery/queries";
import { allMessages, type Messages } from "@/lib/i18n/messages";
import { TIME_ZONE, type Locale } from "@/lib/i18n/locales";
import { single } from "@/lib/i18n/pick";
import { parseProviderFilters } from "@/lib/providers/filters";
import { listOrganiserProviders, listSystemsForOrganiser } from "@/lib/providers/queries";
import { helsinkiToday } from "@/lib/windows/dates";
import type { ColumnKind, ExportCell } from "./xlsx";

export const exportListNames = [
  "providers",
  "systems",
  "cases",
  "windows",
  "deliveries",
  "audit",
] as const;
export type ExportListName = (typeof exportListNames)[number];

export function isExportListName(v: unknown): v is ExportListName {
  return typeof v === "string" && (exportListNames as readonly string[]).includes(v);
}

/** A page's search params, as Next hands them to a page. */
export type ExportParams = Record<string, string | string[] | undefined>;

/** Every leaf key of the messages, e.g. "providers.name". */
type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<Messages>;

/** A translator over all namespaces (full keys), for headers and coded values. */
export type Translate = {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
};

export function translatorFor(locale: Locale): Translate {
  const t = createTranslator({ locale, messages: allMessages[locale], timeZone: TIME_ZONE });
  const translate = ((key: string, values?: Record<string, string | number>) =>
    t(key as never, values as never)) as Translate;
  translate.has = (key: string) => t.has(key as never);
  return translate;
}

type ColumnDef<R> = {
  header: MessageKey;
  kind: ColumnKind;
  value: (row: R, t: Translate) => ExportCell;
};

type ListDef<R> = {
  page: PageKey;
  title: MessageKey;
  /**
   * Up to `max` rows, in the page's order, with the page's filters; with `total` (every match)
   * when the query itself stops short of `max`.
   */
  load: (
    db: Executor,
    actor: AuditActor,
    params: ExportParams,
    max: number,
  ) => Promise<R[] | { rows: R[]; total: number }>;
  columns: ColumnDef<R>[];
};

export type ExportColumn = { header: MessageKey; kind: ColumnKind };

export type ExportList = {
  page: PageKey;
  title: MessageKey;
  columns: ExportColumn[];
  /** At most `max` rows as cells, in column order; `more` when the list has more rows. */
  rows: (
    db: Executor,
    actor: AuditActor,
    params: ExportParams,
    max: number,
    t: Translate,
  ) => Promise<{ cells: ExportCell[][]; more: boolean }>;
};

function defineList<R>(def: ListDef<R>): ExportList {
  return {
    page: def.page,
    title: def.title,
    columns: def.columns.map(({ header, kind }) => ({ header, kind })),
    async rows(db, actor, params, max, t) {
      // One more than asked tells whether there are more rows.
      const loaded = await def.load(db, actor, params, max + 1);
      const rows = Array.isArray(loaded) ? loaded : loaded.rows;
      const more = rows.length > max || (!Array.isArray(loaded) && loaded.total > rows.length);
      return {
        cells: rows.slice(0, max).map((row) => def.columns.map((c) => c.value(row, t))),
        more,
      };
    },
  };
}

/** Rows of a paged query, page by page, without the duplicates a concurrent insert may cause. */
async function allPages<R extends { id: string | number }>(
  max: number,
  pageSize: number,
  fetch: (page: number) => Promise<R[]>,
): Promise<R[]> {
  const seen = new Set<string | number>();
  const out: R[] = [];
  for (let page = 1; out.length < max; page++) {
    const batch = await fetch(page);
    for (const row of batch) {
      if (seen.has(row.id)) continue;
      seen.add(row.id);
      out.push(row);
    }
    if (batch.length < pageSize) break;
  }
  return out.slice(0, max);
}

/**
 * The providers page's filters (lib/providers/filters.ts: search, OID status, sort and the
 * readiness filters), unpaged. listOrganiserProviders caps an unpaged list at EXPORT_CAP rows and
 * counts every match in `total`, which tells whether the list was cut.
 */
async function loadProviders(db: Executor, actor: AuditActor, params: ExportParams, max: number) {
  const { rows, total } = await listOrganiserProviders(db, actor, {
    ...parseProviderFilters(params),
    all: true,
  });
  return { rows: rows.slice(0, max), total };
}

/** The audit page's filters, checked as the page checks them. */
function auditFilters(params: ExportParams) {
  const action = z
    .string()
    .trim()
    .max(100)
    .regex(/^[\w.]*$/)
    .catch("")
    .parse(single(params.action) ?? "");
  const outcome = z
    .enum(auditOutcomes)
    .optional()
    .catch(undefined)
    .parse(single(params.outcome) || undefined);
  return { action: action || undefined, outcome };
}

const statusParam = z.enum(deliveryStatuses).optional().catch(undefined);
const methodParam = z.enum(deliveryMethods).optional().catch(undefined);

const yesNo = (v: boolean | null, t: Translate) => t(v ? "common.yes" : "common.no");

export const exportLists: Record<ExportListName, ExportList> = {
  providers: defineList({
    page: "/providers",
    title: "exports.lists.providers",
    load: loadProviders,
    columns: [
      { header: "providers.name", kind: "text", value: (r) => r.name },
      { header: "providers.businessId", kind: "text", value: (r) => r.businessId },
      {
        header: "providers.relationship",
        kind: "text",
        value: (r, t) => t(`providers.relationshipValues.${r.relationship}`),
      },
      { header: "providers.units", kind: "number", value: (r) => r.units },
      { header: "providers.oids", kind: "number", value: (r) => r.withOid },
      { header: "registry.attention", kind: "number", value: (r) => r.attention },
    ],
  }),

  systems: defineList({
    page: "/providers/systems",
    title: "exports.lists.systems",
    load: async (db, actor, _params, max) =>
      (await listSystemsForOrganiser(db, actor)).slice(0, max),
    columns: [
      { header: "registry.systemName", kind: "text", value: (r) => r.name },
      { header: "providerSide.vendor", kind: "text", value: (r) => r.vendor },
      {
        header: "providerSide.testStatus",
        kind: "text",
        value: (r, t) => t(`providerSide.testStatuses.${r.testStatus ?? "not_contacted"}`),
      },
      { header: "registry.testDate", kind: "date", value: (r) => r.testDate },
      {
        header: "registry.needsCaseNumbers",
        kind: "text",
        value: (r, t) => yesNo(r.needsCaseNumbers, t),
      },
      { header: "exports.columns.providers", kind: "number", value: (r) => r.providers },
    ],
  }),

  cases: defineList({
    page: "/cases",
    title: "exports.lists.cases",
    load: (db, actor, _params, max) => listCases(db, actor, max),
    columns: [
      { header: "cases.caseOid", kind: "text", value: (r) => r.caseOid },
      {
        header: "cases.serviceTask",
        kind: "text",
        value: (r, t) => t(`cases.serviceTasks.${r.serviceTask}`),
      },
      { header: "cases.responsible", kind: "text", value: (r) => r.responsible },
      { header: "cases.windows", kind: "number", value: (r) => r.windows },
      { header: "cases.created", kind: "date", value: (r) => helsinkiToday(r.createdAt) },
    ],
  }),

  windows: defineList({
    page: "/windows",
    title: "exports.lists.windows",
    load: (db, actor, params, max) =>
      listWindows(
        db,
        actor,
        windowListSchema.parse(single(params.view) ?? "upcoming"),
        helsinkiToday(),
        max,
      ),
    columns: [
      { header: "cases.caseOid", kind: "text", value: (r) => r.caseOid },
      {
        header: "windows.service",
        kind: "text",
        value: (r, t) => (r.service ? t(`services.${r.service}`) : ""),
      },
      { header: "windows.unit", kind: "text", value: (r) => r.unitName },
      { header: "windows.provider", kind: "text", value: (r) => r.providerName },
      { header: "windows.opensOn", kind: "date", value: (r) => r.opensOn },
      {
        header: "windows.closesOn",
        kind: "date",
        value: (r, t) => r.closesOn ?? t("windows.openEnded"),
      },
      { header: "windows.state", kind: "text", value: (r, t) => t(`windows.states.${r.state}`) },
    ],
  }),

  deliveries: defineList({
    page: "/deliveries",
    title: "exports.lists.deliveries",
    load: (db, actor, params, max) =>
      listDeliveries(db, actor, {
        status: statusParam.parse(single(params.status)),
        method: methodParam.parse(single(params.method)),
        limit: max,
      }),
    columns: [
      { header: "outbox.columns.created", kind: "datetime", value: (r) => r.createdAt },
      {
        header: "outbox.columns.kind",
        kind: "text",
        value: (r, t) =>
          r.kind === "batch"
            ? t("outbox.kinds.batch", { count: r.caseCount ?? 0 })
            : t("outbox.kinds.case_oid"),
      },
      { header: "outbox.columns.caseOid", kind: "text", value: (r) => r.caseOid },
      { header: "outbox.columns.provider", kind: "text", value: (r) => r.providerName },
      { header: "exports.columns.contactName", kind: "text", value: (r) => r.contactName },
      { header: "exports.columns.recipient", kind: "text", value: (r) => r.recipient },
      {
        header: "outbox.columns.method",
        kind: "text",
        value: (r, t) => t(`outbox.methods.${r.method}`),
      },
      {
        header: "outbox.columns.status",
        kind: "text",
        value: (r, t) => t(`outbox.statuses.${r.status}`),
      },
      { header: "outbox.columns.attempts", kind: "number", value: (r) => r.attempts },
      { header: "exports.columns.maxAttempts", kind: "number", value: (r) => r.maxAttempts },
      {
        header: "exports.columns.nextAttemptAt",
        kind: "datetime",
        value: (r) => (r.status === "queued" ? r.nextAttemptAt : null),
      },
      { header: "exports.columns.sentAt", kind: "datetime", value: (r) => r.sentAt },
      { header: "exports.columns.pickedUpAt", kind: "datetime", value: (r) => r.pickedUpAt },
      {
        header: "outbox.columns.response",
        kind: "text",
        value: (r) => (r.status === "sent" ? r.smtpResponse : (r.lastError ?? r.smtpResponse)),
      },
      { header: "outbox.columns.messageId", kind: "text", value: (r) => r.messageId },
    ],
  }),

  audit: defineList({
    page: "/audit",
    title: "exports.lists.audit",
    load: (db, actor, params, max) => {
      // The page's own parser adds its user, case, provider and date filters.
      const filter = { ...auditFilters(params), ...parseAuditFilter(params) };
      return allPages(max, AUDIT_PAGE_SIZE, async (page) => {
        const { rows } = await listAudit(db, actor, page, filter);
        return rows;
      });
    },
    columns: [
      { header: "audit.at", kind: "datetime", value: (r) => r.at },
      {
        header: "audit.actor",
        kind: "text",
        value: (r, t) => r.actorName ?? (r.actorRole ? t("audit.system") : t("audit.unknownActor")),
      },
      {
        header: "audit.role",
        kind: "text",
        value: (r, t) =>
          r.actorRole && t.has(`roles.${r.actorRole}`) ? t(`roles.${r.actorRole}`) : r.actorRole,
      },
      {
        header: "audit.action",
        kind: "text",
        value: (r, t) => {
          const key = `audit.actions.${r.action.replaceAll(".", "__")}`;
          return t.has(key) ? t(key) : r.action;
        },
      },
      { header: "exports.columns.actionCode", kind: "text", value: (r) => r.action },
      {
        header: "audit.entity",
        kind: "text",
        value: (r) => (r.entityType ? `${r.entityType} ${r.entityId ?? ""}`.trim() : ""),
      },
      { header: "audit.outcome", kind: "text", value: (r, t) => t(`audit.outcomes.${r.outcome}`) },
      { header: "audit.sourceIp", kind: "text", value: (r) => r.sourceIp },
    ],
  }),
};
