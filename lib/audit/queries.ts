import { and, count, desc, eq, inArray, isNull, like, or } from "drizzle-orm";
import type { Executor } from "@/db";
import { auditLog, organiserProviders, users, type AuditOutcome } from "@/db/schema";
import type { AuditActor } from "./index";
import { organiserOf } from "@/lib/auth/scope";

export const AUDIT_PAGE_SIZE = 50;

/**
 * The audit rows an organiser may see, newest first: its own rows, and the
 * provider-side rows (organiser null) of providers it has a relationship with,
 * since those providers' data is shared with it. Never another organiser's rows.
 */
export async function listAudit(
  db: Executor,
  actor: AuditActor,
  page: number,
  filter: { action?: string; outcome?: AuditOutcome } = {},
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
        or(
          ...wanted.map((e) =>
            and(eq(auditLog.entityType, e.type), inArray(auditLog.entityId, e.ids)),
          ),
        ),
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}
