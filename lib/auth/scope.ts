import type { AuditActor } from "@/lib/audit";

/**
 * Scope guards used by every query: a query that needs an organiser (or a
 * provider) and is called without one fails loudly instead of reading
 * across tenants.
 */
export function organiserOf(actor: AuditActor): string {
  if (!actor.organiserId) throw new Error("organiser scope required");
  return actor.organiserId;
}

export function providerOf(actor: AuditActor): string {
  if (!actor.providerId) throw new Error("provider scope required");
  return actor.providerId;
}
