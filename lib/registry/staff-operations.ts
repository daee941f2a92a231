import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import {
  clientInformationSystems,
  organiserProviderServices,
  organiserProviders,
  organiserSystems,
  providers,
} from "@/db/schema";
import { auditOutOfScope, writeAudit, type AuditActor } from "@/lib/audit";
import { changes } from "@/lib/audit/diff";
import { organiserOf } from "@/lib/auth/scope";
import { socialServiceCodes } from "@/lib/catalogue/services";
import { isValidBusinessId } from "@/lib/providers/businessId";
import type { OperationResult } from "./operations";

/** The organiser's own view of a provider: relationship, contract forms, services, review, notes. */
export async function updateProviderView(
  db: Executor,
  actor: AuditActor,
  input: {
    providerId: string;
    relationship: "invited" | "contract";
    purchasedService: boolean;
    serviceVoucher: boolean;
    reviewState: "not_reviewed" | "needs_attention" | "reviewed";
    notes: string;
    services: string[];
  },
): Promise<OperationResult> {
  const organiserId = organiserOf(actor);
  const services = [...new Set(input.services)].filter((s) =>
    (socialServiceCodes as readonly string[]).includes(s),
  );
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(organiserProviders)
      .where(
        and(
          eq(organiserProviders.organiserId, organiserId),
          eq(organiserProviders.providerId, input.providerId),
        ),
      )
      .for("update");
    if (!current) {
      await auditOutOfScope(tx, actor, "registry.updateProviderView", "provider", input.providerId);
      return { ok: false, message: "validation.notFound" };
    }
    const before = await tx
      .select({ service: organiserProviderServices.service })
      .from(organiserProviderServices)
      .where(
        and(
          eq(organiserProviderServices.organiserId, organiserId),
          eq(organiserProviderServices.providerId, input.providerId),
        ),
      );
    const next = {
      relationship: input.relationship,
      purchasedService: input.purchasedService,
      serviceVoucher: input.serviceVoucher,
      reviewState: input.reviewState,
      notes: input.notes || null,
    };
    const diff = changes(current, next, [
      "relationship",
      "purchasedService",
      "serviceVoucher",
      "reviewState",
      "notes",
    ]);
    const oldServices = before.map((b) => b.service).sort();
    const newServices = [...services].sort();
    if (JSON.stringify(oldServices) !== JSON.stringify(newServices))
      diff.services = { from: oldServices.join(", "), to: newServices.join(", ") };
    if (Object.keys(diff).length === 0) return { ok: true, id: input.providerId };
    await tx
      .update(organiserProviders)
      .set(next)
      .where(
        and(
          eq(organiserProviders.organiserId, organiserId),
          eq(organiserProviders.providerId, input.providerId),
        ),
      );
    await tx
      .delete(organiserProviderServices)
      .where(
        and(
          eq(organiserProviderServices.organiserId, organiserId),
          eq(organiserProviderServices.providerId, input.providerId),
        ),
      );
    if (services.length > 0)
      await tx
        .insert(organiserProviderServices)
        .values(
          services.map((service) => ({ organiserId, providerId: input.providerId, service })),
        );
    await writeAudit(tx, actor, {
      action: "registry.updateProviderView",
      outcome: "success",
      entityType: "provider",
      entityId: input.providerId,
      details: { changes: diff },
    });
    return { ok: true, id: input.providerId };
  });
}

/**
 * Adds a provider to the organiser's registry. A provider already known to the
 * portal (another organiser added it) is shared, not duplicated.
 */
export async function addProvider(
  db: Executor,
  actor: AuditActor,
  input: { name: string; businessId: string },
): Promise<OperationResult & { existed?: boolean }> {
  const organiserId = organiserOf(actor);
  if (!isValidBusinessId(input.businessId))
    return { ok: false, message: "validation.invalid", fieldErrors: { businessId: "businessId" } };
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(providers)
      .where(eq(providers.businessId, input.businessId));
    const id =
      existing?.id ??
      (
        await tx
          .insert(providers)
          .values({ name: input.name, businessId: input.businessId })
          .returning({ id: providers.id })
      )[0]!.id;
    const inserted = await tx
      .insert(organiserProviders)
      .values({ organiserId, providerId: id, relationship: "invited" })
      .onConflictDoNothing()
      .returning({ id: organiserProviders.providerId });
    await writeAudit(tx, actor, {
      action: "registry.addProvider",
      outcome: "success",
      entityType: "provider",
      entityId: id,
      details: {
        changes: existing
          ? {}
          : {
              name: { from: null, to: input.name },
              businessId: { from: null, to: input.businessId },
            },
        shared: Boolean(existing),
        alreadyListed: inserted.length === 0,
      },
    });
    return { ok: true, id, existed: Boolean(existing) };
  });
}

/** Deployment-test state of a client information system with the actor's organiser. */
export async function saveSystemStatus(
  db: Executor,
  actor: AuditActor,
  input: {
    cisId: string;
    testStatus: "not_contacted" | "scheduled" | "passed" | "retest_needed";
    testDate: string;
    needsCaseNumbers: boolean;
  },
): Promise<OperationResult> {
  const organiserId = organiserOf(actor);
  return db.transaction(async (tx) => {
    const [cis] = await tx
      .select()
      .from(clientInformationSystems)
      .where(eq(clientInformationSystems.id, input.cisId));
    if (!cis) return { ok: false, message: "validation.notFound" };
    const [current] = await tx
      .select()
      .from(organiserSystems)
      .where(
        and(eq(organiserSystems.organiserId, organiserId), eq(organiserSystems.cisId, input.cisId)),
      )
      .for("update");
    const next = {
      testStatus: input.testStatus,
      testDate: input.testDate || null,
      needsCaseNumbers: input.needsCaseNumbers,
    };
    const diff = changes(
      current ?? { testStatus: "not_contacted", testDate: null, needsCaseNumbers: false },
      next,
      ["testStatus", "testDate", "needsCaseNumbers"],
    );
    if (Object.keys(diff).length === 0) return { ok: true, id: input.cisId };
    await tx
      .insert(organiserSystems)
      .values({ organiserId, cisId: input.cisId, ...next })
      .onConflictDoUpdate({
        target: [organiserSystems.organiserId, organiserSystems.cisId],
        set: next,
      });
    await writeAudit(tx, actor, {
      action: "registry.saveSystemStatus",
      outcome: "success",
      entityType: "client_information_system",
      entityId: input.cisId,
      details: { changes: diff },
    });
    return { ok: true, id: input.cisId };
  });
}

export async function addSystem(
  db: Executor,
  actor: AuditActor,
  input: { name: string; vendor: string },
): Promise<OperationResult> {
  organiserOf(actor);
  return db.transaction(async (tx) => {
    const [dup] = await tx
      .select({ id: clientInformationSystems.id })
      .from(clientInformationSystems)
      .where(sql`lower(${clientInformationSystems.name}) = lower(${input.name})`);
    if (dup)
      return {
        ok: false,
        message: "validation.invalid",
        fieldErrors: { name: "registry.systemExists" },
      };
    const [row] = await tx
      .insert(clientInformationSystems)
      .values(input)
      .returning({ id: clientInformationSystems.id });
    await writeAudit(tx, actor, {
      action: "registry.addSystem",
      outcome: "success",
      entityType: "client_information_system",
      entityId: row!.id,
      details: {
        changes: { name: { from: null, to: input.name }, vendor: { from: null, to: input.vendor } },
      },
    });
    return { ok: true, id: row!.id };
  });
}
