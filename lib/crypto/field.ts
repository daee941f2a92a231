import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

/**
 * Field-level encryption for data that identifies a client (name, identity
 * code). AES-256-GCM with a random 96-bit nonce per value; the stored text is
 * "v1.<nonce>.<ciphertext+tag>" in base64url, so a future key or algorithm can
 * be told apart. A keyed HMAC (separate key derived with HKDF) gives an exact
 * match lookup for identity codes without storing them in plaintext.
 */
export type FieldKeys = { enc: Buffer; mac: Buffer };

export function deriveKeys(masterKey: Buffer): FieldKeys {
  if (masterKey.length !== 32) throw new Error("client data key must be 32 bytes");
  const info = (label: string) => Buffer.from(`rekisterinkayttooikeus/${label}`);
  return {
    enc: Buffer.from(hkdfSync("sha256", masterKey, Buffer.alloc(0), info("enc"), 32)),
    mac: Buffer.from(hkdfSync("sha256", masterKey, Buffer.alloc(0), info("mac"), 32)),
  };
}

/** Parses the configured key: 32 random bytes as base64 or base64url (openssl rand -base64 32). */
export function parseMasterKey(text: string): Buffer | null {
  const b = Buffer.from(text.trim().replace(/-/g, "+").replace(/_/g, "/"), "base64");
  return b.length === 32 ? b : null;
}

export function encryptField(keys: FieldKeys, plaintext: string, context: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keys.enc, nonce);
  // The context (e.g. "client.name:<organiser id>") binds a value to its place.
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([
    cipher.update(plaintext, "utf8"),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  return `v1.${nonce.toString("base64url")}.${body.toString("base64url")}`;
}

export function decryptField(keys: FieldKeys, stored: string, context: string): string {
  const [version, nonceText, bodyText] = stored.split(".");
  if (version !== "v1" || !nonceText || !bodyText)
    throw new Error("unknown encrypted field format");
  const body = Buffer.from(bodyText, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", keys.enc, Buffer.from(nonceText, "base64url"));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(body.subarray(body.length - 16));
  return Buffer.concat([
    decipher.update(body.subarray(0, body.length - 16)),
    decipher.final(),
  ]).toString("utf8");
}

/** Deterministic keyed hash for exact-match lookups (never reversible without the key). */
export function lookupHash(keys: FieldKeys, value: string, context: string): string {
  return createHmac("sha256", keys.mac).update(`${context}\u0000${value}`).digest("base64url");
}
