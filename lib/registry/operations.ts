import { and, eq, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import {
  campaigns,
  clientInformationSystems,
  organiserProviders,
  providers,
  serviceUnits,
  type OidStatus,
} from "@/db/schema";
import { auditOutOfScope, writeAudit, type AuditActor } from "@/lib/audit";
import { changes } from "@/lib/audit/diff";
import { organiserOf, providerOf } from "@/lib/auth/scope";
import { isLateSubmission } from "@/lib/campaigns/rules";
import { helsinkiDate } from "@/lib/i18n/today";
import { validateServiceUnitOid } from "@/lib/oid/validate";
import { organiserWorksWith } from "@/lib/providers/queries";
import { checkInRegister } from "./register";
import type { UnitInput } from "./schemas";

export type FieldErrors = Record<string, string>;
export type OperationResult =
  | { ok: true; id: string; oidStatus?: OidStatus }
  | {
      ok: false;
      message: string;
      fieldErrors?: FieldErrors;
      fieldParams?: Record<string, Record<string, string>>;
    };

const UNIT_FIELDS = [
  "name",
  "municipality",
  "oid",
  "cisId",
  "kantaInUse",
  "kantaSince",
  "oidStatus",
  "oidReason",
  "oidSubmittedLate",
] as const;

/** Campaign windows of every organiser the provider works with. */
async function campaignWindowsFor(db: Executor, providerId: string) {
  return db
    .select({ opensOn: campaigns.opensOn, closesOn: campaigns.closesOn })
    .from(campaigns)
    .innerJoin(organiserProviders, eq(organiserProviders.organiserId, campaigns.organiserId))
    .where(eq(organiserProviders.providerId, providerId));
}

/**
 * A provider contact adds or edits one of its own provider's service units,
 * including the unit's OID. The OID goes through the one validator; a changed
 * OID is checked against the latest register snapshot and marked late when no
 * campaign is open. One transaction with its audit row.
 */
export async function saveOwnUnit(
  db: Executor,
  actor: AuditActor,
  input: UnitInput,
  now: Date = new Date(),
): Promise<OperationResult> {
  return saveUnitOf(db, actor, providerOf(actor), input, now);
}

/**
 * Staff maintain a unit of a provider their organiser works with, through the
 * same rules as the provider itself. Any other provider id is refused and audited.
 */
export async function saveUnitAsStaff(
  db: Executor,
  actor: AuditActor,
  providerId: string,
  input: UnitInput,
  now: Date = new Date(),
): Promise<OperationResult> {
  if (!(await organiserWorksWith(db, actor, providerId))) {
    await auditOutOfScope(db, actor, "registry.saveUnit", "provider", providerId);
    return { ok: false, message: "validation.notFound" };
  }
  return saveUnitOf(db, actor, providerId, input, now);
}

async function saveUnitOf(
  db: Executor,
  actor: AuditActor,
  providerId: string,
  input: UnitInput,
  now: Date,
): Promise<OperationResult> {
  return db.transaction(async (tx) => {
    const [provider] = await tx.select().from(providers).where(eq(providers.id, providerId));
    if (!provider) return { ok: false, message: "validation.notFound" };

    let current: typeof serviceUnits.$inferSelect | undefined;
    if (input.unitId) {
      [current] = await tx
        .select()
        .from(serviceUnits)
        .where(and(eq(serviceUnits.id, input.unitId), eq(serviceUnits.providerId, providerId)))
        .for("update");
      if (!current) {
        await auditOutOfScope(tx, actor, "provider.saveUnit", "service_unit", input.unitId);
        return { ok: false, message: "validation.notFound" };
      }
      if (input.version !== current.version) return { ok: false, message: "validation.conflict" };
    }

    const fieldErrors: FieldErrors = {};
    const fieldParams: Record<string, Record<string, string>> = {};
    if (input.name === "") fieldErrors.name = "required";
    if (input.municipality === "") fieldErrors.municipality = "required";
    let oid: string | null = null;
    if (input.oid.trim() !== "") {
      const verdict = validateServiceUnitOid(input.oid, provider.businessId);
      if (!verdict.ok) {
        fieldErrors.oid = `oid.${verdict.code}`;
        fieldParams.oid = verdict.params;
      } else {
        oid = verdict.oid;
        const [holder] = await tx
          .select({ id: serviceUnits.id, name: serviceUnits.name })
          .from(serviceUnits)
          .where(
            and(eq(serviceUnits.oid, oid), current ? ne(serviceUnits.id, current.id) : undefined),
          );
        if (holder) {
          fieldErrors.oid = "oid.duplicate";
          fieldParams.oid = { unit: holder.name };
        }
      }
    }
    if (input.cisId) {
      const [cis] = await tx
        .select({ id: clientInformationSystems.id })
        .from(clientInformationSystems)
        .where(eq(clientInformationSystems.id, input.cisId));
      if (!cis) fieldErrors.cisId = "invalid";
    }
    if (Object.keys(fieldErrors).length > 0)
      return { ok: false, message: "validation.invalid", fieldErrors, fieldParams };

    const oidChanged = (current?.oid ?? null) !== oid;
    let oidFields: Partial<typeof serviceUnits.$inferInsert> = {};
    if (oidChanged) {
      if (oid === null) {
        oidFields = {
          oidStatus: "missing",
          oidReason: null,
          oidSubmittedAt: null,
          oidSubmittedLate: false,
        };
      } else {
        const verdict = await checkInRegister(tx, oid, provider.businessId);
        const late = isLateSubmission(helsinkiDate(now), await campaignWindowsFor(tx, providerId));
        oidFields = {
          oidStatus: verdict.status,
          oidReason: verdict.reason,
          oidSubmittedAt: now,
          oidSubmittedLate: late,
          oidReviewedAt: null,
          oidReviewedBy: null,
        };
      }
    }
    const next = {
      name: input.name,
      municipality: input.municipality,
      oid,
      cisId: input.cisId,
      kantaInUse: input.kantaInUse,
      kantaSince: input.kantaInUse ? input.kantaSince || null : null,
      ...oidFields,
    };
    const diff = changes(current ?? null, next, [...UNIT_FIELDS]);
    let id: string;
    if (current) {
      if (Object.keys(diff).length === 0)
        return { ok: true, id: current.id, oidStatus: current.oidStatus };
      await tx
        .update(serviceUnits)
        .set({ ...next, version: sql`${serviceUnits.version} + 1`, updatedAt: sql`now()` })
        .where(eq(serviceUnits.id, current.id));
      id = current.id;
    } else {
      const [row] = await tx
        .insert(serviceUnits)
        .values({ ...next, providerId })
        .returning({ id: serviceUnits.id });
      id = row!.id;
    }
    await writeAudit(tx, actor, {
      action: current ? "provider.updateUnit" : "provider.addUnit",
      outcome: "success",
      entityType: "service_unit",
      entityId: id,
      purpose: "oid_submission",
      details: { changes: diff },
    });
    return { ok: true, id, oidStatus: (next.oidStatus ?? current?.oidStatus) as OidStatus };
  });
}

/**
 * Staff verify a submitted OID or return it with a reason. Only for providers
 * the actor's organiser works with. Returns the contact addresses to notify.
 */
export async function reviewUnitOid(
  db: Executor,
  actor: AuditActor,
  input: { unitId: string; decision: "verify" | "return"; reason: string },
  now: Date = new Date(),
): Promise<OperationResult & { providerId?: string }> {
  const organiserId = organiserOf(actor);
  return db.transaction(async (tx) => {
    const [unit] = await tx
      .select({ unit: serviceUnits })
      .from(serviceUnits)
      .innerJoin(
        organiserProviders,
        and(
          eq(organiserProviders.providerId, serviceUnits.providerId),
          eq(organiserProviders.organiserId, organiserId),
        ),
      )
      .where(eq(serviceUnits.id, input.unitId))
      .for("update", { of: serviceUnits });
    if (!unit) {
      await auditOutOfScope(tx, actor, "registry.reviewOid", "service_unit", input.unitId);
      return { ok: false, message: "validation.notFound" };
    }
    const u = unit.unit;
    if (!u.oid) return { ok: false, message: "registry.noOidToReview" };
    const next = {
      oidStatus: (input.decision === "verify" ? "verified" : "returned") as OidStatus,
      oidReason: input.decision === "return" ? input.reason : null,
    };
    await tx
      .update(serviceUnits)
      .set({
        ...next,
        oidReviewedAt: now,
        oidReviewedBy: actor.userId,
        version: sql`${serviceUnits.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(serviceUnits.id, u.id));
    await writeAudit(tx, actor, {
      action: input.decision === "verify" ? "registry.verifyOid" : "registry.returnOid",
      outcome: "success",
      entityType: "service_unit",
      entityId: u.id,
      purpose: "oid_verification",
      details: { changes: changes(u, next, ["oidStatus", "oidReason"]) },
    });
    return { ok: true, id: u.id, oidStatus: next.oidStatus, providerId: u.providerId };
  });
}
