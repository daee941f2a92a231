/**
 * Service-unit OID validation. Pure (no I/O) and total: never throws for any string input.
 * Used by every entry point (forms, CSV import, provider submissions), so that all of them
 * accept and reject exactly the same OIDs with the same error codes (messages in ./messages.ts).
 *
 * A service unit (palveluyksikkö) OID in the SOTE-organisaatiorekisteri is
 * `1.2.246.10.<business ID digits, no hyphen, no leading zeros>.10.<n>` with n >= 1.
 * `<root>.10.0` is the organisation unit (toimintayksikkö), a common mistake (DOMAIN.md rule 1).
 */
import { isValidBusinessId, organisationOidRoot } from "@/lib/providers/businessId";

export type OidErrorCode =
  | "empty" // nothing given
  | "syntax" // characters other than digits and dots after normalisation, or a bad first/second arc
  | "emptyArc" // leading/trailing dot or ".."
  | "leadingZero" // an arc like "01"
  | "tooLong" // > 128 characters or > 20 arcs, or an arc > 20 digits
  | "notFinnishOrganisation" // not under 1.2.246.10.
  | "invalidBusinessId" // the provider's own business ID is invalid (check digit)
  | "otherBusinessId" // under 1.2.246.10.<X> where X is not the provider's business-ID root
  | "organisationUnit" // the provider's organisation-unit OID <root>.10.0 (common mistake)
  | "notServiceUnit"; // under the provider's root but not <root>.10.<n> with n >= 1

export type OidVerdict =
  | { ok: true; oid: string } // normalised OID
  | { ok: false; code: OidErrorCode; oid: string; params: Record<string, string> };

const OID_MAX_LENGTH = 128;
const OID_MAX_ARCS = 20;
const OID_MAX_ARC_DIGITS = 20;

/** Finnish organisation OIDs (THL's national OID tree, organisations by business ID). */
const FINNISH_ORGANISATION_PREFIX = ["1", "2", "246", "10"] as const;
/** Shown when the provider's own business ID cannot give a better one (glossary example's shape). */
const GENERIC_EXAMPLE = "1.2.246.10.8286189.10.1";

const URN_PREFIX = /^urn:oid:/i;

/**
 * Trims surrounding whitespace (String.prototype.trim: spaces, NBSP, tabs, newlines, BOM and
 * other Unicode spaces) and strips a case-insensitive `urn:oid:` prefix. Nothing else is fixed:
 * a trailing dot, inner spaces or non-ASCII digits stay and are reported by the checks.
 */
export function normaliseOid(input: string): string {
  const s = String(input ?? "").trim();
  return URN_PREFIX.test(s) ? s.replace(URN_PREFIX, "").trim() : s;
}

function fail(
  code: OidErrorCode,
  oid: string,
  params: Record<string, string>,
): Extract<OidVerdict, { ok: false }> {
  return { ok: false, code, oid, params };
}

/** Syntax only, with the example given (shared by checkOidSyntax and validateServiceUnitOid). */
function syntax(input: string, example: string): OidVerdict {
  const oid = normaliseOid(input);
  if (oid === "") return fail("empty", oid, { example });
  // ASCII digits only: Arabic-Indic, full-width and other Unicode digits are not accepted.
  if (!/^[0-9.]+$/.test(oid)) return fail("syntax", oid, { example });
  const arcs = oid.split(".");
  if (arcs.some((a) => a === "")) return fail("emptyArc", oid, { example });
  if (arcs.some((a) => a.length > 1 && a.startsWith("0"))) {
    return fail("leadingZero", oid, { example });
  }
  if (
    oid.length > OID_MAX_LENGTH ||
    arcs.length > OID_MAX_ARCS ||
    arcs.some((a) => a.length > OID_MAX_ARC_DIGITS)
  ) {
    return fail("tooLong", oid, { example });
  }
  // ISO/IEC 9834-1 / X.660: at least two arcs; the first is 0, 1 or 2; under 0 and 1 the second is 0..39.
  const [first, second] = arcs as [string, string | undefined];
  if (second === undefined || !["0", "1", "2"].includes(first)) {
    return fail("syntax", oid, { example });
  }
  if (first !== "2" && Number(second) > 39) return fail("syntax", oid, { example });
  return { ok: true, oid };
}

/** Syntax rules only (dotted decimal ISO OID of sane length); no business-ID rules. */
export function checkOidSyntax(input: string): OidVerdict {
  try {
    return syntax(input, GENERIC_EXAMPLE);
  } catch {
    return fail("syntax", "", { example: GENERIC_EXAMPLE });
  }
}

/** The organisation-OID arc for a valid business ID ("0737546-2" -> "7375462"), else null. */
function ownRootArc(businessId: string): string | null {
  const id = String(businessId ?? "").trim();
  if (!isValidBusinessId(id)) return null;
  const arc = organisationOidRoot(id).slice(FINNISH_ORGANISATION_PREFIX.join(".").length + 1);
  // "0000000-0" passes the check digit but has no organisation arc: treat it as invalid.
  return /^[1-9][0-9]*$/.test(arc) ? arc : null;
}

/** The business ID an organisation arc stands for ("7375462" -> "0737546-2"), or null. */
function businessIdFromArc(arc: string): string | null {
  if (!/^[1-9][0-9]{0,7}$/.test(arc)) return null;
  const padded = arc.padStart(8, "0");
  const id = `${padded.slice(0, 7)}-${padded.slice(7)}`;
  return isValidBusinessId(id) ? id : null;
}

/**
 * An example of the right shape for this provider, `<root>.10.1`
 * (e.g. "1.2.246.10.8286189.10.1"); the generic example when the business ID is invalid.
 */
export function expectedServiceUnitOidExample(businessId: string): string {
  try {
    const arc = ownRootArc(businessId);
    return arc === null ? GENERIC_EXAMPLE : `${FINNISH_ORGANISATION_PREFIX.join(".")}.${arc}.10.1`;
  } catch {
    return GENERIC_EXAMPLE;
  }
}

function validate(input: string, businessId: string): OidVerdict {
  const example = expectedServiceUnitOidExample(businessId);
  const checked = syntax(input, example);
  if (!checked.ok) return checked;
  const oid = checked.oid;
  const arcs = oid.split(".");

  const underFinnishOrganisations =
    arcs.length > FINNISH_ORGANISATION_PREFIX.length &&
    FINNISH_ORGANISATION_PREFIX.every((a, i) => arcs[i] === a);
  if (!underFinnishOrganisations) return fail("notFinnishOrganisation", oid, { example });

  const own = ownRootArc(businessId);
  const expected = String(businessId ?? "").trim();
  if (own === null) return fail("invalidBusinessId", oid, { example, expected });

  const orgArc = arcs[FINNISH_ORGANISATION_PREFIX.length]!;
  if (orgArc !== own) {
    return fail("otherBusinessId", oid, {
      found: businessIdFromArc(orgArc) ?? orgArc,
      expected,
      example,
    });
  }

  const rest = arcs.slice(FINNISH_ORGANISATION_PREFIX.length + 1);
  if (rest.length === 2 && rest[0] === "10") {
    // Leading zeros are already rejected, so any arc other than "0" is n >= 1.
    if (rest[1] === "0") return fail("organisationUnit", oid, { example });
    return { ok: true, oid };
  }
  return fail("notServiceUnit", oid, { example });
}

/**
 * Validates a service-unit OID for the provider with the given business ID.
 * Checks, in order: syntax (empty, syntax, emptyArc, leadingZero, tooLong), then
 * notFinnishOrganisation, invalidBusinessId, otherBusinessId, organisationUnit, notServiceUnit.
 * On success returns the normalised OID. Never throws.
 */
export function validateServiceUnitOid(input: string, businessId: string): OidVerdict {
  try {
    return validate(input, businessId);
  } catch {
    // Unreachable for string arguments; kept so that no caller can ever see an exception.
    return fail("syntax", "", { example: GENERIC_EXAMPLE });
  }
}
