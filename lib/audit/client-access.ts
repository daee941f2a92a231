import { and, desc, eq, gte, inArray, isNull, lt, ne, or } from "drizzle-orm";
import type { Executor } from "@/db";
import {
  accessWindows,
  auditLog,
  cases,
  clients,
  organiserProviders,
  organisers,
  outboxMessages,
  providers,
  serviceImplementations,
  users,
} from "@/db/schema";
import { validateHetu } from "@/lib/clients/hetu";
import { clientKeys, hetuLookup } from "@/lib/clients/store";
import { isCalendarDate } from "@/lib/windows/dates";
import { organiserOf } from "@/lib/auth/scope";
import { writeAudit, type AuditActor } from "./index";
import { auditRowsAbout, helsinkiDayStart, sqlText } from "./queries";

/** Roles that may ask who saw a client's data (the /audit page's roles). */
const AUDITORS: ReadonlySet<string> = new Set(["project_staff", "admin"]);

/** Most rows one search returns; more is reported as truncated. */
export const CLIENT_ACCESS_MAX = 1000;

/** Actions that read client data, and those that send it out of the organiser. */
export const CLIENT_READ_ACTIONS: readonly string[] = [
  "cases.view",
  "clients.reveal",
  "clients.search",
  "audit.clientAccess",
];
export const CLIENT_DISCLOSURE_ACTIONS: readonly string[] = [
  "deliveries.send",
  "deliveries.sent",
  "deliveries.pickup",
];
/** Per batch, not per client: its rows name the batch, never the client. */
const SKIPPED_ACTIONS = ["deliveries.batch"];

export type ClientAccessKind = "read" | "disclosure" | "change";

export function clientAccessKind(action: string): ClientAccessKind {
  if (CLIENT_READ_ACTIONS.includes(action)) return "read";
  if (CLIENT_DISCLOSURE_ACTIONS.includes(action)) return "disclosure";
  return "change";
}

export type ClientAccessRow = {
  id: number;
  at: Date;
  actorUserId: string | null;
  actorName: string | null;
  actorRole: string | null;
  /** The actor's organiser (name in fi/sv/en) or provider, as the row records them. */
  organiserNameFi: string | null;
  organiserNameSv: string | null;
  organiserNameEn: string | null;
  providerName: string | null;
  action: string;
  kind: ClientAccessKind;
  entityType: string | null;
  entityId: string | null;
  outcome: string;
  purpose: string | null;
};

export type ClientAccessResult =
  | { ok: true; clientFound: boolean; rows: ClientAccessRow[]; truncated: boolean }
  | { ok: false; message: string };

/**
 * Who saw or was sent one client's data between two days (inclusive, Helsinki days), in one
 * query: every audit row in the range about the client, its cases, those cases' service
 * implementations, access windows and outbox messages — reads, disclosures and changes. The
 * client is found by the keyed hash of the identity code within the actor's organiser; the
 * code itself is never stored, logged or returned. The search is audited ("audit.clientAccess",
 * counts only).
 */
export async function clientAccessLog(
  db: Executor,
  actor: AuditActor,
  input: { hetu: string; from: string; to: string },
): Promise<ClientAccessResult> {
  if (!AUDITORS.has(actor.role ?? "")) {
    await writeAudit(db, actor, {
      action: "audit.clientAccess",
      outcome: "denied",
      details: { reason: "role" },
    });
    return { ok: false, message: "validation.forbidden" };
  }
  const verdict = validateHetu(input.hetu);
  if (!verdict.ok) return { ok: false, message: `hetu.${verdict.code}` };
  if (!isCalendarDate(input.from) || !isCalendarDate(input.to) || input.from > input.to)
    return { ok: false, message: "auditView.clientAccess.badRange" };
  const organiserId = organiserOf(actor);
  const hash = hetuLookup(clientKeys(), organiserId, verdict.hetu);
  const [client] = await db
    .select({ id: clients.id })
    .from(clients)
    .where(and(eq(clients.organiserId, organiserId), eq(clients.hetuHash, hash)));

  let rows: ClientAccessRow[] = [];
  let truncated = false;
  if (client) {
    const clientCases = db
      .select({ id: cases.id })
      .from(cases)
      .where(and(eq(cases.organiserId, organiserId), eq(cases.clientId, client.id)));
    const found = await db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        actorUserId: auditLog.actorUserId,
        actorName: users.name,
        actorRole: auditLog.actorRole,
        organiserNameFi: organisers.nameFi,
        organiserNameSv: organisers.nameSv,
        organiserNameEn: organisers.nameEn,
        providerName: providers.name,
        action: auditLog.action,
        entityType: auditLog.entityType,
        entityId: auditLog.entityId,
        outcome: auditLog.outcome,
        purpose: auditLog.purpose,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .leftJoin(organisers, eq(organisers.id, auditLog.organiserId))
      .leftJoin(providers, eq(providers.id, auditLog.providerId))
      .where(
        and(
          // The organiser's own rows, and provider-side rows of providers it works with.
          or(
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
          ),
          gte(auditLog.at, helsinkiDayStart(input.from)),
          lt(auditLog.at, helsinkiDayStart(input.to, 1)),
          ...SKIPPED_ACTIONS.map((a) => ne(auditLog.action, a)),
          or(
            and(eq(auditLog.entityType, "client"), eq(auditLog.entityId, client.id)),
            auditRowsAbout(
              "case",
              db
                .select({ id: sqlText(cases.id) })
                .from(cases)
                .where(and(eq(cases.organiserId, organiserId), eq(cases.clientId, client.id))),
            ),
            auditRowsAbout(
              "service_implementation",
              db
                .select({ id: sqlText(serviceImplementations.id) })
                .from(serviceImplementations)
                .where(
                  and(
                    eq(serviceImplementations.organiserId, organiserId),
                    inArray(serviceImplementations.caseId, clientCases),
                  ),
                ),
            ),
            auditRowsAbout(
              "access_window",
              db
                .select({ id: sqlText(accessWindows.id) })
                .from(accessWindows)
                .where(
                  and(
                    eq(accessWindows.organiserId, organiserId),
                    inArray(accessWindows.caseId, clientCases),
                  ),
                ),
            ),
            auditRowsAbout(
              "outbox_message",
              db
                .select({ id: sqlText(outboxMessages.id) })
                .from(outboxMessages)
                .where(
                  and(
                    eq(outboxMessages.organiserId, organiserId),
                    inArray(outboxMessages.caseId, clientCases),
                  ),
                ),
            ),
          ),
        ),
      )
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(CLIENT_ACCESS_MAX + 1);
    truncated = found.length > CLIENT_ACCESS_MAX;
    rows = found
      .slice(0, CLIENT_ACCESS_MAX)
      .map((r) => ({ ...r, kind: clientAccessKind(r.action) }));
  }

  const count = (kind: ClientAccessKind) => rows.filter((r) => r.kind === kind).length;
  await writeAudit(db, actor, {
    action: "audit.clientAccess",
    outcome: "success",
    entityType: client ? "client" : undefined,
    entityId: client?.id,
    purpose: "audit",
    details: {
      found: client ? 1 : 0,
      rows: rows.length,
      reads: count("read"),
      disclosures: count("disclosure"),
      changes: count("change"),
      truncated,
      days: { from: input.from, to: input.to },
    },
  });
  return { ok: true, clientFound: Boolean(client), rows, truncated };
}
