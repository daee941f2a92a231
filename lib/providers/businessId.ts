/**
 * Finnish business ID (Y-tunnus): seven digits, a hyphen and a mod-11 check digit.
 * Pure; used by every entry point.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2];

/** The check digit for seven digits, or null when none exists (remainder 1). */
export function businessIdCheckDigit(seven: string): number | null {
  if (!/^\d{7}$/.test(seven)) return null;
  const sum = [...seven].reduce((s, d, i) => s + Number(d) * WEIGHTS[i]!, 0);
  const r = sum % 11;
  if (r === 0) return 0;
  if (r === 1) return null;
  return 11 - r;
}

export function isValidBusinessId(id: string): boolean {
  const m = /^(\d{7})-(\d)$/.exec(id.trim());
  if (!m) return false;
  return businessIdCheckDigit(m[1]!) === Number(m[2]);
}

/** The organisation OID root for a business ID: digits without hyphen and leading zeros. */
export function organisationOidRoot(businessId: string): string {
  const digits = businessId.replace("-", "").replace(/^0+/, "");
  return `1.2.246.10.${digits}`;
}
