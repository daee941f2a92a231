import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { contactPeople } from "@/db/schema";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { providerOf } from "@/lib/auth/scope";
import type { ContactUpdate } from "./schemas";

/**
 * Updates one contact person of the actor's own provider, in one transaction
 * with its audit row. An id from another provider matches nothing: the attempt
 * is audited as denied and nothing changes.
 */
export async function updateOwnContact(
  db: Executor,
  actor: AuditActor,
  input: ContactUpdate,
): Promise<"updated" | "unchanged" | "denied"> {
  const providerId = providerOf(actor);
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(contactPeople)
      .where(and(eq(contactPeople.id, input.contactId), eq(contactPeople.providerId, providerId)))
      .for("update");
    if (!current) {
      await writeAudit(tx, actor, {
        action: "provider.updateContact",
        outcome: "denied",
        entityType: "contact_person",
        entityId: input.contactId,
        details: { reason: "out_of_scope" },
      });
      return "denied";
    }
    const next = {
      name: input.name,
      phone: input.phone || null,
      language: input.language,
      title: input.title || null,
    };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter(
      (k) => (current[k] ?? null) !== next[k],
    );
    if (changed.length === 0) return "unchanged";
    await tx
      .update(contactPeople)
      .set({ ...next, updatedAt: sql`now()` })
      .where(eq(contactPeople.id, current.id));
    await writeAudit(tx, actor, {
      action: "provider.updateContact",
      outcome: "success",
      entityType: "contact_person",
      entityId: current.id,
      purpose: "provider_data_maintenance",
      details: {
        changes: Object.fromEntries(
          changed.map((k) => [k, { from: current[k] ?? null, to: next[k] }]),
        ),
      },
    });
    return "updated";
  });
}
