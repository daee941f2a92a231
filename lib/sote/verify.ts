/**
 * Verify a provider's submitted service-unit OID against its entry in the
 * SOTE-organisaatiorekisteri export. Pure.
 */
import { organisationOidRoot } from "@/lib/providers/businessId";
import { normaliseBusinessId, type SoteEntry } from "./parse";

export type OidCheck =
  | { status: "verified" }
  | {
      status: "needs_attention";
      reason:
        | "not_in_register"
        | "inactive"
        | "not_social_service_unit"
        | "other_business_id"
        | "organisation_unit";
      registerBusinessId?: string;
    };

/** The organisation unit (toimintayksikkö) OID ends in `.10.0`; it is not the OID to submit. */
export function isOrganisationUnitOid(oid: string): boolean {
  return oid.trim().endsWith(".10.0");
}

function isOrganisationUnitLevel(level: string | null): boolean {
  if (level === null) return false;
  const v = level.trim().toLowerCase();
  return v === "0" || v.includes("toimintayksikk") || v.includes("organisation unit");
}

/** Whether the OID lies under the business ID's organisation root `1.2.246.10.<digits>`. */
export function oidBelongsToBusinessId(oid: string, businessId: string): boolean {
  const normalised = normaliseBusinessId(businessId);
  if (normalised === null || !/^\d{7}-\d$/.test(normalised)) return false;
  const root = organisationOidRoot(normalised);
  return oid.trim().startsWith(`${root}.`);
}

/**
 * Verdict for one submitted OID. The checks run in the order a case worker would want them
 * reported: the OID is missing from the register; it is an organisation unit (`.10.0`, or the
 * register's hierarchy level says so; reported even when the OID is missing, since the shape
 * alone says it is the wrong code); it belongs to another business ID; it is inactive; it is
 * not flagged as a social welfare service unit (Sos.palveluyksikkö).
 *
 * When the entry has no Y-Tunnus, the OID must lie under `1.2.246.10.<provider's digits>`.
 */
export function verifyAgainstRegister(
  oid: string,
  providerBusinessId: string,
  entry: SoteEntry | undefined,
): OidCheck {
  if (isOrganisationUnitOid(oid) || (entry && isOrganisationUnitLevel(entry.hierarchyLevel))) {
    return { status: "needs_attention", reason: "organisation_unit" };
  }
  if (!entry) return { status: "needs_attention", reason: "not_in_register" };

  const registerBusinessId = normaliseBusinessId(entry.businessId);
  if (registerBusinessId !== null) {
    if (registerBusinessId !== normaliseBusinessId(providerBusinessId)) {
      return { status: "needs_attention", reason: "other_business_id", registerBusinessId };
    }
  } else if (!oidBelongsToBusinessId(entry.oid, providerBusinessId)) {
    return { status: "needs_attention", reason: "other_business_id" };
  }

  if (!entry.active) return { status: "needs_attention", reason: "inactive" };
  if (!entry.socialServiceUnit) {
    return { status: "needs_attention", reason: "not_social_service_unit" };
  }
  return { status: "verified" };
}
