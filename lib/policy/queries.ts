import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { eligibilityPolicies } from "@/db/schema";
import {
  defaultPolicySettings,
  validatePolicySettings,
  type PolicySettings,
} from "@/lib/eligibility/policy";

export type CurrentPolicy = { version: number; settings: PolicySettings };

/**
 * The organiser's policy in force: its latest saved version, or the built-in defaults
 * (version 0) until an admin saves one. A stored version that no longer validates (e.g. a
 * catalogue code was removed) is read through the validator, so unknown codes are dropped.
 */
export async function currentPolicy(db: Executor, organiserId: string): Promise<CurrentPolicy> {
  const [row] = await db
    .select()
    .from(eligibilityPolicies)
    .where(eq(eligibilityPolicies.organiserId, organiserId))
    .orderBy(desc(eligibilityPolicies.version))
    .limit(1);
  if (!row) return { version: 0, settings: defaultPolicySettings };
  const checked = validatePolicySettings(row.settings);
  return { version: row.version, settings: checked.ok ? checked.settings : defaultPolicySettings };
}

/** One saved version of the organiser's policy, or null. */
export async function policyVersion(db: Executor, organiserId: string, version: number) {
  const [row] = await db
    .select()
    .from(eligibilityPolicies)
    .where(
      and(eq(eligibilityPolicies.organiserId, organiserId), eq(eligibilityPolicies.version, version)),
    );
  return row ?? null;
}
