import { and, desc, eq, inArray, isNotNull, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import {
  auditLog,
  providers,
  serviceUnits,
  soteEntries,
  soteSnapshots,
  type OidStatus,
} from "@/db/schema";
import type { AuditActor } from "@/lib/audit";
import type { SoteEntry } from "@/lib/sote/parse";
import { verifyAgainstRegister } from "@/lib/sote/verify";

export type RegisterVerdict = { status: OidStatus; reason: string | null };

/** The latest completely imported snapshot of the SOTE register, if any. */
export async function latestSnapshot(db: Executor) {
  const [s] = await db
    .select()
    .from(soteSnapshots)
    .where(eq(soteSnapshots.status, "complete"))
    .orderBy(desc(soteSnapshots.uploadedAt))
    .limit(1);
  return s ?? null;
}

function toEntry(row: typeof soteEntries.$inferSelect): SoteEntry {
  return {
    oid: row.oid,
    active: row.active,
    longName: row.longName,
    hierarchyLevel: row.hierarchyLevel,
    parentOid: row.parentOid,
    businessId: row.businessId,
    sector: row.sector,
    socialServiceUnit: row.socialServiceUnit,
  };
}

/** Checks one OID against the latest snapshot; without a snapshot it stays "submitted". */
export async function checkInRegister(
  db: Executor,
  oid: string,
  businessId: string,
): Promise<RegisterVerdict> {
  const snapshot = await latestSnapshot(db);
  if (!snapshot) return { status: "submitted", reason: null };
  const [row] = await db
    .select()
    .from(soteEntries)
    .where(and(eq(soteEntries.snapshotId, snapshot.id), eq(soteEntries.oid, oid)));
  const check = verifyAgainstRegister(oid, businessId, row ? toEntry(row) : undefined);
  return check.status === "verified"
    ? { status: "verified", reason: null }
    : { status: "needs_attention", reason: check.reason };
}

/**
 * Re-checks every submitted OID against the latest snapshot (after each import).
 * OIDs that staff returned stay returned until the provider submits again.
 * Returns how many units changed status.
 */
export async function recheckAllOids(
  db: Executor,
  actor: AuditActor,
): Promise<{ checked: number; changed: number }> {
  const snapshot = await latestSnapshot(db);
  if (!snapshot) return { checked: 0, changed: 0 };
  const units = await db
    .select({
      id: serviceUnits.id,
      oid: serviceUnits.oid,
      status: serviceUnits.oidStatus,
      reason: serviceUnits.oidReason,
      businessId: providers.businessId,
      entry: soteEntries,
    })
    .from(serviceUnits)
    .innerJoin(providers, eq(providers.id, serviceUnits.providerId))
    .leftJoin(
      soteEntries,
      and(eq(soteEntries.snapshotId, snapshot.id), eq(soteEntries.oid, serviceUnits.oid)),
    )
    .where(and(isNotNull(serviceUnits.oid), ne(serviceUnits.oidStatus, "returned")));
  const updates = new Map<string, string[]>();
  const audits: (typeof auditLog.$inferInsert)[] = [];
  for (const u of units) {
    const check = verifyAgainstRegister(
      u.oid!,
      u.businessId,
      u.entry ? toEntry(u.entry) : undefined,
    );
    const status = check.status;
    const reason = check.status === "verified" ? null : check.reason;
    if (status === u.status && reason === u.reason) continue;
    const key = `${status}|${reason ?? ""}`;
    // Each unit's change history shows the register check that changed it.
    audits.push({
      organiserId: actor.organiserId,
      providerId: null,
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: "register.recheck",
      entityType: "service_unit",
      entityId: u.id,
      outcome: "success",
      purpose: "oid_verification",
      details: {
        snapshotId: snapshot.id,
        changes: {
          oidStatus: { from: u.status, to: status },
          ...(reason !== u.reason ? { oidReason: { from: u.reason, to: reason } } : {}),
        },
      },
    });
    updates.set(key, [...(updates.get(key) ?? []), u.id]);
  }
  let changed = 0;
  for (const [key, ids] of updates) {
    const [status, reason] = key.split("|") as [OidStatus, string];
    for (let i = 0; i < ids.length; i += 1000) {
      const chunk = ids.slice(i, i + 1000);
      await db
        .update(serviceUnits)
        .set({
          oidStatus: status,
          oidReason: reason || null,
          version: sql`${serviceUnits.version} + 1`,
          updatedAt: sql`now()`,
        })
        .where(inArray(serviceUnits.id, chunk));
      changed += chunk.length;
    }
  }
  for (let i = 0; i < audits.length; i += 1000)
    await db.insert(auditLog).values(audits.slice(i, i + 1000));
  return { checked: units.length, changed };
}
