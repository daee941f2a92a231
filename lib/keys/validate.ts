/**
 * Validation of a contact person's public key for encrypted e-mail.
 *
 * Accepts text (pasted or uploaded) containing either an S/MIME X.509
 * certificate (PEM, or bare base64 DER) or an ASCII-armored OpenPGP public
 * key. The portal later encrypts to it with node-forge (S/MIME, RSA key
 * transport) or openpgp v6, so both libraries are used here too: a key that
 * passes this check is one those libraries can encrypt to.
 *
 * Pure apart from the clock (pass `now` for deterministic checks); never
 * throws. Chain of trust and revocation are not checked: the contact person
 * vouches for the key by uploading it.
 */
import { X509Certificate } from "node:crypto";
import forge from "node-forge";
import { readKey, type Key, type Subkey } from "openpgp";

export type KeyKind = "smime" | "pgp";
export type KeyErrorCode =
  | "empty"
  | "tooLarge"
  | "unreadable"
  | "privateKey"
  | "expired"
  | "notYetValid"
  | "emailMismatch"
  | "noEncryptionUse"
  | "weakKey";
export type KeyVerdict =
  | {
      ok: true;
      kind: KeyKind;
      fingerprint: string;
      expires: Date | null;
      emails: string[];
      /** PEM or armored text to store. */
      normalised: string;
    }
  | { ok: false; code: KeyErrorCode; params: Record<string, string> };

/** Maximum accepted text size in bytes (UTF-8). */
export const MAX_KEY_BYTES = 64 * 1024;
/** Smallest accepted RSA modulus. */
export const MIN_RSA_BITS = 2048;

const TIME_ZONE = "Europe/Helsinki";
const OID_ANY_EKU = "2.5.29.37.0";
const PEM_CERT_TYPES = new Set(["CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE"]);
const PGP_ENCRYPTION_ALGORITHMS = new Set([
  "rsaEncryptSign",
  "rsaEncrypt",
  "elgamal",
  "ecdh",
  "x25519",
  "x448",
]);

type Failure = Extract<KeyVerdict, { ok: false }>;

function fail(code: KeyErrorCode, params: Record<string, string> = {}): Failure {
  return { ok: false, code, params };
}

const dateParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "numeric",
  day: "numeric",
});

/** d.M.yyyy in Helsinki, without leading zeros. */
export function formatKeyDate(d: Date): string {
  const p = Object.fromEntries(dateParts.formatToParts(d).map((x) => [x.type, x.value]));
  return `${Number(p.day)}.${Number(p.month)}.${p.year}`;
}

function normaliseEmail(s: string): string {
  return s.trim().toLowerCase();
}

function unique(xs: string[]): string[] {
  return [...new Set(xs.filter((x) => x.length > 0))];
}

function mismatch(email: string, found: string[]): Failure {
  // "–" keeps the message readable when the key names no address at all.
  return fail("emailMismatch", { email, found: found.length ? found.join(", ") : "–" });
}

/** Lines trimmed (indented pastes, CRLF, stray NBSPs), joined with LF. */
function tidy(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .join("\n")
    .trim();
}

const PRIVATE_MARKER = /BEGIN[A-Z0-9 ]*PRIVATE KEY/;
const PGP_BLOCK =
  /-----BEGIN PGP PUBLIC KEY BLOCK-----\n[\s\S]*?\n-----END PGP PUBLIC KEY BLOCK-----/;
const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----\n([\s\S]*?)\n?-----END \1-----/g;
const BARE_BASE64 = /^[A-Za-z0-9+/\s]+={0,2}\s*$/;

export async function validateEncryptionKey(
  text: string,
  email: string,
  now: Date = new Date(),
): Promise<KeyVerdict> {
  try {
    if (typeof text !== "string" || text.trim() === "") return fail("empty");
    if (Buffer.byteLength(text, "utf8") > MAX_KEY_BYTES) {
      return fail("tooLarge", { max: String(MAX_KEY_BYTES / 1024) });
    }
    const t = tidy(text);
    if (PRIVATE_MARKER.test(t)) return fail("privateKey");

    const pgpAt = t.indexOf("-----BEGIN PGP PUBLIC KEY BLOCK-----");
    const certAt = t.search(/-----BEGIN (X509 |TRUSTED )?CERTIFICATE-----/);
    if (pgpAt >= 0 && (certAt < 0 || pgpAt < certAt)) return await validatePgp(t, email, now);
    if (certAt >= 0) return validatePemCertificates(t, email, now);
    if (!t.includes("-----") && BARE_BASE64.test(t)) {
      const der = Buffer.from(t.replace(/\s+/g, ""), "base64");
      return validateDer([der], email, now);
    }
    return fail("unreadable");
  } catch {
    return fail("unreadable");
  }
}

/* ------------------------------------------------------------------ S/MIME */

function validatePemCertificates(t: string, email: string, now: Date): KeyVerdict {
  const ders: Buffer[] = [];
  for (const m of t.matchAll(PEM_BLOCK)) {
    if (!PEM_CERT_TYPES.has(m[1] ?? "")) continue;
    // Certificates carry no PEM headers, but skip any "Key: value" lines defensively.
    const body = (m[2] ?? "")
      .split("\n")
      .filter((l) => !l.includes(":"))
      .join("");
    ders.push(Buffer.from(body, "base64"));
  }
  if (ders.length === 0) return fail("unreadable");
  return validateDer(ders, email, now);
}

/**
 * A pasted chain may hold several certificates: accept the first that passes,
 * otherwise report on the first one (normally the end-entity certificate).
 */
function validateDer(ders: Buffer[], email: string, now: Date): KeyVerdict {
  let first: KeyVerdict | null = null;
  for (const der of ders) {
    const v = validateCertificate(der, email, now);
    if (v.ok) return v;
    first ??= v;
  }
  return first ?? fail("unreadable");
}

function looksLikePrivateKeyDer(der: Buffer): boolean {
  // PKCS#1 RSAPrivateKey, PKCS#8 PrivateKeyInfo and SEC1 ECPrivateKey all start
  // SEQUENCE { INTEGER version, ... }; a certificate starts SEQUENCE { SEQUENCE tbs, ... }.
  try {
    const a = forge.asn1.fromDer(der.toString("binary"));
    const firstChild = Array.isArray(a.value) ? (a.value[0] as forge.asn1.Asn1 | undefined) : null;
    return (
      firstChild?.tagClass === forge.asn1.Class.UNIVERSAL &&
      firstChild.type === forge.asn1.Type.INTEGER
    );
  } catch {
    return false;
  }
}

type KeyUsageExt = { keyEncipherment?: boolean };
type ExtKeyUsageExt = Record<string, unknown> & { emailProtection?: boolean };
type AltNamesExt = { altNames?: { type: number; value: string }[] };

function validateCertificate(der: Buffer, email: string, now: Date): KeyVerdict {
  if (der.length === 0) return fail("unreadable");
  if (der[0] !== 0x30) return fail("unreadable");
  if (looksLikePrivateKeyDer(der)) return fail("privateKey");

  let cert: forge.pki.Certificate;
  try {
    cert = forge.pki.certificateFromAsn1(forge.asn1.fromDer(der.toString("binary")));
  } catch {
    // forge reads RSA certificates only. A certificate Node can read is a valid
    // certificate with some other key type (EC, EdDSA), which the portal cannot
    // encrypt to.
    try {
      const x = new X509Certificate(der);
      return fail("noEncryptionUse", { algorithm: x.publicKey.asymmetricKeyType ?? "unknown" });
    } catch {
      return fail("unreadable");
    }
  }

  const { notBefore, notAfter } = cert.validity;
  if (notBefore.getTime() > now.getTime()) {
    return fail("notYetValid", { date: formatKeyDate(notBefore) });
  }
  if (notAfter.getTime() <= now.getTime())
    return fail("expired", { date: formatKeyDate(notAfter) });

  const rsa = cert.publicKey as forge.pki.rsa.PublicKey;
  const bits = rsa.n.bitLength();
  if (bits < MIN_RSA_BITS) return fail("weakKey", { bits: String(bits) });

  const san = cert.getExtension("subjectAltName") as AltNamesExt | undefined;
  const sanEmails = (san?.altNames ?? []).filter((n) => n.type === 1).map((n) => n.value);
  const subjectEmails = cert.subject.attributes
    .filter((a) => a.name === "emailAddress" || a.type === "1.2.840.113549.1.9.1")
    .map((a) => String(a.value ?? ""));
  const emails = unique([...sanEmails, ...subjectEmails].map(normaliseEmail));
  if (!emails.includes(normaliseEmail(email))) return mismatch(email, emails);

  const ku = cert.getExtension("keyUsage") as KeyUsageExt | undefined;
  if (ku && !ku.keyEncipherment) return fail("noEncryptionUse", { usage: "keyUsage" });
  const eku = cert.getExtension("extKeyUsage") as ExtKeyUsageExt | undefined;
  if (eku && !eku.emailProtection && eku[OID_ANY_EKU] !== true) {
    return fail("noEncryptionUse", { usage: "extendedKeyUsage" });
  }

  const binary = der.toString("binary");
  const fingerprint = forge.md.sha256.create().update(binary).digest().toHex().toUpperCase();
  const b64 = der.toString("base64");
  const pem = `-----BEGIN CERTIFICATE-----\n${b64.replace(/(.{64})/g, "$1\n").replace(/\n$/, "")}\n-----END CERTIFICATE-----\n`;
  return { ok: true, kind: "smime", fingerprint, expires: notAfter, emails, normalised: pem };
}

/* ----------------------------------------------------------------- OpenPGP */

function finiteDate(d: Date | number | null): Date | null {
  return d instanceof Date && Number.isFinite(d.getTime()) ? d : null;
}

function rsaBits(k: Key | Subkey): number | null {
  const info = k.getAlgorithmInfo();
  return String(info.algorithm).startsWith("rsa") && typeof info.bits === "number"
    ? info.bits
    : null;
}

function isWeak(k: Key | Subkey): boolean {
  const bits = rsaBits(k);
  return bits !== null && bits < MIN_RSA_BITS;
}

function emailOfUserID(userID: string, parsed: string): string {
  if (parsed) return parsed;
  const angle = /<([^<>\s]+@[^<>\s]+)>/.exec(userID);
  if (angle?.[1]) return angle[1];
  return /^[^\s<>]+@[^\s<>]+$/.test(userID.trim()) ? userID.trim() : "";
}

async function validatePgp(t: string, email: string, now: Date): Promise<KeyVerdict> {
  const block = PGP_BLOCK.exec(t)?.[0];
  if (!block) return fail("unreadable");
  let key: Key;
  try {
    key = await readKey({ armoredKey: block });
  } catch {
    return fail("unreadable");
  }
  if (key.isPrivate()) return fail("privateKey");

  const created = key.getCreationTime();
  if (created.getTime() > now.getTime()) {
    return fail("notYetValid", { date: formatKeyDate(created) });
  }
  const primaryExpiry = finiteDate(await key.getExpirationTime());
  if (primaryExpiry && primaryExpiry.getTime() <= now.getTime()) {
    return fail("expired", { date: formatKeyDate(primaryExpiry) });
  }
  if (isWeak(key)) return fail("weakKey", { bits: String(rsaBits(key)) });

  // Only user IDs with a valid self-signature count: anyone can append an
  // unsigned user ID to someone else's key.
  const emails: string[] = [];
  for (const user of key.users) {
    if (!user.userID) continue;
    try {
      await user.verify(now);
    } catch {
      continue;
    }
    emails.push(normaliseEmail(emailOfUserID(user.userID.userID, user.userID.email)));
  }
  const found = unique(emails);
  if (!found.includes(normaliseEmail(email))) return mismatch(email, found);

  let encryptionKey: Key | Subkey;
  try {
    encryptionKey = await key.getEncryptionKey(undefined, now);
  } catch {
    const candidates = [key, ...key.subkeys].filter((k) =>
      PGP_ENCRYPTION_ALGORITHMS.has(String(k.getAlgorithmInfo().algorithm)),
    );
    const weak = candidates.find(isWeak);
    if (weak) return fail("weakKey", { bits: String(rsaBits(weak)) });
    let latestExpiry: Date | null = null;
    for (const sub of key.subkeys) {
      if (!candidates.includes(sub)) continue;
      const exp = finiteDate(await sub.getExpirationTime(now));
      if (exp && exp.getTime() <= now.getTime() && (!latestExpiry || exp > latestExpiry)) {
        latestExpiry = exp;
      }
    }
    if (latestExpiry) return fail("expired", { date: formatKeyDate(latestExpiry) });
    return fail("noEncryptionUse");
  }
  if (isWeak(encryptionKey)) {
    return fail("weakKey", { bits: String(rsaBits(encryptionKey)) });
  }

  const subkeyExpiry =
    encryptionKey === key
      ? null
      : finiteDate(await (encryptionKey as Subkey).getExpirationTime(now));
  const expiries = [primaryExpiry, subkeyExpiry].filter((d): d is Date => d !== null);
  const expires = expiries.length ? new Date(Math.min(...expiries.map((d) => d.getTime()))) : null;

  return {
    ok: true,
    kind: "pgp",
    fingerprint: key.getFingerprint().toUpperCase(),
    expires,
    emails: found,
    normalised: key.armor(),
  };
}
