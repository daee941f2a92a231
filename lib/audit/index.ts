import { auditLog, type AuditOutcome } from "@/db/schema";
import type { Executor } from "@/db";

export type AuditActor = {
  userId: string | null;
  role: string | null;
  organiserId: string | null;
  providerId: string | null;
  sourceIp?: string | null;
};

export type AuditEntry = {
  action: string;
  outcome: AuditOutcome;
  entityType?: string;
  entityId?: string;
  purpose?: string;
  /** Never client-identifying data: ids and field names only. */
  details?: Record<string, unknown>;
  /** Overrides the actor's organiser (e.g. a provider contact acting towards one organiser). */
  organiserId?: string | null;
};

/**
 * The one way to write an audit row. Pass the transaction that makes the
 * change so the row commits (or rolls back) with it.
 */
export async function writeAudit(
  executor: Executor,
  actor: AuditActor,
  entry: AuditEntry,
): Promise<void> {
  await executor.insert(auditLog).values({
    organiserId: entry.organiserId !== undefined ? entry.organiserId : actor.organiserId,
    providerId: actor.providerId,
    actorUserId: actor.userId,
    actorRole: actor.role,
    action: entry.action,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
    outcome: entry.outcome,
    sourceIp: actor.sourceIp ?? null,
    purpose: entry.purpose ?? null,
    details: entry.details ?? null,
  });
}

/** The one shape of a refused attempt to touch data outside the actor's scope. */
export function auditOutOfScope(
  executor: Executor,
  actor: AuditActor,
  action: string,
  entityType: string,
  entityId: string,
): Promise<void> {
  return writeAudit(executor, actor, {
    action,
    outcome: "denied",
    entityType,
    entityId: entityId.slice(0, 100),
    details: { reason: "out_of_scope" },
  });
}
