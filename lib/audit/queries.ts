import {
  and,
  count,
  desc,
  eq,
  gte,
  inArray,
  isNull,
  like,
  lt,
  or,
  sql,
  type SQLWrapper,
} from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Executor } from "@/db";
import {
  accessWindows,
  auditLog,
  auditOutcomes,
  cases,
  contactPeople,
  organiserProviders,
  outboxMessages,
  providers,
  serviceImplementations,
  serviceUnits,
  users,
  type AuditOutcome,
} from "@/db/schema";
import { isCalendarDate } from "@/lib/windows/dates";
import { TIME_ZONE } from "@/lib/i18n/locales";
import type { AuditActor } from "./index";
import { organiserOf } from "@/lib/auth/scope";

export const AUDIT_PAGE_SIZE = 50;

/** Every audit filter the /audit page (and its export) takes from the URL. */
export type AuditFilter = {
  /** Action code prefix ("cases." or "cases.view"). */
  action?: string;
  outcome?: AuditOutcome;
  /** Actor user id (exact). */
  user?: string;
  /** A case OID of the actor's organiser: rows about the case, its windows, implementations, messages. */
  caseOid?: string;
  /** A provider the organiser works with: the provider's own rows and rows about it, its units, contacts. */
  providerId?: string;
  /** First and last day (yyyy-mm-dd), inclusive, as days in Europe/Helsinki. */
  from?: string;
  to?: string;
};

const helsinkiParts = new Intl.DateTimeFormat("en-US", {
  timeZone: TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** The instant a calendar day (yyyy-mm-dd, plus `plusDays`) begins in Europe/Helsinki. */
export function helsinkiDayStart(ymd: string, plusDays = 0): Date {
  const [y, m, d] = ymd.split("-").map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d + plusDays);
  // Helsinki's offset at an instant, as (Helsinki wall clock read as UTC) − instant.
  const offsetAt = (instant: number) => {
    const p = Object.fromEntries(
      helsinkiParts.formatToParts(new Date(instant)).map((x) => [x.type, x.value]),
    );
    const asUtc = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!);
    return asUtc - instant;
  };
  let at = wall - offsetAt(wall);
  at = wall - offsetAt(at);
  return new Date(at);
}

const day = z
  .string()
  .trim()
  .refine((v) => v === "" || isCalendarDate(v))
  .catch("");
const code = z
  .string()
  .trim()
  .max(100)
  .regex(/^[\w.]*$/)
  .catch("");
const caseOidParam = z
  .string()
  .trim()
  .max(200)
  .regex(/^[0-9.]*$/)
  .catch("");
const uuidParam = z.uuid().optional().catch(undefined);
const userParam = z
  .string()
  .trim()
  .max(200)
  .regex(/^[\w@.:-]*$/)
  .catch("");

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * The audit filters from a page's search params, checked (anything malformed is dropped, never
 * an error): the one parser of the /audit page and its export.
 */
export function parseAuditFilter(
  params: Record<string, string | string[] | undefined>,
): AuditFilter {
  const outcome = z
    .enum(auditOutcomes)
    .optional()
    .catch(undefined)
    .parse(first(params.outcome) || undefined);
  let from = day.parse(first(params.from) ?? "");
  let to = day.parse(first(params.to) ?? "");
  if (from && to && from > to) [from, to] = [to, from];
  return {
    action: code.parse(first(params.action) ?? "") || undefined,
    outcome,
    user: userParam.parse(first(params.user) ?? "") || undefined,
    caseOid: caseOidParam.parse(first(params.entity) ?? "") || undefined,
    providerId: uuidParam.parse(first(params.provider) || undefined),
    from: from || undefined,
    to: to || undefined,
  };
}

/** The filter back as URL params (paging links, export), names as the page's form uses them. */
export function auditFilterQuery(f: AuditFilter): Record<string, string | undefined> {
  return {
    action: f.action,
    outcome: f.outcome,
    user: f.user,
    entity: f.caseOid,
    provider: f.providerId,
    from: f.from,
    to: f.to,
  };
}

/**
 * The audit rows an organiser may see, newest first: its own rows, and the
 * provider-side rows (organiser null) of providers it has a relationship with,
 * since those providers' data is shared with it. Never another organiser's rows.
 */
export async function listAudit(
  db: Executor,
  actor: AuditActor,
  page: number,
  filter: AuditFilter = {},
) {
  const organiserId = organiserOf(actor);
  const visible = or(
    eq(auditLog.organiserId, organiserId),
    and(
      isNull(auditLog.organiserId),
      inArray(
        auditLog.providerId,
        db
          .select({ id: organiserProviders.providerId })
          .from(organiserProviders)
          .where(eq(organiserProviders.organiserId, organiserId)),
      ),
    ),
  );
  const where = and(
    visible,
    filter.action
      ? like(auditLog.action, `${filter.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
      : undefined,
    filter.outcome ? eq(auditLog.outcome, filter.outcome) : undefined,
    filter.user ? eq(auditLog.actorUserId, filter.user) : undefined,
    filter.from ? gte(auditLog.at, helsinkiDayStart(filter.from)) : undefined,
    filter.to ? lt(auditLog.at, helsinkiDayStart(filter.to, 1)) : undefined,
    filter.caseOid ? aboutCase(db, organiserId, filter.caseOid) : undefined,
    filter.providerId ? aboutProvider(db, organiserId, filter.providerId) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        actorName: users.name,
        actorRole: auditLog.actorRole,
        action: auditLog.action,
        entityType: auditLog.entityType,
        entityId: auditLog.entityId,
        outcome: auditLog.outcome,
        sourceIp: auditLog.sourceIp,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset((page - 1) * AUDIT_PAGE_SIZE),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** A uuid column as text, to compare with audit_log.entity_id. */
export function sqlText(column: AnyPgColumn) {
  return sql<string>`${column}::text`;
}

/** Audit rows about entities of one type whose ids the subquery (or list) gives. */
export function auditRowsAbout(entityType: string, ids: SQLWrapper | string[]) {
  return and(eq(auditLog.entityType, entityType), inArray(auditLog.entityId, ids));
}

/**
 * Rows about one of the organiser's cases (by case OID): the case, its service implementations,
 * access windows and outbox messages. An OID of no case of the organiser matches nothing.
 */
function aboutCase(db: Executor, organiserId: string, caseOid: string) {
  const theCase = db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.organiserId, organiserId), eq(cases.caseOid, caseOid)));
  return or(
    auditRowsAbout(
      "case",
      db
        .select({ id: sqlText(cases.id) })
        .from(cases)
        .where(and(eq(cases.organiserId, organiserId), eq(cases.caseOid, caseOid))),
    ),
    auditRowsAbout(
      "access_window",
      db
        .select({ id: sqlText(accessWindows.id) })
        .from(accessWindows)
        .where(
          and(eq(accessWindows.organiserId, organiserId), inArray(accessWindows.caseId, theCase)),
        ),
    ),
    auditRowsAbout(
      "service_implementation",
      db
        .select({ id: sqlText(serviceImplementations.id) })
        .from(serviceImplementations)
        .where(
          and(
            eq(serviceImplementations.organiserId, organiserId),
            inArray(serviceImplementations.caseId, theCase),
          ),
        ),
    ),
    auditRowsAbout(
      "outbox_message",
      db
        .select({ id: sqlText(outboxMessages.id) })
        .from(outboxMessages)
        .where(
          and(eq(outboxMessages.organiserId, organiserId), inArray(outboxMessages.caseId, theCase)),
        ),
    ),
  );
}

/**
 * Rows of or about a provider the organiser works with: the provider's own actors' rows and
 * rows about the provider, its service units and contact people.
 */
function aboutProvider(db: Executor, organiserId: string, providerId: string) {
  const related = db
    .select({ id: organiserProviders.providerId })
    .from(organiserProviders)
    .where(
      and(
        eq(organiserProviders.organiserId, organiserId),
        eq(organiserProviders.providerId, providerId),
      ),
    );
  return or(
    inArray(auditLog.providerId, related),
    auditRowsAbout(
      "provider",
      db
        .select({ id: sqlText(providers.id) })
        .from(providers)
        .where(inArray(providers.id, related)),
    ),
    auditRowsAbout(
      "service_unit",
      db
        .select({ id: sqlText(serviceUnits.id) })
        .from(serviceUnits)
        .where(inArray(serviceUnits.providerId, related)),
    ),
    auditRowsAbout(
      "contact_person",
      db
        .select({ id: sqlText(contactPeople.id) })
        .from(contactPeople)
        .where(inArray(contactPeople.providerId, related)),
    ),
  );
}

/**
 * Field-level change history of shared provider data (units, contacts): the
 * provider's own changes and the actor's organiser's, newest first. The
 * caller has already checked that the organiser works with the provider.
 */
export async function listChanges(
  db: Executor,
  actor: AuditActor,
  entities: { type: string; ids: string[] }[],
  limit = 200,
) {
  const organiserId = organiserOf(actor);
  const wanted = entities.filter((e) => e.ids.length > 0);
  if (wanted.length === 0) return [];
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorName: users.name,
      actorRole: auditLog.actorRole,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      details: auditLog.details,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(
      and(
        eq(auditLog.outcome, "success"),
        or(eq(auditLog.organiserId, organiserId), isNull(auditLog.organiserId)),
        or(...wanted.map((e) => auditRowsAbout(e.type, e.ids))),
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}

/** The organiser's users, for the audit page's user filter (every role, disabled ones too). */
export async function listAuditUsers(db: Executor, actor: AuditActor) {
  const organiserId = organiserOf(actor);
  return db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role })
    .from(users)
    .where(eq(users.organiserId, organiserId))
    .orderBy(users.name, users.id);
}

/** The providers the organiser works with, for the audit page's provider filter. */
export async function listAuditProviders(db: Executor, actor: AuditActor) {
  const organiserId = organiserOf(actor);
  return db
    .select({ id: providers.id, name: providers.name })
    .from(providers)
    .innerJoin(organiserProviders, eq(organiserProviders.providerId, providers.id))
    .where(eq(organiserProviders.organiserId, organiserId))
    .orderBy(providers.name);
}
