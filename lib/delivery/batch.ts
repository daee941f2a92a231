import { actorMay } from "@/lib/auth/access";
import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray, like, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db";
import {
  accessWindows,
  cases,
  clientInformationSystems,
  clients,
  organisers,
  organiserSystems,
  outboxMessages,
  providers,
  serviceImplementations,
  serviceUnits,
  type DeliveryMethod,
  type DeliveryStatus,
} from "@/db/schema";
import { auditOutOfScope, writeAudit, type AuditActor } from "@/lib/audit";
import { organiserOf } from "@/lib/auth/scope";
import { clientKeys, openClientFields } from "@/lib/clients/store";
import { currentPolicy } from "@/lib/policy/queries";
import { composeBatchMessage, methodFor, type CaseDetails, type Recipient } from "./compose";
import { composeContext, recipientsOf, sealPickup } from "./operations";

/**
 * The case-number batch (DOMAIN rule 3, "by 31 August"): each provider whose client information
 * system needs case numbers gets one encrypted message per receiving contact person, listing the
 * case OIDs of all its existing clients as a CSV attachment inside the encryption.
 *
 * A provider is in the batch when one of its units has a live (planned or open) access window for
 * an existing client on this organiser's cases and the unit's system is marked by this organiser
 * as needing case numbers; its rows are those windows, one per case and unit.
 */

const LIVE = ["planned", "open"] as const;
/** Providers are processed in chunks of at most this many cases (or providers), in one transaction. */
const CHUNK_CASES = 2000;
const CHUNK_PROVIDERS = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type Refusal = { ok: false; message: string };

export type BatchRecipient = {
  contactId: string;
  name: string;
  email: string;
  method: DeliveryMethod;
};

export type BatchProvider = {
  providerId: string;
  name: string;
  businessId: string;
  /** Names of the systems (that need case numbers) its units in the batch run. */
  systems: string[];
  /** Rows of its list: live existing-client windows, one per case and unit. */
  cases: number;
  recipients: BatchRecipient[];
  /** No contact person receives case OIDs: nothing can be sent until one is added. */
  noRecipients: boolean;
};

export type MethodCounts = Record<DeliveryMethod, number>;

export type BatchPreview = {
  ok: true;
  /** yyyy-mm-dd, from the organiser's policy. */
  deadline: string;
  providers: BatchProvider[];
  totals: {
    providers: number;
    /** Providers that have at least one recipient. */
    sendable: number;
    /** Providers with no receiving contact person (shown as problems). */
    blocked: number;
    /** Rows over all providers. */
    cases: number;
    /** Rows that will be sent (providers with recipients). */
    casesSendable: number;
    messages: number;
    methods: MethodCounts;
  };
};

export type BatchSendResult =
  | {
      ok: true;
      batchId: string;
      /** Messages queued by this call. */
      messages: number;
      /** Providers that got at least one message. */
      providers: number;
      /** Rows listed over those providers (each provider counted once). */
      cases: number;
      /** Messages of the same request found already queued (a repeated submission). */
      existing: number;
      /** Providers left out because no contact person receives case OIDs. */
      skipped: number;
      /** The same request was already sent: nothing new was queued. */
      already: boolean;
    }
  | Refusal;

export type BatchProgress = {
  ok: true;
  batchId: string;
  total: number;
  queued: number;
  sending: number;
  sent: number;
  failed: number;
  startedAt: Date;
};

export type BatchSummary = {
  batchId: string;
  startedAt: Date;
  messages: number;
  sent: number;
  failed: number;
};

async function refuse(db: Executor, actor: AuditActor): Promise<Refusal> {
  await writeAudit(db, actor, {
    action: "deliveries.batch",
    outcome: "denied",
    details: { reason: "role" },
  });
  return { ok: false, message: "validation.forbidden" };
}

const emptyMethods = (): MethodCounts => ({ smime: 0, pgp: 0, pickup: 0 });

/** The windows of the batch: this organiser's live existing-client windows on units whose system needs case numbers. */
function inBatch(organiserId: string, ...more: (SQL | undefined)[]) {
  return and(
    eq(accessWindows.organiserId, organiserId),
    eq(cases.organiserId, organiserId),
    eq(accessWindows.existingClient, true),
    inArray(accessWindows.state, [...LIVE]),
    eq(organiserSystems.needsCaseNumbers, true),
    ...more,
  );
}

type ProviderRow = {
  providerId: string;
  name: string;
  businessId: string;
  cases: number;
  systems: string[];
};

/** One row per provider in the batch, with its number of rows and system names (no client data). */
async function batchProviders(db: Executor, organiserId: string): Promise<ProviderRow[]> {
  const rows = await db
    .select({
      providerId: serviceUnits.providerId,
      name: providers.name,
      businessId: providers.businessId,
      cases:
        sql<number>`count(distinct ${accessWindows.caseId}::text || ':' || ${accessWindows.serviceUnitId}::text)`.mapWith(
          Number,
        ),
      systems: sql<
        string[]
      >`array_agg(distinct ${clientInformationSystems.name} order by ${clientInformationSystems.name})`,
    })
    .from(accessWindows)
    .innerJoin(cases, eq(cases.id, accessWindows.caseId))
    .innerJoin(serviceUnits, eq(serviceUnits.id, accessWindows.serviceUnitId))
    .innerJoin(
      organiserSystems,
      and(
        eq(organiserSystems.organiserId, organiserId),
        eq(organiserSystems.cisId, serviceUnits.cisId),
      ),
    )
    .innerJoin(clientInformationSystems, eq(clientInformationSystems.id, serviceUnits.cisId))
    .innerJoin(providers, eq(providers.id, serviceUnits.providerId))
    .where(inBatch(organiserId))
    .groupBy(serviceUnits.providerId, providers.name, providers.businessId)
    .orderBy(providers.name, serviceUnits.providerId);
  return rows.map((r) => ({ ...r, systems: Array.isArray(r.systems) ? r.systems : [] }));
}

/** Consecutive groups of providers with at most CHUNK_CASES rows (or CHUNK_PROVIDERS providers). */
function chunks<T extends { cases: number }>(items: T[]): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    if (
      current.length > 0 &&
      (size + item.cases > CHUNK_CASES || current.length >= CHUNK_PROVIDERS)
    ) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += item.cases;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/**
 * The rows of the given providers' lists, decrypted, one per case and unit (the earliest window
 * when a case has several on the same unit), ordered by unit name and case OID.
 */
async function caseRows(
  db: Executor,
  organiserId: string,
  providerIds: string[],
): Promise<Map<string, CaseDetails[]>> {
  const rows = await db
    .select({
      caseId: accessWindows.caseId,
      unitId: accessWindows.serviceUnitId,
      providerId: serviceUnits.providerId,
      opensOn: accessWindows.opensOn,
      closesOn: accessWindows.closesOn,
      caseOid: cases.caseOid,
      serviceTask: cases.serviceTask,
      nameEnc: clients.nameEnc,
      hetuEnc: clients.hetuEnc,
      service: serviceImplementations.service,
      unitName: serviceUnits.name,
    })
    .from(accessWindows)
    .innerJoin(cases, eq(cases.id, accessWindows.caseId))
    .innerJoin(serviceUnits, eq(serviceUnits.id, accessWindows.serviceUnitId))
    .innerJoin(
      organiserSystems,
      and(
        eq(organiserSystems.organiserId, organiserId),
        eq(organiserSystems.cisId, serviceUnits.cisId),
      ),
    )
    .leftJoin(serviceImplementations, eq(serviceImplementations.id, accessWindows.implementationId))
    .leftJoin(clients, and(eq(clients.id, cases.clientId), eq(clients.organiserId, organiserId)))
    .where(inBatch(organiserId, inArray(serviceUnits.providerId, providerIds)))
    .orderBy(
      serviceUnits.providerId,
      serviceUnits.name,
      cases.caseOid,
      accessWindows.serviceUnitId,
      accessWindows.opensOn,
      accessWindows.id,
    );
  const keys = clientKeys();
  const seen = new Set<string>();
  const byProvider = new Map<string, CaseDetails[]>();
  for (const r of rows) {
    const key = `${r.caseId}:${r.unitId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const opened =
      r.nameEnc && r.hetuEnc
        ? openClientFields(keys, organiserId, { nameEnc: r.nameEnc, hetuEnc: r.hetuEnc })
        : { name: "", hetu: "" };
    const list = byProvider.get(r.providerId) ?? [];
    list.push({
      caseOid: r.caseOid,
      clientName: opened.name,
      hetu: opened.hetu,
      serviceTask: r.serviceTask,
      service: r.service ?? "",
      unitName: r.unitName,
      opensOn: r.opensOn,
      closesOn: r.closesOn,
    });
    byProvider.set(r.providerId, list);
  }
  return byProvider;
}

function recipientView(r: Recipient, now: Date): BatchRecipient {
  return { contactId: r.contactId, name: r.name, email: r.email, method: methodFor(r, now) };
}

/**
 * What the batch would send: per provider its systems, number of rows and recipients with the
 * method each one gets; providers without a receiving contact are flagged. Counts only, no client data.
 */
export async function previewBatch(
  db: Executor,
  actor: AuditActor,
  now = new Date(),
): Promise<BatchPreview | Refusal> {
  if (!actorMay(actor, "deliveries.batch")) return refuse(db, actor);
  const organiserId = organiserOf(actor);
  const { settings } = await currentPolicy(db, organiserId);
  const list: BatchProvider[] = [];
  for (const p of await batchProviders(db, organiserId)) {
    const recipients = (await recipientsOf(db, p.providerId)).map((r) => recipientView(r, now));
    list.push({ ...p, recipients, noRecipients: recipients.length === 0 });
  }
  const methods = emptyMethods();
  for (const p of list) for (const r of p.recipients) methods[r.method]++;
  const sendable = list.filter((p) => !p.noRecipients);
  return {
    ok: true,
    deadline: settings.caseNumberDeadline,
    providers: list,
    totals: {
      providers: list.length,
      sendable: sendable.length,
      blocked: list.length - sendable.length,
      cases: list.reduce((n, p) => n + p.cases, 0),
      casesSendable: sendable.reduce((n, p) => n + p.cases, 0),
      messages: sendable.reduce((n, p) => n + p.recipients.length, 0),
      methods,
    },
  };
}

/**
 * Queues the batch in one transaction: one outbox row per provider and receiving contact (kind
 * "batch", one new batch id for the run) and one audit row with counts only. The request key
 * (one per form) makes a repeated submission queue nothing: it answers with the first run's id.
 */
export async function sendBatch(
  db: Executor,
  actor: AuditActor,
  input: { requestKey: string },
  now = new Date(),
): Promise<BatchSendResult> {
  if (!actorMay(actor, "deliveries.batch")) return refuse(db, actor);
  const organiserId = organiserOf(actor);
  const requestKey = input.requestKey.trim().toLowerCase();
  if (!UUID.test(requestKey)) return { ok: false, message: "validation.invalid" };
  return db.transaction(async (tx): Promise<BatchSendResult> => {
    // One batch run at a time per organiser: a second submission waits and then finds the first.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`batch:${organiserId}`}))`);
    const previous = await tx
      .select({ batchId: outboxMessages.batchId, n: sql<number>`count(*)`.mapWith(Number) })
      .from(outboxMessages)
      .where(
        and(
          eq(outboxMessages.organiserId, organiserId),
          eq(outboxMessages.kind, "batch"),
          like(outboxMessages.requestKey, `${requestKey}:%`),
        ),
      )
      .groupBy(outboxMessages.batchId);
    if (previous.length > 0 && previous[0]!.batchId) {
      const batchId = previous[0]!.batchId;
      const existing = previous.reduce((n, p) => n + p.n, 0);
      await writeAudit(tx, actor, {
        action: "deliveries.batch",
        outcome: "success",
        entityType: "outbox_batch",
        entityId: batchId,
        details: { batchId, messages: 0, existing, repeated: true },
      });
      return {
        ok: true,
        batchId,
        messages: 0,
        providers: 0,
        cases: 0,
        existing,
        skipped: 0,
        already: true,
      };
    }

    const { settings } = await currentPolicy(tx, organiserId);
    const [organiser] = await tx.select().from(organisers).where(eq(organisers.id, organiserId));
    const ctx = composeContext(organiser!);
    const batchId = randomUUID();
    const methods = emptyMethods();
    let messages = 0;
    let existing = 0;
    let providersSent = 0;
    let casesSent = 0;
    let skipped = 0;

    for (const chunk of chunks(await batchProviders(tx, organiserId))) {
      const withRecipients: { provider: ProviderRow; recipients: Recipient[] }[] = [];
      for (const provider of chunk) {
        const recipients = await recipientsOf(tx, provider.providerId);
        if (recipients.length === 0) skipped++;
        else withRecipients.push({ provider, recipients });
      }
      if (withRecipients.length === 0) continue;
      const rowsOf = await caseRows(
        tx,
        organiserId,
        withRecipients.map((p) => p.provider.providerId),
      );
      for (const { provider, recipients } of withRecipients) {
        const rows = rowsOf.get(provider.providerId) ?? [];
        if (rows.length === 0) continue;
        let queuedHere = 0;
        for (const r of recipients) {
          const m = await composeBatchMessage(r, rows, settings.caseNumberDeadline, ctx, now);
          const inserted = await tx
            .insert(outboxMessages)
            .values({
              organiserId,
              kind: "batch",
              caseId: null,
              windowId: null,
              providerId: provider.providerId,
              contactId: r.contactId,
              recipient: r.email,
              method: m.method,
              messageId: m.messageId,
              requestKey: `${requestKey}:${provider.providerId}:${r.contactId}`,
              subject: m.subject,
              raw: m.raw.toString("latin1"),
              pickupEnc: m.pickup ? sealPickup(organiserId, m.pickup) : null,
              caseCount: rows.length,
              batchId,
              nextAttemptAt: now,
              createdBy: actor.userId,
            })
            .onConflictDoNothing({ target: outboxMessages.requestKey })
            .returning({ id: outboxMessages.id });
          if (inserted.length === 0) existing++;
          else {
            messages++;
            queuedHere++;
            methods[m.method]++;
          }
        }
        if (queuedHere > 0) {
          providersSent++;
          casesSent += rows.length;
        }
      }
      // The chunk's decrypted rows go out of scope here.
    }

    if (messages === 0 && existing === 0) return { ok: false, message: "batch.nothing" };
    await writeAudit(tx, actor, {
      action: "deliveries.batch",
      outcome: "success",
      entityType: "outbox_batch",
      entityId: batchId,
      details: {
        batchId,
        providers: providersSent,
        cases: casesSent,
        messages,
        existing,
        skippedProviders: skipped,
        methods,
      },
    });
    return {
      ok: true,
      batchId,
      messages,
      providers: providersSent,
      cases: casesSent,
      existing,
      skipped,
      already: false,
    };
  });
}

/** Counts of a batch's messages by status; null (audited) when the batch is not this organiser's. */
export async function batchProgress(
  db: Executor,
  actor: AuditActor,
  batchId: string,
): Promise<BatchProgress | Refusal | null> {
  if (!actorMay(actor, "deliveries.batch")) return refuse(db, actor);
  const organiserId = organiserOf(actor);
  const id = batchId.trim().toLowerCase();
  const rows = UUID.test(id)
    ? await db
        .select({
          status: outboxMessages.status,
          n: sql<number>`count(*)`.mapWith(Number),
          startedAt: sql<Date>`min(${outboxMessages.createdAt})`.mapWith(outboxMessages.createdAt),
        })
        .from(outboxMessages)
        .where(
          and(
            eq(outboxMessages.organiserId, organiserId),
            eq(outboxMessages.kind, "batch"),
            eq(outboxMessages.batchId, id),
          ),
        )
        .groupBy(outboxMessages.status)
    : [];
  if (rows.length === 0) {
    await auditOutOfScope(db, actor, "deliveries.batch", "outbox_batch", batchId);
    return null;
  }
  const counts: Record<DeliveryStatus, number> = { queued: 0, sending: 0, sent: 0, failed: 0 };
  for (const r of rows) counts[r.status] += r.n;
  const startedAt = rows
    .map((r) => new Date(r.startedAt))
    .reduce((a, b) => (a.getTime() <= b.getTime() ? a : b));
  return {
    ok: true,
    batchId: id,
    total: rows.reduce((n, r) => n + r.n, 0),
    ...counts,
    startedAt,
  };
}

/** The organiser's latest batches, newest first (counts only). */
export async function listBatches(
  db: Executor,
  actor: AuditActor,
  limit = 10,
): Promise<BatchSummary[] | Refusal> {
  if (!actorMay(actor, "deliveries.batch")) return refuse(db, actor);
  const organiserId = organiserOf(actor);
  const startedAt = sql<Date>`min(${outboxMessages.createdAt})`.mapWith(outboxMessages.createdAt);
  const rows = await db
    .select({
      batchId: outboxMessages.batchId,
      startedAt,
      messages: sql<number>`count(*)`.mapWith(Number),
      sent: sql<number>`count(*) filter (where ${outboxMessages.status} = 'sent')`.mapWith(Number),
      failed: sql<number>`count(*) filter (where ${outboxMessages.status} = 'failed')`.mapWith(
        Number,
      ),
    })
    .from(outboxMessages)
    .where(
      and(
        eq(outboxMessages.organiserId, organiserId),
        eq(outboxMessages.kind, "batch"),
        sql`${outboxMessages.batchId} is not null`,
      ),
    )
    .groupBy(outboxMessages.batchId)
    .orderBy(desc(startedAt))
    .limit(limit);
  return rows.map((r) => ({ ...r, batchId: r.batchId!, startedAt: new Date(r.startedAt) }));
}
