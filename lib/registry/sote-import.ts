import { and, eq, ne } from "drizzle-orm";
import type { Executor } from "@/db";
import { soteEntries, soteSnapshots } from "@/db/schema";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { parseSoteExport } from "@/lib/sote/parse";
import { recheckAllOids } from "./register";

export type SoteImportResult = {
  snapshotId: string;
  entries: number;
  socialServiceUnits: number;
  checked: number;
  changed: number;
};

/**
 * Imports a SOTE-organisaatiorekisteri export streamed from `input` (never held
 * whole in memory) as the new snapshot, drops the previous snapshot's entries
 * and re-checks every submitted OID. One transaction: a failed import (bad XML,
 * lost connection) applies nothing and the previous snapshot stays in force.
 */
export async function importSoteExport(
  db: Executor,
  actor: AuditActor,
  input: Parameters<typeof parseSoteExport>[0],
  fileName: string | null,
): Promise<SoteImportResult> {
  return db.transaction(async (tx) => {
    const [snapshot] = await tx
      .insert(soteSnapshots)
      .values({ uploadedBy: actor.userId, organiserId: actor.organiserId, fileName })
      .returning({ id: soteSnapshots.id });
    const snapshotId = snapshot!.id;
    let entries = 0;
    let social = 0;
    const seen = new Set<string>();
    for await (const batch of parseSoteExport(input, { batchSize: 1000 })) {
      // An OID listed twice keeps its last entry (the primary key would refuse the second).
      const rows = batch.filter((e) => !seen.has(e.oid));
      for (const e of rows) seen.add(e.oid);
      if (rows.length === 0) continue;
      await tx.insert(soteEntries).values(
        rows.map((e) => ({
          snapshotId,
          oid: e.oid,
          active: e.active,
          longName: e.longName,
          hierarchyLevel: e.hierarchyLevel,
          parentOid: e.parentOid,
          businessId: e.businessId,
          sector: e.sector,
          socialServiceUnit: e.socialServiceUnit,
        })),
      );
      entries += rows.length;
      social += rows.filter((e) => e.socialServiceUnit).length;
    }
    await tx.delete(soteEntries).where(ne(soteEntries.snapshotId, snapshotId));
    await tx
      .update(soteSnapshots)
      .set({ status: "complete", entryCount: entries, socialUnitCount: social })
      .where(and(eq(soteSnapshots.id, snapshotId)));
    const recheck = await recheckAllOids(tx, actor);
    await writeAudit(tx, actor, {
      action: "register.import",
      outcome: "success",
      entityType: "sote_snapshot",
      entityId: snapshotId,
      purpose: "oid_verification",
      details: { entries, socialServiceUnits: social, ...recheck },
    });
    return { snapshotId, entries, socialServiceUnits: social, ...recheck };
  });
}
