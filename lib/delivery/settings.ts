import { eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { organisers } from "@/db/schema";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { organiserOf } from "@/lib/auth/scope";

export const deliveryIdentifiers = ["birth_date", "hetu"] as const;
export type DeliveryIdentifier = (typeof deliveryIdentifiers)[number];

/**
 * What identifies the client besides the name in a case-OID message (birth date or identity
 * code), for the admin's own organiser. Audited with the old and new value.
 */
export async function setDeliveryIdentifier(
  db: Executor,
  actor: AuditActor,
  value: DeliveryIdentifier,
): Promise<{ ok: true; changed: boolean } | { ok: false; message: string }> {
  if (actor.role !== "admin") {
    await writeAudit(db, actor, {
      action: "settings.deliveryIdentifier",
      outcome: "denied",
      details: { reason: "role" },
    });
    return { ok: false, message: "validation.forbidden" };
  }
  if (!deliveryIdentifiers.includes(value)) return { ok: false, message: "validation.invalid" };
  const organiserId = organiserOf(actor);
  return db.transaction(async (tx) => {
    const [org] = await tx
      .select({ deliveryIdentifier: organisers.deliveryIdentifier })
      .from(organisers)
      .where(eq(organisers.id, organiserId))
      .for("update");
    if (!org) return { ok: false as const, message: "validation.notFound" };
    const from = org.deliveryIdentifier;
    if (from !== value)
      await tx
        .update(organisers)
        .set({ deliveryIdentifier: value })
        .where(eq(organisers.id, organiserId));
    await writeAudit(tx, actor, {
      action: "settings.deliveryIdentifier",
      outcome: "success",
      entityType: "organiser",
      entityId: organiserId,
      details: { from, to: value },
    });
    return { ok: true as const, changed: from !== value };
  });
}
