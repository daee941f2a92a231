import type { Role } from "@/db/schema";

type Profile = Record<string, unknown>;

/** Pure: the portal role an OIDC profile maps to, or null when it grants none. */
export function roleFromClaims(
  profile: Profile,
  claim: string,
  roleMap: Record<string, Exclude<Role, "provider_contact">>,
): Exclude<Role, "provider_contact"> | null {
  const raw = profile[claim];
  const values = Array.isArray(raw)
    ? raw.map(String)
    : typeof raw === "string"
      ? raw.split(/[\s,]+/)
      : [];
  // Highest privilege wins when several portal roles are granted.
  const granted = values.map((v) => roleMap[v]).filter(Boolean);
  for (const r of ["admin", "project_staff", "caseworker"] as const)
    if (granted.includes(r)) return r;
  return null;
}
