import {
  decryptField,
  deriveKeys,
  encryptField,
  lookupHash,
  parseMasterKey,
  type FieldKeys,
} from "@/lib/crypto/field";

/**
 * The one place client-identifying fields are sealed and opened (ADR 7). Values are bound to
 * their organiser and field, so a ciphertext copied to another organiser or column fails to open.
 */
const g = globalThis as unknown as { __clientKeys?: FieldKeys };

export class ClientKeyMissing extends Error {
  constructor() {
    super("CLIENT_DATA_KEY is not set: client names and identity codes cannot be stored or read");
    this.name = "ClientKeyMissing";
  }
}

export function clientKeys(): FieldKeys {
  if (!g.__clientKeys) {
    // lib/config validates CLIENT_DATA_KEY at start-up; it is read on its own here so that the
    // seed and tools that need only this key do not need the whole server configuration.
    const text = process.env.CLIENT_DATA_KEY;
    const master = text ? parseMasterKey(text) : null;
    if (!master) throw new ClientKeyMissing();
    g.__clientKeys = deriveKeys(master);
  }
  return g.__clientKeys;
}

const ctx = (field: "name" | "hetu", organiserId: string) => `client.${field}:${organiserId}`;

/** Normalised identity code → keyed hash used to find the same client again. */
export function hetuLookup(keys: FieldKeys, organiserId: string, hetu: string): string {
  return lookupHash(keys, hetu.trim().toUpperCase(), ctx("hetu", organiserId));
}

export function sealClient(
  keys: FieldKeys,
  organiserId: string,
  client: { name: string; hetu: string },
): { nameEnc: string; hetuEnc: string; hetuHash: string } {
  const hetu = client.hetu.trim().toUpperCase();
  return {
    nameEnc: encryptField(keys, client.name.trim(), ctx("name", organiserId)),
    hetuEnc: encryptField(keys, hetu, ctx("hetu", organiserId)),
    hetuHash: hetuLookup(keys, organiserId, hetu),
  };
}

export function openClientFields(
  keys: FieldKeys,
  organiserId: string,
  row: { nameEnc: string; hetuEnc: string },
): { name: string; hetu: string } {
  return {
    name: decryptField(keys, row.nameEnc, ctx("name", organiserId)),
    hetu: decryptField(keys, row.hetuEnc, ctx("hetu", organiserId)),
  };
}

/** Masked name for lists: initials only ("A. V."), so a glance over a shoulder identifies no one. */
export function maskName(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((p) => `${p[0]!.toUpperCase()}.`)
    .join(" ");
}
