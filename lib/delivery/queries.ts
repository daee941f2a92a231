import { and, desc, eq, type SQL } from "drizzle-orm";
import type { Executor } from "@/db";
import {
  cases,
  contactPeople,
  outboxMessages,
  providers,
  type DeliveryMethod,
  type DeliveryStatus,
} from "@/db/schema";
import type { AuditActor } from "@/lib/audit";
import { organiserOf } from "@/lib/auth/scope";

/** The most rows the Deliveries view shows at once (most recent first). */
export const DELIVERY_LIST_LIMIT = 500;

/** One outbox message as staff see it: status and routing only, never its content. */
const deliveryColumns = {
  id: outboxMessages.id,
  kind: outboxMessages.kind,
  caseId: outboxMessages.caseId,
  caseOid: cases.caseOid,
  caseCount: outboxMessages.caseCount,
  batchId: outboxMessages.batchId,
  providerId: outboxMessages.providerId,
  providerName: providers.name,
  contactId: outboxMessages.contactId,
  contactName: contactPeople.name,
  recipient: outboxMessages.recipient,
  method: outboxMessages.method,
  status: outboxMessages.status,
  attempts: outboxMessages.attempts,
  maxAttempts: outboxMessages.maxAttempts,
  nextAttemptAt: outboxMessages.nextAttemptAt,
  sentAt: outboxMessages.sentAt,
  pickedUpAt: outboxMessages.pickedUpAt,
  lastError: outboxMessages.lastError,
  smtpResponse: outboxMessages.smtpResponse,
  messageId: outboxMessages.messageId,
  createdBy: outboxMessages.createdBy,
  createdAt: outboxMessages.createdAt,
};

function deliveries(db: Executor, where: SQL | undefined) {
  return db
    .select(deliveryColumns)
    .from(outboxMessages)
    .innerJoin(providers, eq(providers.id, outboxMessages.providerId))
    .innerJoin(contactPeople, eq(contactPeople.id, outboxMessages.contactId))
    .leftJoin(
      cases,
      and(eq(cases.id, outboxMessages.caseId), eq(cases.organiserId, outboxMessages.organiserId)),
    )
    .where(where)
    .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id));
}

export type DeliveryRow = Awaited<ReturnType<typeof deliveries>>[number];

/** The organiser's outbox, most recent first, optionally by status and method. */
export async function listDeliveries(
  db: Executor,
  actor: AuditActor,
  filter: { status?: DeliveryStatus; method?: DeliveryMethod; limit: number },
): Promise<DeliveryRow[]> {
  const organiserId = organiserOf(actor);
  const conditions = [eq(outboxMessages.organiserId, organiserId)];
  if (filter.status) conditions.push(eq(outboxMessages.status, filter.status));
  if (filter.method) conditions.push(eq(outboxMessages.method, filter.method));
  return deliveries(db, and(...conditions)).limit(Math.max(1, filter.limit));
}

/** Every delivery of one case of the actor's organiser (empty for another organiser's case). */
export async function caseDeliveries(
  db: Executor,
  actor: AuditActor,
  caseId: string,
): Promise<DeliveryRow[]> {
  const organiserId = organiserOf(actor);
  return deliveries(
    db,
    and(eq(outboxMessages.organiserId, organiserId), eq(outboxMessages.caseId, caseId)),
  );
}
