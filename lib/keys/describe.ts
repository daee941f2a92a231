import { formatKeyDate } from "./validate";

type T = (key: string, values?: Record<string, string>) => string;

/** A stored key in words: kind, validity and fingerprint; null when there is none. */
export function describeKey(
  t: T,
  c: {
    encryptionKeyKind: string | null;
    encryptionKeyExpires: Date | null;
    encryptionKeyFingerprint: string | null;
  },
): string | null {
  if (!c.encryptionKeyKind) return null;
  const kind = t(c.encryptionKeyKind === "pgp" ? "keys.pgp" : "keys.smime");
  const fingerprint = (c.encryptionKeyFingerprint ?? "").slice(0, 16);
  return c.encryptionKeyExpires
    ? t("keys.valid", { kind, date: formatKeyDate(c.encryptionKeyExpires), fingerprint })
    : t("keys.validNoExpiry", { kind, fingerprint });
}
