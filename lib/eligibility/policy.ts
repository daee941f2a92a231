/**
 * Eligibility policy for register access (rekisterinkäyttöoikeus), DOMAIN.md rule 3 (seed 001,
 * summary table "Koosteena kenelle rekisterinkäyttöoikeus"). Pure (no I/O) and total: never
 * throws. Every refusal lists all reasons that apply, in a stable order; messages for reasons
 * and notes are in ./messages.ts.
 *
 * Rule 3:
 * - no OID: no access;
 * - no client information system (CIS) that has passed the deployment test: no access;
 * - service voucher: no access (for now);
 * - a service that needs no CIS: no access, unless the provider also produces (as a purchased
 *   service for this organiser) a service that needs a CIS, in which case it opens too;
 * - home care: no access, unless the provider also produces another eligible service, in which
 *   case home care opens too;
 * - OID + tested CIS (Kanta functions in use or not) + a service that needs a CIS: access.
 *
 * An "anchor" service is one that opens access by itself: it needs a CIS (settings.needsCis) and
 * is not home care. Home care is always special, whatever its needsCis flag says. Codes that are
 * neither in settings.needsCis nor in the catalogue are treated as needing no CIS (deny by
 * default), so an unknown code never opens access.
 *
 * The dates in the settings (go-live, case-number deadline, use-by) say when access is granted
 * and used; they do not change who is eligible, so the decisions here do not read them.
 */
import { z } from "zod";
import { socialServiceCodes, socialServices } from "@/lib/catalogue/services";

export type PolicySettings = {
  /** Access may open this many days before the service starts (DOMAIN rule 2). */
  daysBeforeStart: number;
  /** Access ends this many days after the service ends (DOMAIN rule 2). */
  daysAfterEnd: number;
  /** Existing clients of eligible providers get access on this date (yyyy-mm-dd). */
  goLiveDate: string;
  /** Case numbers are delivered by this date where the provider's CIS needs them. */
  caseNumberDeadline: string;
  /** Providers must begin to use register access by this date. */
  useByDate: string;
  /** Per social service code: does the service need a CIS. Defaults from the catalogue. */
  needsCis: Record<string, boolean>;
};

export const HOME_CARE = "home_care";

function catalogueNeedsCis(): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const s of socialServices) out[s.code] = s.needsCis;
  return out;
}

export const defaultPolicySettings: PolicySettings = {
  daysBeforeStart: 7,
  daysAfterEnd: 14,
  goLiveDate: "2026-06-15",
  caseNumberDeadline: "2026-08-31",
  useByDate: "2026-09-01",
  needsCis: catalogueNeedsCis(),
};

export type ProviderFacts = {
  /** The unit has a (verified or submitted) OID. */
  unitHasOid: boolean;
  /** The unit's CIS has passed the deployment test with this organiser. */
  systemTested: boolean;
  /** Social service codes the provider produces for this organiser as purchased services. */
  purchasedServices: string[];
};

export type ImplementationFacts = { service: string; voucher: boolean };

export type IneligibleReason =
  | "no_oid"
  | "system_not_tested"
  | "service_voucher"
  | "only_services_without_cis"
  | "home_care_only";

/** All reasons, in the order in which a decision lists them. */
export const ineligibleReasons = [
  "no_oid",
  "system_not_tested",
  "service_voucher",
  "only_services_without_cis",
  "home_care_only",
] as const satisfies readonly IneligibleReason[];

export type DecisionNote = "home_care_with_other_service" | "no_cis_service_with_other_service";

export const decisionNotes = [
  "home_care_with_other_service",
  "no_cis_service_with_other_service",
] as const satisfies readonly DecisionNote[];

export type Decision =
  | { eligible: true; reasons: []; note?: DecisionNote }
  | { eligible: false; reasons: IneligibleReason[] };

/**
 * Whether a service needs a CIS under these settings: the settings' flag, else the catalogue
 * default, else false. Own properties only, so codes like "constructor" are never true.
 */
export function serviceNeedsCis(
  code: string,
  settings: PolicySettings = defaultPolicySettings,
): boolean {
  const map = settings?.needsCis;
  if (map && typeof map === "object" && Object.hasOwn(map, code)) {
    return map[code] === true;
  }
  return socialServices.some((s) => s.code === code && s.needsCis);
}

/** A service that opens access by itself: needs a CIS and is not home care. */
function isAnchor(code: string, settings: PolicySettings): boolean {
  return code !== HOME_CARE && serviceNeedsCis(code, settings);
}

function servicesOf(provider: ProviderFacts): string[] {
  const list = provider?.purchasedServices;
  return Array.isArray(list) ? list.filter((s): s is string => typeof s === "string") : [];
}

/** Reasons about the provider itself (rule 3, lines 1–2). Only a strict `true` counts. */
function providerReasons(provider: ProviderFacts): IneligibleReason[] {
  const reasons: IneligibleReason[] = [];
  if (provider?.unitHasOid !== true) reasons.push("no_oid");
  if (provider?.systemTested !== true) reasons.push("system_not_tested");
  return reasons;
}

function sorted(reasons: Iterable<IneligibleReason>): IneligibleReason[] {
  const set = new Set(reasons);
  return ineligibleReasons.filter((r) => set.has(r));
}

function decision(reasons: IneligibleReason[], note: DecisionNote | undefined): Decision {
  if (reasons.length > 0) return { eligible: false, reasons: sorted(reasons) };
  return note ? { eligible: true, reasons: [], note } : { eligible: true, reasons: [] };
}

/**
 * May this provider's unit get register access for this service implementation (one client's
 * service)? `provider.purchasedServices` tells whether the provider also produces an anchor
 * service for this organiser. Only `voucher: false` counts as a purchased service.
 */
export function decideAccess(
  provider: ProviderFacts,
  implementation: ImplementationFacts,
  settings: PolicySettings = defaultPolicySettings,
): Decision {
  const reasons = providerReasons(provider);
  if (implementation?.voucher !== false) reasons.push("service_voucher");

  const service = typeof implementation?.service === "string" ? implementation.service : "";
  let note: DecisionNote | undefined;
  if (!isAnchor(service, settings)) {
    const hasAnchor = servicesOf(provider).some((s) => isAnchor(s, settings));
    if (service === HOME_CARE) {
      if (hasAnchor) note = "home_care_with_other_service";
      else reasons.push("home_care_only");
    } else if (hasAnchor) {
      note = "no_cis_service_with_other_service";
    } else {
      reasons.push("only_services_without_cis");
    }
  }
  return decision(reasons, note);
}

/**
 * Provider level: is the provider eligible on go-live for its purchased services at all, i.e.
 * does every one of its purchased services open (rule 3 makes that all-or-nothing).
 * A provider with no anchor service gets only_services_without_cis when it produces a service
 * that needs no CIS, or nothing at all, and home_care_only when it produces home care.
 * When eligible, the note tells that home care (first) or a service needing no CIS opens only
 * thanks to the provider's other services. Vouchers are not purchased services, so
 * service_voucher never appears here.
 */
export function providerEligibility(
  provider: ProviderFacts,
  settings: PolicySettings = defaultPolicySettings,
): Decision {
  const reasons = providerReasons(provider);
  const services = servicesOf(provider);
  const hasAnchor = services.some((s) => isAnchor(s, settings));
  const hasHomeCare = services.includes(HOME_CARE);
  const hasNoCis = services.some((s) => s !== HOME_CARE && !isAnchor(s, settings));

  let note: DecisionNote | undefined;
  if (hasAnchor) {
    if (hasHomeCare) note = "home_care_with_other_service";
    else if (hasNoCis) note = "no_cis_service_with_other_service";
  } else {
    if (hasNoCis || !hasHomeCare) reasons.push("only_services_without_cis");
    if (hasHomeCare) reasons.push("home_care_only");
  }
  return decision(reasons, note);
}

// ---------------------------------------------------------------------------------------------
// Settings validation
// ---------------------------------------------------------------------------------------------

export type PolicySettingsErrorKey =
  | "notObject" // the settings (field "settings") or needsCis is not an object
  | "required"
  | "notInteger"
  | "outOfRange" // days outside 0–60
  | "dateFormat" // not yyyy-mm-dd
  | "dateNotReal" // e.g. 2026-02-30
  | "caseNumberDeadlineBeforeGoLive" // goLiveDate <= caseNumberDeadline fails
  | "useByNotAfterCaseNumberDeadline" // caseNumberDeadline < useByDate fails
  | "unknownService" // a needsCis key that is not a catalogue code
  | "notBoolean"; // a needsCis value that is not true or false

export type PolicySettingsError = { field: string; key: PolicySettingsErrorKey };

export const DAYS_MIN = 0;
export const DAYS_MAX = 60;

/** True for a real calendar date yyyy-mm-dd (proleptic Gregorian, years 0001–9999). */
export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1] ?? 0;
  return d <= days;
}

const requiredOr =
  (key: PolicySettingsErrorKey) =>
  (issue: { input?: unknown }): PolicySettingsErrorKey =>
    issue.input === undefined ? "required" : key;

/** Integers 0–60; a string of ASCII digits (a form field) is read as a number. */
const daysSchema = z.preprocess(
  (v) => (typeof v === "string" && /^\s*\d{1,6}\s*$/.test(v) ? Number(v.trim()) : v),
  z
    .number({ error: requiredOr("notInteger") })
    .int({ error: "notInteger" })
    .min(DAYS_MIN, { error: "outOfRange" })
    .max(DAYS_MAX, { error: "outOfRange" }),
);

const dateSchema = z
  .string({ error: requiredOr("dateFormat") })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "dateFormat" })
  .refine(isRealDate, { error: "dateNotReal" });

const objectSchema = z.record(z.string(), z.unknown(), { error: "notObject" });

function firstKey(result: { success: false; error: z.ZodError }): PolicySettingsErrorKey {
  return (result.error.issues[0]?.message ?? "notObject") as PolicySettingsErrorKey;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Validates organiser-edited policy settings. Errors name the field (needsCis entries as
 * `needsCis.<code>`) and a message key; all errors are collected. The dates must satisfy
 * goLiveDate <= caseNumberDeadline < useByDate (checked only between dates that are themselves
 * valid). needsCis may be partial or absent: missing catalogue codes take the catalogue
 * default. Unknown top-level fields are ignored.
 */
export function validatePolicySettings(
  input: unknown,
): { ok: true; settings: PolicySettings } | { ok: false; errors: PolicySettingsError[] } {
  if (!isPlainObject(input) || !objectSchema.safeParse(input).success) {
    return { ok: false, errors: [{ field: "settings", key: "notObject" }] };
  }
  const errors: PolicySettingsError[] = [];

  const days = (field: "daysBeforeStart" | "daysAfterEnd"): number | undefined => {
    const r = daysSchema.safeParse(input[field]);
    if (r.success) return r.data;
    errors.push({ field, key: firstKey(r) });
    return undefined;
  };
  const date = (field: "goLiveDate" | "caseNumberDeadline" | "useByDate"): string | undefined => {
    const r = dateSchema.safeParse(input[field]);
    if (r.success) return r.data;
    errors.push({ field, key: firstKey(r) });
    return undefined;
  };

  const daysBeforeStart = days("daysBeforeStart");
  const daysAfterEnd = days("daysAfterEnd");
  const goLiveDate = date("goLiveDate");
  const caseNumberDeadline = date("caseNumberDeadline");
  const useByDate = date("useByDate");

  if (goLiveDate && caseNumberDeadline && caseNumberDeadline < goLiveDate) {
    errors.push({ field: "caseNumberDeadline", key: "caseNumberDeadlineBeforeGoLive" });
  }
  if (caseNumberDeadline && useByDate && useByDate <= caseNumberDeadline) {
    errors.push({ field: "useByDate", key: "useByNotAfterCaseNumberDeadline" });
  }

  const needsCis = catalogueNeedsCis();
  const rawNeedsCis = input.needsCis;
  if (rawNeedsCis !== undefined) {
    if (!isPlainObject(rawNeedsCis) || !objectSchema.safeParse(rawNeedsCis).success) {
      errors.push({ field: "needsCis", key: "notObject" });
    } else {
      const known = new Set<string>(socialServiceCodes);
      for (const [code, value] of Object.entries(rawNeedsCis)) {
        if (!known.has(code)) {
          errors.push({ field: `needsCis.${code}`, key: "unknownService" });
        } else if (!z.boolean().safeParse(value).success) {
          errors.push({ field: `needsCis.${code}`, key: "notBoolean" });
        } else {
          needsCis[code] = value as boolean;
        }
      }
    }
  }

  if (
    errors.length > 0 ||
    daysBeforeStart === undefined ||
    daysAfterEnd === undefined ||
    goLiveDate === undefined ||
    caseNumberDeadline === undefined ||
    useByDate === undefined
  ) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    settings: {
      daysBeforeStart,
      daysAfterEnd,
      goLiveDate,
      caseNumberDeadline,
      useByDate,
      needsCis,
    },
  };
}
