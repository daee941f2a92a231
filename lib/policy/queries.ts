import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { eligibilityPolicies, users } from "@/db/schema";
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
      and(
        eq(eligibilityPolicies.organiserId, organiserId),
        eq(eligibilityPolicies.version, version),
      ),
    );
  return row ?? null;
}

export type PolicyVersionRow = {
  version: number;
  createdAt: Date;
  createdBy: string | null;
  /** The saver's name (or e-mail), null when the user no longer exists. */
  createdByName: string | null;
};

/** The organiser's saved policy versions, newest first (version 0, the defaults, is not stored). */
export async function listPolicyVersions(
  db: Executor,
  organiserId: string,
): Promise<PolicyVersionRow[]> {
  const rows = await db
    .select({
      version: eligibilityPolicies.version,
      createdAt: eligibilityPolicies.createdAt,
      createdBy: eligibilityPolicies.createdBy,
      name: users.name,
      email: users.email,
    })
    .from(eligibilityPolicies)
    .leftJoin(users, eq(users.id, eligibilityPolicies.createdBy))
    .where(eq(eligibilityPolicies.organiserId, organiserId))
    .orderBy(desc(eligibilityPolicies.version));
  return rows.map((r) => ({
    version: r.version,
    createdAt: r.createdAt,
    createdBy: r.createdBy,
    createdByName: r.name ?? r.email ?? null,
  }));
}
