import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  decryptField,
  deriveKeys,
  encryptField,
  lookupHash,
  parseMasterKey,
} from "@/lib/crypto/field";

const keys = deriveKeys(randomBytes(32));

describe("client data encryption at rest", () => {
  it("round-trips any text and never stores it in the clear", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (s) => {
        const stored = encryptField(keys, s, "client.name:org");
        expect(decryptField(keys, stored, "client.name:org")).toBe(s);
        if (s.length > 8) expect(stored).not.toContain(s);
      }),
    );
  });

  it("uses a fresh nonce: the same value encrypts differently every time", () => {
    expect(encryptField(keys, "Matti Meikäläinen", "c")).not.toBe(
      encryptField(keys, "Matti Meikäläinen", "c"),
    );
  });

  it("refuses a value moved to another context, tampered with, or read with another key", () => {
    const stored = encryptField(keys, "010190-900R", "client.hetu:org-a");
    expect(() => decryptField(keys, stored, "client.hetu:org-b")).toThrow();
    const tampered = stored.slice(0, -2) + (stored.endsWith("A") ? "BB" : "AA");
    expect(() => decryptField(keys, tampered, "client.hetu:org-a")).toThrow();
    expect(() => decryptField(deriveKeys(randomBytes(32)), stored, "client.hetu:org-a")).toThrow();
  });

  it("gives a stable keyed lookup hash per context", () => {
    const a = lookupHash(keys, "010190-900R", "org-a");
    expect(lookupHash(keys, "010190-900R", "org-a")).toBe(a);
    expect(lookupHash(keys, "010190-900R", "org-b")).not.toBe(a);
    expect(lookupHash(deriveKeys(randomBytes(32)), "010190-900R", "org-a")).not.toBe(a);
  });

  it("accepts only a 32-byte configured key", () => {
    expect(parseMasterKey(randomBytes(32).toString("base64"))).not.toBeNull();
    expect(parseMasterKey(randomBytes(32).toString("base64url"))).not.toBeNull();
    expect(parseMasterKey("too-short")).toBeNull();
    expect(() => deriveKeys(Buffer.alloc(16))).toThrow();
  });
});
