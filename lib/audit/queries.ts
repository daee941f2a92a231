import { and, count, desc, eq, inArray, isNull, or } from "drizzle-orm";
import type { Executor } from "@/db";
import { auditLog, organiserProviders, users } from "@/db/schema";
import type { AuditActor } from "./index";
import { organiserOf } from "@/lib/auth/scope";

export const AUDIT_PAGE_SIZE = 50;

/**
 * The audit rows an organiser may see, newest first: its own rows, and the
 * provider-side rows (organiser null) of providers it has a relationship with,
 * since those providers' data is shared with it. Never another organiser's rows.
 */
export async function listAudit(db: Executor, actor: AuditActor, page: number) {
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
      .where(visible)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset((page - 1) * AUDIT_PAGE_SIZE),
    db.select({ n: count() }).from(auditLog).where(visible),
  ]);
  return { rows, total: total?.n ?? 0 };
}
