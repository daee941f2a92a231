import { and, eq, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import {
  accessWindows,
  cases,
  clients,
  providerResources,
  serviceImplementations,
  type ServiceTask,
} from "@/db/schema";
import { auditOutOfScope, writeAudit, type AuditActor } from "@/lib/audit";
// Roles are checked here, where the data is touched, against the one route table.
import { actorMay } from "@/lib/auth/access";
import { organiserOf } from "@/lib/auth/scope";
import { clientKeys, hetuLookup, openClientFields, sealClient } from "@/lib/clients/store";
import { loadUnitFacts } from "@/lib/eligibility/facts";
import { decideAccess, type IneligibleReason } from "@/lib/eligibility/policy";
import { currentPolicy } from "@/lib/policy/queries";
import { addDays, helsinkiToday } from "@/lib/windows/dates";
import { proposeWindow, stateOn } from "@/lib/windows/rules";

export type CaseResult =
  | { ok: true; id: string }
  | {
      ok: false;
      message: string;
      fieldErrors?: Record<string, string>;
      params?: Record<string, string>;
      reasons?: IneligibleReason[];
    };

async function refuseRole(db: Executor, actor: AuditActor, action: string): Promise<CaseResult> {
  await writeAudit(db, actor, { action, outcome: "denied", details: { reason: "role" } });
  return { ok: false, message: "validation.forbidden" };
}

/** Creates a case and, unless the organiser already has them, the client (encrypted). */
export async function createCase(
  db: Executor,
  actor: AuditActor,
  input: { caseOid: string; serviceTask: ServiceTask; clientName: string; hetu: string },
): Promise<CaseResult> {
  if (!actorMay(actor, "cases.create")) return refuseRole(db, actor, "cases.create");
  const organiserId = organiserOf(actor);
  const keys = clientKeys();
  const caseOid = input.caseOid.trim();
  return db.transaction(async (tx) => {
    // Case OIDs are national: one in use anywhere is refused without saying where.
    const [taken] = await tx.select({ id: cases.id }).from(cases).where(eq(cases.caseOid, caseOid));
    if (taken)
      return {
        ok: false,
        message: "validation.invalid",
        fieldErrors: { caseOid: "cases.caseOidTaken" },
      };
    const sealed = sealClient(keys, organiserId, { name: input.clientName, hetu: input.hetu });
    const [existing] = await tx
      .select({ id: clients.id })
      .from(clients)
      .where(and(eq(clients.organiserId, organiserId), eq(clients.hetuHash, sealed.hetuHash)));
    let clientId = existing?.id;
    if (!clientId) {
      const [row] = await tx
        .insert(clients)
        .values({ organiserId, ...sealed })
        .returning({ id: clients.id });
      clientId = row!.id;
    }
    const [row] = await tx
      .insert(cases)
      .values({
        organiserId,
        caseOid,
        serviceTask: input.serviceTask,
        clientId,
        responsibleUserId: actor.userId,
      })
      .returning({ id: cases.id });
    await writeAudit(tx, actor, {
      action: "cases.create",
      outcome: "success",
      entityType: "case",
      entityId: row!.id,
      details: { clientId, newClient: !existing },
    });
    return { ok: true, id: row!.id };
  });
}

/** The case, if it is the actor's organiser's; else audits the attempt and returns null. */
async function ownCase(tx: Executor, actor: AuditActor, action: string, caseId: string) {
  const [row] = await tx
    .select()
    .from(cases)
    .where(and(eq(cases.id, caseId), eq(cases.organiserId, organiserOf(actor))));
  if (!row) await auditOutOfScope(tx, actor, action, "case", caseId);
  return row ?? null;
}

async function ownImplementation(
  tx: Executor,
  actor: AuditActor,
  action: string,
  implementationId: string,
) {
  const [row] = await tx
    .select()
    .from(serviceImplementations)
    .where(
      and(
        eq(serviceImplementations.id, implementationId),
        eq(serviceImplementations.organiserId, organiserOf(actor)),
      ),
    )
    .for("update");
  if (!row) await auditOutOfScope(tx, actor, action, "service_implementation", implementationId);
  return row ?? null;
}

/** Adds a service implementation (a social service with dates) to a case. */
export async function addImplementation(
  db: Executor,
  actor: AuditActor,
  input: {
    caseId: string;
    service: string;
    startsOn: string;
    endsOn: string | null;
    voucher: boolean;
  },
): Promise<CaseResult> {
  if (!actorMay(actor, "cases.addImplementation"))
    return refuseRole(db, actor, "cases.addImplementation");
  const organiserId = organiserOf(actor);
  return db.transaction(async (tx) => {
    const found = await ownCase(tx, actor, "cases.addImplementation", input.caseId);
    if (!found) return { ok: false, message: "validation.notFound" };
    const [dup] = await tx
      .select({ id: serviceImplementations.id })
      .from(serviceImplementations)
      .where(
        and(
          eq(serviceImplementations.caseId, input.caseId),
          eq(serviceImplementations.service, input.service),
          eq(serviceImplementations.startsOn, input.startsOn),
        ),
      );
    if (dup)
      return {
        ok: false,
        message: "validation.invalid",
        fieldErrors: { startsOn: "cases.implementationExists" },
      };
    const [row] = await tx
      .insert(serviceImplementations)
      .values({
        organiserId,
        caseId: input.caseId,
        service: input.service,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        voucher: input.voucher,
      })
      .returning({ id: serviceImplementations.id });
    await writeAudit(tx, actor, {
      action: "cases.addImplementation",
      outcome: "success",
      entityType: "service_implementation",
      entityId: row!.id,
      details: { caseId: input.caseId, service: input.service, voucher: input.voucher },
    });
    return { ok: true, id: row!.id };
  });
}

/**
 * Sets (or clears) the end date of a service implementation. The unit resources follow, and so
 * do the closing dates of the live windows whose dates nobody set by hand: end + the policy's
 * days after end (open-ended again when the end is cleared). Optimistic concurrency on version.
 */
export async function setImplementationEnd(
  db: Executor,
  actor: AuditActor,
  input: { implementationId: string; version: number; endsOn: string | null },
  today: string = helsinkiToday(),
): Promise<CaseResult & { moved?: number }> {
  if (!actorMay(actor, "cases.setImplementationEnd"))
    return refuseRole(db, actor, "cases.setImplementationEnd");
  const organiserId = organiserOf(actor);
  return db.transaction(async (tx) => {
    const impl = await ownImplementation(
      tx,
      actor,
      "cases.setImplementationEnd",
      input.implementationId,
    );
    if (!impl) return { ok: false, message: "validation.notFound" };
    if (impl.version !== input.version) return { ok: false, message: "validation.conflict" };
    if (input.endsOn && input.endsOn < impl.startsOn)
      return {
        ok: false,
        message: "validation.invalid",
        fieldErrors: { endsOn: "dateOrder" },
      };
    const { settings } = await currentPolicy(tx, organiserId);
    await tx
      .update(serviceImplementations)
      .set({ endsOn: input.endsOn, version: impl.version + 1, updatedAt: new Date() })
      .where(eq(serviceImplementations.id, impl.id));
    // Resources that followed the old end follow the new one.
    const resources = await tx
      .select()
      .from(providerResources)
      .where(eq(providerResources.implementationId, impl.id));
    for (const r of resources) {
      if (r.endsOn === impl.endsOn)
        await tx
          .update(providerResources)
          .set({ endsOn: input.endsOn })
          .where(eq(providerResources.id, r.id));
    }
    const closesOn = input.endsOn ? addDays(input.endsOn, settings.daysAfterEnd) : null;
    const live = await tx
      .select()
      .from(accessWindows)
      .where(
        and(
          eq(accessWindows.implementationId, impl.id),
          ne(accessWindows.state, "invalidated"),
          eq(accessWindows.datesManual, false),
        ),
      )
      .for("update");
    let moved = 0;
    for (const w of live) {
      // A window can never close before it opens: it then closes on its opening day.
      const next = closesOn && closesOn < w.opensOn ? w.opensOn : closesOn;
      if (next === w.closesOn) continue;
      const state = stateOn({ opensOn: w.opensOn, closesOn: next, invalidated: false }, today);
      await tx
        .update(accessWindows)
        .set({ closesOn: next, state, version: w.version + 1, updatedAt: new Date() })
        .where(eq(accessWindows.id, w.id));
      await writeAudit(tx, actor, {
        action: "windows.datesFollowService",
        outcome: "success",
        entityType: "access_window",
        entityId: w.id,
        details: { changes: { closesOn: { from: w.closesOn, to: next } }, state },
      });
      moved++;
    }
    await writeAudit(tx, actor, {
      action: "cases.setImplementationEnd",
      outcome: "success",
      entityType: "service_implementation",
      entityId: impl.id,
      details: {
        changes: { endsOn: { from: impl.endsOn, to: input.endsOn } },
        windowsMoved: moved,
      },
    });
    return { ok: true, id: impl.id, moved };
  });
}

/**
 * Attaches a provider's service unit to an implementation and proposes its access window.
 * An ineligible unit (DOMAIN rule 3) is refused with the reasons, unless an admin overrides it
 * with a written justification, which the window and the audit row keep.
 */
export async function attachUnit(
  db: Executor,
  actor: AuditActor,
  input: { implementationId: string; unitId: string; justification: string },
  today: string = helsinkiToday(),
): Promise<CaseResult & { windowId?: string; override?: boolean }> {
  if (!actorMay(actor, "cases.attachUnit")) return refuseRole(db, actor, "cases.attachUnit");
  const organiserId = organiserOf(actor);
  return db.transaction(
    async (tx): Promise<CaseResult & { windowId?: string; override?: boolean }> => {
      const impl = await ownImplementation(tx, actor, "cases.attachUnit", input.implementationId);
      if (!impl) return { ok: false, message: "validation.notFound" };
      const facts = (await loadUnitFacts(tx, organiserId, { unitIds: [input.unitId] })).get(
        input.unitId,
      );
      if (!facts) {
        await auditOutOfScope(tx, actor, "cases.attachUnit", "service_unit", input.unitId);
        return { ok: false, message: "validation.invalid", fieldErrors: { unitId: "notFound" } };
      }
      const policy = await currentPolicy(tx, organiserId);
      const decision = decideAccess(
        facts.facts,
        { service: impl.service, voucher: impl.voucher },
        policy.settings,
      );
      const justification = input.justification.trim();
      let override = false;
      if (!decision.eligible) {
        if (actor.role !== "admin" || justification.length < 10) {
          await writeAudit(tx, actor, {
            action: "cases.attachUnit",
            outcome: "denied",
            entityType: "service_implementation",
            entityId: impl.id,
            details: { unitId: input.unitId, reasons: decision.reasons },
          });
          return {
            ok: false,
            message: actor.role === "admin" ? "cases.ineligibleAdmin" : "cases.ineligible",
            reasons: decision.reasons,
            ...(actor.role === "admin"
              ? { fieldErrors: { justification: "cases.justificationRequired" } }
              : {}),
          };
        }
        override = true;
      }
      const [already] = await tx
        .select({ id: providerResources.id })
        .from(providerResources)
        .where(
          and(
            eq(providerResources.implementationId, impl.id),
            eq(providerResources.serviceUnitId, input.unitId),
          ),
        );
      if (already)
        return {
          ok: false,
          message: "validation.invalid",
          fieldErrors: { unitId: "cases.alreadyAttached" },
        };
      const proposal = proposeWindow({
        serviceStart: impl.startsOn,
        serviceEnd: impl.endsOn,
        existingClient: impl.startsOn < policy.settings.goLiveDate,
        goLiveDate: policy.settings.goLiveDate,
        daysBeforeStart: policy.settings.daysBeforeStart,
        daysAfterEnd: policy.settings.daysAfterEnd,
      });
      if (proposal.closesOn !== null && proposal.closesOn < proposal.opensOn)
        return {
          ok: false,
          message: "cases.endedBeforeGoLive",
          params: { goLive: policy.settings.goLiveDate },
        };
      const [resource] = await tx
        .insert(providerResources)
        .values({
          organiserId,
          implementationId: impl.id,
          serviceUnitId: input.unitId,
          startsOn: impl.startsOn,
          endsOn: impl.endsOn,
        })
        .returning({ id: providerResources.id });
      const [window] = await tx
        .insert(accessWindows)
        .values({
          organiserId,
          caseId: impl.caseId,
          serviceTask: sql`(select ${cases.serviceTask} from ${cases} where ${cases.id} = ${impl.caseId})`,
          serviceUnitId: input.unitId,
          implementationId: impl.id,
          resourceId: resource!.id,
          opensOn: proposal.opensOn,
          closesOn: proposal.closesOn,
          state: stateOn({ ...proposal, invalidated: false }, today),
          source: "proposed",
          existingClient: impl.startsOn < policy.settings.goLiveDate,
          policyVersion: policy.version,
          overrideJustification: override ? justification : null,
          overrideBy: override ? actor.userId : null,
          createdBy: actor.userId,
        })
        .returning({ id: accessWindows.id });
      await writeAudit(tx, actor, {
        action: override ? "cases.attachUnitOverride" : "cases.attachUnit",
        outcome: "success",
        entityType: "access_window",
        entityId: window!.id,
        details: {
          caseId: impl.caseId,
          implementationId: impl.id,
          unitId: input.unitId,
          policyVersion: policy.version,
          ...(override ? { reasons: decision.reasons, justification } : {}),
          ...(decision.eligible && decision.note ? { note: decision.note } : {}),
        },
      });
      return { ok: true, id: resource!.id, windowId: window!.id, override };
    },
  );
}

/** Opens the client's name and identity code for the actor, and audits that they were read. */
export async function revealClient(
  db: Executor,
  actor: AuditActor,
  input: { caseId: string },
): Promise<{ ok: true; name: string; hetu: string } | { ok: false; message: string }> {
  if (!actorMay(actor, "clients.reveal")) {
    const r = await refuseRole(db, actor, "clients.reveal");
    return { ok: false, message: r.ok ? "validation.forbidden" : r.message };
  }
  const organiserId = organiserOf(actor);
  return db.transaction(async (tx) => {
    const found = await ownCase(tx, actor, "clients.reveal", input.caseId);
    if (!found?.clientId) return { ok: false, message: "validation.notFound" };
    const [client] = await tx
      .select()
      .from(clients)
      .where(and(eq(clients.id, found.clientId), eq(clients.organiserId, organiserId)));
    if (!client) return { ok: false, message: "validation.notFound" };
    const opened = openClientFields(clientKeys(), organiserId, client);
    await writeAudit(tx, actor, {
      action: "clients.reveal",
      outcome: "success",
      entityType: "client",
      entityId: client.id,
      purpose: "case_work",
      details: { caseId: found.id },
    });
    return { ok: true, ...opened };
  });
}

/** Finds the organiser's cases of a client by identity code (the code never leaves the server). */
export async function findCasesByHetu(db: Executor, actor: AuditActor, hetu: string) {
  if (!actorMay(actor, "clients.search")) {
    await refuseRole(db, actor, "clients.search");
    return [];
  }
  const organiserId = organiserOf(actor);
  const hash = hetuLookup(clientKeys(), organiserId, hetu);
  const rows = await db
    .select({ id: cases.id, caseOid: cases.caseOid, clientId: clients.id })
    .from(cases)
    .innerJoin(clients, eq(clients.id, cases.clientId))
    .where(and(eq(cases.organiserId, organiserId), eq(clients.hetuHash, hash)));
  await writeAudit(db, actor, {
    action: "clients.search",
    outcome: "success",
    entityType: "client",
    entityId: rows[0]?.clientId,
    details: { found: rows.length },
  });
  return rows;
}
