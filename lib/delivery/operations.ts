import { readFileSync } from "node:fs";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import {
  accessWindows,
  cases,
  clients,
  contactPeople,
  organisers,
  outboxMessages,
  serviceImplementations,
  serviceUnits,
  type DeliveryMethod,
} from "@/db/schema";
import { auditOutOfScope, writeAudit, type AuditActor } from "@/lib/audit";
import { actorMay } from "@/lib/auth/access";
import { organiserOf } from "@/lib/auth/scope";
import { clientKeys, openClientFields } from "@/lib/clients/store";
import { getConfig } from "@/lib/config";
import { decryptField, encryptField } from "@/lib/crypto/field";
import type { Locale } from "@/lib/i18n/locales";
import {
  composeCaseMessage,
  methodFor,
  type CaseDetails,
  type ComposeContext,
  type Recipient,
} from "./compose";
import type { SmimeSigner } from "./mime";

export type DeliveryResult =
  | { ok: true; queued: number; existing: number; methods: DeliveryMethod[] }
  | { ok: false; message: string };

async function refuse(db: Executor, actor: AuditActor, action: string) {
  await writeAudit(db, actor, { action, outcome: "denied", details: { reason: "role" } });
  return { ok: false as const, message: "validation.forbidden" };
}

const g = globalThis as unknown as { __smimeSigner?: SmimeSigner | null };

/** The organiser's signing certificate, when configured (read once). */
export function configuredSigner(): SmimeSigner | undefined {
  if (g.__smimeSigner === undefined) {
    const files = getConfig().smimeSigner;
    g.__smimeSigner = files
      ? {
          certPem: readFileSync(files.certFile, "utf8"),
          keyPem: readFileSync(files.keyFile, "utf8"),
        }
      : null;
  }
  return g.__smimeSigner ?? undefined;
}

export function composeContext(organiser: {
  nameFi: string;
  nameSv: string;
  nameEn: string;
  deliveryIdentifier: string;
}): ComposeContext {
  const c = getConfig();
  return {
    organiser,
    identifier: organiser.deliveryIdentifier === "hetu" ? "hetu" : "birth_date",
    from: c.mailFrom,
    appUrl: c.appUrl,
    signer: configuredSigner(),
  };
}

/** Contact people of a provider who receive case OIDs, with the method each one gets. */
export async function recipientsOf(db: Executor, providerId: string): Promise<Recipient[]> {
  const rows = await db
    .select()
    .from(contactPeople)
    .where(and(eq(contactPeople.providerId, providerId), eq(contactPeople.receivesCaseOids, true)))
    .orderBy(contactPeople.name);
  return rows.map((c) => ({
    contactId: c.id,
    name: c.name,
    email: c.email,
    language: c.language as Locale,
    keyKind: c.encryptionKeyKind,
    key: c.encryptionKey,
    keyExpires: c.encryptionKeyExpires,
  }));
}

const pickupContext = (organiserId: string) => `outbox.pickup:${organiserId}`;

export function sealPickup(organiserId: string, content: object): string {
  return encryptField(clientKeys(), JSON.stringify(content), pickupContext(organiserId));
}

export function openPickup(
  organiserId: string,
  sealed: string,
): { text: string; csv?: string; csvName?: string } {
  return JSON.parse(decryptField(clientKeys(), sealed, pickupContext(organiserId)));
}

/** What sending a window's case OID would do: the recipients and each one's method. */
export async function previewCaseDelivery(db: Executor, actor: AuditActor, windowId: string) {
  const organiserId = organiserOf(actor);
  const [w] = await db
    .select({ providerId: serviceUnits.providerId })
    .from(accessWindows)
    .innerJoin(serviceUnits, eq(serviceUnits.id, accessWindows.serviceUnitId))
    .where(and(eq(accessWindows.id, windowId), eq(accessWindows.organiserId, organiserId)));
  if (!w) return null;
  const now = new Date();
  return (await recipientsOf(db, w.providerId)).map((r) => ({
    contactId: r.contactId,
    name: r.name,
    email: r.email,
    method: methodFor(r, now),
  }));
}

/**
 * Queues the case OID of a window to each contact person of the unit's provider who receives case
 * OIDs: one outbox row per recipient, written in one transaction with its audit row. The same
 * requestKey (one form submission) never queues twice, so a double click sends one message.
 */
export async function sendCaseOid(
  db: Executor,
  actor: AuditActor,
  input: { windowId: string; requestKey: string },
  now = new Date(),
): Promise<DeliveryResult> {
  if (!actorMay(actor, "deliveries.send")) return refuse(db, actor, "deliveries.send");
  const organiserId = organiserOf(actor);
  return db.transaction(async (tx): Promise<DeliveryResult> => {
    const [row] = await tx
      .select({
        window: accessWindows,
        caseOid: cases.caseOid,
        serviceTask: cases.serviceTask,
        clientId: cases.clientId,
        service: serviceImplementations.service,
        unitName: serviceUnits.name,
        providerId: serviceUnits.providerId,
      })
      .from(accessWindows)
      .innerJoin(cases, eq(cases.id, accessWindows.caseId))
      .innerJoin(serviceUnits, eq(serviceUnits.id, accessWindows.serviceUnitId))
      .leftJoin(
        serviceImplementations,
        eq(serviceImplementations.id, accessWindows.implementationId),
      )
      .where(and(eq(accessWindows.id, input.windowId), eq(accessWindows.organiserId, organiserId)));
    if (!row) {
      await auditOutOfScope(tx, actor, "deliveries.send", "access_window", input.windowId);
      return { ok: false, message: "validation.notFound" };
    }
    if (row.window.state === "invalidated") return { ok: false, message: "delivery.invalidated" };
    if (!row.clientId) return { ok: false, message: "delivery.noClient" };
    const recipients = await recipientsOf(tx, row.providerId);
    if (recipients.length === 0) return { ok: false, message: "delivery.noRecipients" };
    const [client] = await tx
      .select()
      .from(clients)
      .where(and(eq(clients.id, row.clientId), eq(clients.organiserId, organiserId)));
    const [organiser] = await tx.select().from(organisers).where(eq(organisers.id, organiserId));
    const opened = openClientFields(clientKeys(), organiserId, client!);
    const details: CaseDetails = {
      caseOid: row.caseOid,
      clientName: opened.name,
      hetu: opened.hetu,
      serviceTask: row.serviceTask,
      service: row.service ?? "",
      unitName: row.unitName,
      opensOn: row.window.opensOn,
      closesOn: row.window.closesOn,
    };
    const ctx = composeContext(organiser!);
    let queued = 0;
    let existing = 0;
    const methods: DeliveryMethod[] = [];
    for (const r of recipients) {
      const requestKey = `${input.requestKey}:${r.contactId}`;
      const [already] = await tx
        .select({ id: outboxMessages.id })
        .from(outboxMessages)
        .where(eq(outboxMessages.requestKey, requestKey));
      if (already) {
        existing++;
        continue;
      }
      const m = await composeCaseMessage(r, details, ctx, now);
      const inserted = await tx
        .insert(outboxMessages)
        .values({
          organiserId,
          kind: "case_oid",
          caseId: row.window.caseId,
          windowId: row.window.id,
          providerId: row.providerId,
          contactId: r.contactId,
          recipient: r.email,
          method: m.method,
          messageId: m.messageId,
          requestKey,
          subject: m.subject,
          raw: m.raw.toString("latin1"),
          pickupEnc: m.pickup ? sealPickup(organiserId, m.pickup) : null,
          nextAttemptAt: now,
          createdBy: actor.userId,
        })
        .onConflictDoNothing({ target: outboxMessages.requestKey })
        .returning({ id: outboxMessages.id });
      if (inserted.length === 0) existing++;
      else {
        queued++;
        methods.push(m.method);
      }
    }
    await writeAudit(tx, actor, {
      action: "deliveries.send",
      outcome: "success",
      entityType: "access_window",
      entityId: row.window.id,
      details: { caseId: row.window.caseId, queued, existing, methods },
    });
    return { ok: true, queued, existing, methods };
  });
}

/** Staff put a failed message back in the queue (attempts start again). */
export async function retryDelivery(
  db: Executor,
  actor: AuditActor,
  input: { id: string },
  now = new Date(),
): Promise<{ ok: true } | { ok: false; message: string }> {
  if (!actorMay(actor, "deliveries.retry")) return refuse(db, actor, "deliveries.retry");
  const organiserId = organiserOf(actor);
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(outboxMessages)
      .set({ status: "queued", attempts: 0, nextAttemptAt: now, lockedAt: null, updatedAt: now })
      .where(
        and(
          eq(outboxMessages.id, input.id),
          eq(outboxMessages.organiserId, organiserId),
          eq(outboxMessages.status, "failed"),
        ),
      )
      .returning({ id: outboxMessages.id });
    if (updated.length === 0) {
      const [exists] = await tx
        .select({ id: outboxMessages.id })
        .from(outboxMessages)
        .where(and(eq(outboxMessages.id, input.id), eq(outboxMessages.organiserId, organiserId)));
      if (!exists) {
        await auditOutOfScope(tx, actor, "deliveries.retry", "outbox_message", input.id);
        return { ok: false, message: "validation.notFound" };
      }
      return { ok: false, message: "delivery.notFailed" };
    }
    await writeAudit(tx, actor, {
      action: "deliveries.retry",
      outcome: "success",
      entityType: "outbox_message",
      entityId: input.id,
    });
    return { ok: true };
  });
}

/** Portal pickup messages addressed to the signed-in provider contact (matched by e-mail). */
async function ownContactIds(db: Executor, actor: AuditActor & { email: string | null }) {
  if (actor.role !== "provider_contact" || !actor.providerId || !actor.email) return [];
  const rows = await db
    .select({ id: contactPeople.id })
    .from(contactPeople)
    .where(
      and(
        eq(contactPeople.providerId, actor.providerId),
        eq(sql`lower(${contactPeople.email})`, actor.email.toLowerCase()),
      ),
    );
  return rows.map((r) => r.id);
}

export async function listPickups(db: Executor, actor: AuditActor & { email: string | null }) {
  const ids = await ownContactIds(db, actor);
  if (ids.length === 0) return [];
  return db
    .select({
      id: outboxMessages.id,
      kind: outboxMessages.kind,
      subject: outboxMessages.subject,
      caseCount: outboxMessages.caseCount,
      createdAt: outboxMessages.createdAt,
      pickedUpAt: outboxMessages.pickedUpAt,
      organiserFi: organisers.nameFi,
      organiserSv: organisers.nameSv,
      organiserEn: organisers.nameEn,
    })
    .from(outboxMessages)
    .innerJoin(organisers, eq(organisers.id, outboxMessages.organiserId))
    .where(
      and(
        inArray(outboxMessages.contactId, ids),
        eq(outboxMessages.method, "pickup"),
        ne(outboxMessages.status, "failed"),
      ),
    )
    .orderBy(outboxMessages.createdAt);
}

/** Opens one pickup message for its own recipient; every pickup is audited. */
export async function pickUp(
  db: Executor,
  actor: AuditActor & { email: string | null },
  id: string,
  now = new Date(),
) {
  const ids = await ownContactIds(db, actor);
  const [m] = ids.length
    ? await db
        .select()
        .from(outboxMessages)
        .where(
          and(
            eq(outboxMessages.id, id),
            inArray(outboxMessages.contactId, ids),
            eq(outboxMessages.method, "pickup"),
          ),
        )
    : [];
  if (!m?.pickupEnc) {
    await auditOutOfScope(db, actor, "deliveries.pickup", "outbox_message", id);
    return null;
  }
  const content = openPickup(m.organiserId, m.pickupEnc);
  await db.transaction(async (tx) => {
    if (!m.pickedUpAt)
      await tx.update(outboxMessages).set({ pickedUpAt: now }).where(eq(outboxMessages.id, m.id));
    await writeAudit(tx, actor, {
      action: "deliveries.pickup",
      outcome: "success",
      entityType: "outbox_message",
      entityId: m.id,
      organiserId: m.organiserId,
      details: { caseId: m.caseId, kind: m.kind },
    });
  });
  return { message: m, content };
}
