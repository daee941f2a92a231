import { eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { eligibilityPolicies, organisers, type Role } from "@/db/schema";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { changes } from "@/lib/audit/diff";
import { mayRunAction } from "@/lib/auth/access";
import { organiserOf } from "@/lib/auth/scope";
import { socialServiceCodes } from "@/lib/catalogue/services";
import { validatePolicySettings, type PolicySettings } from "@/lib/eligibility/policy";
import { currentPolicy } from "./queries";

export type SavePolicyResult =
  | { ok: true; version: number; changed: boolean }
  | {
      ok: false;
      /** A message key: validation.forbidden, validation.invalid or validation.conflict. */
      message: string;
      /** Validator field (e.g. daysBeforeStart, needsCis.home_care) → full message key. */
      fieldErrors?: Record<string, string>;
    };

const SCALAR_FIELDS = [
  "daysBeforeStart",
  "daysAfterEnd",
  "goLiveDate",
  "caseNumberDeadline",
  "useByDate",
] as const satisfies readonly (keyof PolicySettings)[];

/** The changed settings as { field: { from, to } }, needsCis per service as `needsCis.<code>`. */
export function policyChanges(
  before: PolicySettings,
  after: PolicySettings,
): Record<string, { from: unknown; to: unknown }> {
  const diff = changes<PolicySettings>(before, after, [...SCALAR_FIELDS]);
  const codes = new Set([
    ...socialServiceCodes,
    ...Object.keys(before.needsCis),
    ...Object.keys(after.needsCis),
  ]);
  for (const code of codes) {
    const from = before.needsCis[code] ?? null;
    const to = after.needsCis[code] ?? null;
    if (from !== to) diff[`needsCis.${code}`] = { from, to };
  }
  return diff;
}

/**
 * An admin saves the organiser's eligibility policy as a new version (DOMAIN rules 2–3).
 * - Only admins (the action table's "policy.save"); anyone else is refused and audited.
 * - The input is what validatePolicySettings takes; invalid input changes nothing and returns
 *   field errors (message keys under "policySettings").
 * - `expectedVersion` is the version the admin was editing: if another save came first the
 *   save is refused with validation.conflict and nothing is overwritten. Saves of one organiser
 *   are serialised by a row lock on the organiser, so two concurrent saves cannot both pass.
 * - Settings equal to the version in force add no version (changed: false).
 * - The new version and its audit row (the changed fields, from/to) commit together.
 */
export async function savePolicy(
  db: Executor,
  actor: AuditActor,
  input: unknown,
  expectedVersion: number,
): Promise<SavePolicyResult> {
  if (!actor.role || !mayRunAction(actor.role as Role, "policy.save")) {
    await writeAudit(db, actor, {
      action: "policy.save",
      outcome: "denied",
      details: { reason: "role" },
    });
    return { ok: false, message: "validation.forbidden" };
  }
  const organiserId = organiserOf(actor);

  const checked = validatePolicySettings(input);
  if (!checked.ok) {
    const fieldErrors: Record<string, string> = {};
    for (const e of checked.errors) fieldErrors[e.field] ??= `policySettings.${e.key}`;
    return { ok: false, message: "validation.invalid", fieldErrors };
  }
  const settings = checked.settings;

  return db.transaction(async (tx): Promise<SavePolicyResult> => {
    // Serialises saves of this organiser (and does not block foreign-key checks on it).
    await tx
      .select({ id: organisers.id })
      .from(organisers)
      .where(eq(organisers.id, organiserId))
      .for("no key update");
    const current = await currentPolicy(tx, organiserId);
    if (current.version !== expectedVersion) {
      await writeAudit(tx, actor, {
        action: "policy.save",
        outcome: "failure",
        details: { reason: "conflict", expectedVersion, currentVersion: current.version },
      });
      return { ok: false, message: "validation.conflict" };
    }
    const diff = policyChanges(current.settings, settings);
    if (Object.keys(diff).length === 0)
      return { ok: true, version: current.version, changed: false };

    const version = current.version + 1;
    const [row] = await tx
      .insert(eligibilityPolicies)
      .values({ organiserId, version, settings, createdBy: actor.userId })
      .returning({ id: eligibilityPolicies.id });
    await writeAudit(tx, actor, {
      action: "policy.save",
      outcome: "success",
      entityType: "eligibility_policy",
      entityId: row!.id,
      details: { version, previousVersion: current.version, changes: diff },
    });
    return { ok: true, version, changed: true };
  });
}
