import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import forge from "node-forge";
import { createTranslator } from "next-intl";
import { enums, armor, generateKey, readKey, readPrivateKey } from "openpgp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keyMessages } from "@/lib/keys/messages";
import { validateEncryptionKey, type KeyErrorCode, type KeyVerdict } from "@/lib/keys/validate";

const EMAIL = "anna@kotikallio.example";
const DAY = 86_400_000;

let dir = "";
function openssl(...args: string[]): string {
  return execFileSync("openssl", args, { cwd: dir, encoding: "utf8", stdio: "pipe" });
}
function file(name: string): string {
  return readFileSync(path.join(dir, name), "utf8");
}

function failure(v: KeyVerdict) {
  if (v.ok) throw new Error(`expected failure, got ${JSON.stringify(v)}`);
  return v;
}
function success(v: KeyVerdict) {
  if (!v.ok) throw new Error(`expected success, got ${JSON.stringify(v)}`);
  return v;
}

// Material created in beforeAll.
let certPem = "";
let keyPem = "";
let certNotAfter = new Date(0);
let certSha256 = "";
let derBase64 = "";
let privateDerBase64 = "";
let ecCertPem = "";
let rsaKey: forge.pki.rsa.PrivateKey;
let weakRsaKey: forge.pki.rsa.PrivateKey;

type ForgeCertOptions = {
  notBefore?: Date;
  notAfter?: Date;
  subject?: forge.pki.CertificateField[];
  extensions?: object[];
  key?: forge.pki.rsa.PrivateKey;
};

/** A self-signed certificate with arbitrary validity/extensions, signed with an openssl-made key. */
function forgeCert(o: ForgeCertOptions = {}): string {
  const key = o.key ?? rsaKey;
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = "0" + Math.floor(Math.random() * 1e9).toString(16);
  cert.validity.notBefore = o.notBefore ?? new Date(Date.now() - DAY);
  cert.validity.notAfter = o.notAfter ?? new Date(Date.now() + 30 * DAY);
  const subject = o.subject ?? [{ name: "commonName", value: "Test" }];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions(
    o.extensions ?? [
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true },
      { name: "extKeyUsage", emailProtection: true },
      { name: "subjectAltName", altNames: [{ type: 1, value: EMAIL }] },
    ],
  );
  cert.sign(key, forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}

async function pgpKey(opts: {
  email?: string;
  type?: "ecc" | "rsa";
  rsaBits?: number;
  keyExpirationTime?: number;
  subkeys?: { keyExpirationTime?: number }[];
}) {
  return generateKey({
    type: opts.type ?? "ecc",
    rsaBits: opts.rsaBits,
    userIDs: [{ name: "Anna Asiakas", email: opts.email ?? EMAIL }],
    keyExpirationTime: opts.keyExpirationTime,
    subkeys: opts.subkeys,
    format: "armored",
    config: { minRSABits: 1024 },
  });
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "keys-test-"));
  openssl(
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-days",
    "30",
    "-subj",
    "/CN=Test",
    "-keyout",
    "key.pem",
    "-out",
    "cert.pem",
    "-addext",
    "keyUsage=digitalSignature,keyEncipherment",
    "-addext",
    "extendedKeyUsage=emailProtection",
    "-addext",
    `subjectAltName=email:${EMAIL}`,
  );
  certPem = file("cert.pem");
  keyPem = file("key.pem");
  certNotAfter = new Date(openssl("x509", "-in", "cert.pem", "-noout", "-enddate").split("=")[1]!);
  certSha256 = openssl("x509", "-in", "cert.pem", "-noout", "-fingerprint", "-sha256")
    .split("=")[1]!
    .replace(/:/g, "")
    .trim();
  openssl("x509", "-in", "cert.pem", "-outform", "DER", "-out", "cert.der");
  derBase64 = readFileSync(path.join(dir, "cert.der"))
    .toString("base64")
    .replace(/(.{76})/g, "$1\n");
  openssl("pkey", "-in", "key.pem", "-outform", "DER", "-out", "key.der");
  privateDerBase64 = readFileSync(path.join(dir, "key.der")).toString("base64");
  rsaKey = forge.pki.privateKeyFromPem(keyPem) as forge.pki.rsa.PrivateKey;

  openssl(
    "req",
    "-x509",
    "-newkey",
    "ec",
    "-pkeyopt",
    "ec_paramgen_curve:prime256v1",
    "-nodes",
    "-days",
    "30",
    "-subj",
    "/CN=Test EC",
    "-keyout",
    "ec-key.pem",
    "-out",
    "ec-cert.pem",
    "-addext",
    "keyUsage=digitalSignature,keyAgreement",
    "-addext",
    `subjectAltName=email:${EMAIL}`,
  );
  ecCertPem = file("ec-cert.pem");

  openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024", "-out", "weak.pem");
  weakRsaKey = forge.pki.privateKeyFromPem(file("weak.pem")) as forge.pki.rsa.PrivateKey;
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("validateEncryptionKey: input", () => {
  it("refuses empty text", async () => {
    expect(failure(await validateEncryptionKey("", EMAIL)).code).toBe("empty");
    expect(failure(await validateEncryptionKey(" \r\n\t ", EMAIL)).code).toBe("empty");
  });

  it("refuses text over 64 KB", async () => {
    const big = certPem + "\n" + "x".repeat(64 * 1024);
    expect(failure(await validateEncryptionKey(big, EMAIL)).code).toBe("tooLarge");
    // exactly 64 KB of bytes is still read (and then found unreadable)
    const v = failure(await validateEncryptionKey("ä".repeat(32 * 1024), EMAIL));
    expect(v.code).toBe("unreadable");
  });

  it.each([
    ["plain text", "my key is on the website"],
    ["a broken certificate", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"],
    ["random base64", Buffer.from("not a certificate at all").toString("base64")],
    ["a CSR", "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----"],
  ])("refuses %s as unreadable", async (_, text) => {
    expect(failure(await validateEncryptionKey(text, EMAIL)).code).toBe("unreadable");
  });

  it("refuses a truncated certificate and a truncated PGP key", async () => {
    const lines = certPem.trim().split("\n");
    const cut = [...lines.slice(0, 6), lines.at(-1)].join("\n");
    expect(failure(await validateEncryptionKey(cut, EMAIL)).code).toBe("unreadable");
    const { publicKey } = await pgpKey({});
    const pl = publicKey.trim().split("\n");
    const pcut = [...pl.slice(0, 4), pl.at(-1)].join("\n");
    expect(failure(await validateEncryptionKey(pcut, EMAIL)).code).toBe("unreadable");
  });

  it("refuses a private key pasted together with the certificate", async () => {
    for (const text of [certPem + keyPem, keyPem + certPem]) {
      expect(failure(await validateEncryptionKey(text, EMAIL)).code).toBe("privateKey");
    }
    const rsaPkcs1 = forge.pki.privateKeyToPem(rsaKey); // BEGIN RSA PRIVATE KEY
    expect(failure(await validateEncryptionKey(certPem + rsaPkcs1, EMAIL)).code).toBe("privateKey");
  });

  it("refuses a bare base64 DER private key", async () => {
    expect(failure(await validateEncryptionKey(privateDerBase64, EMAIL)).code).toBe("privateKey");
  });

  it("refuses an OpenPGP private key, also when armored as a public key block", async () => {
    const { privateKey, publicKey } = await pgpKey({});
    expect(failure(await validateEncryptionKey(privateKey, EMAIL)).code).toBe("privateKey");
    expect(failure(await validateEncryptionKey(publicKey + privateKey, EMAIL)).code).toBe(
      "privateKey",
    );
    const secret = await readPrivateKey({ armoredKey: privateKey });
    const disguised = armor(enums.armor.publicKey, secret.write());
    expect(disguised).toContain("BEGIN PGP PUBLIC KEY BLOCK");
    expect(failure(await validateEncryptionKey(disguised, EMAIL)).code).toBe("privateKey");
  });
});

describe("validateEncryptionKey: S/MIME", () => {
  it("accepts the openssl certificate", async () => {
    const v = success(await validateEncryptionKey(certPem, EMAIL));
    expect(v.kind).toBe("smime");
    expect(v.fingerprint).toBe(certSha256);
    expect(v.fingerprint).toMatch(/^[0-9A-F]{64}$/);
    expect(v.expires?.getTime()).toBe(certNotAfter.getTime());
    expect(v.emails).toEqual([EMAIL]);
    expect(v.normalised.replace(/\s+/g, "")).toBe(certPem.replace(/\s+/g, ""));
    expect(v.normalised).not.toContain("\r");
    expect(v.normalised.split("\n").every((l) => l.length <= 64)).toBe(true);
    // the stored form validates again and node-forge can encrypt to it
    expect(success(await validateEncryptionKey(v.normalised, EMAIL)).fingerprint).toBe(certSha256);
    const p7 = forge.pkcs7.createEnvelopedData();
    p7.addRecipient(forge.pki.certificateFromPem(v.normalised));
    p7.content = forge.util.createBuffer("1.2.246.10.1");
    p7.encrypt(undefined, forge.pki.oids["aes256-CBC"]);
    expect(forge.asn1.toDer(p7.toAsn1()).length()).toBeGreaterThan(100);
  });

  it("accepts bare base64 DER", async () => {
    const v = success(await validateEncryptionKey(derBase64, EMAIL));
    expect(v.kind).toBe("smime");
    expect(v.fingerprint).toBe(certSha256);
    expect(v.normalised.replace(/\s+/g, "")).toBe(certPem.replace(/\s+/g, ""));
  });

  it("accepts CRLF, indentation and surrounding whitespace and text", async () => {
    const messy =
      "\r\n  Subject: CN=Test\r\n\r\n" +
      certPem
        .trim()
        .split("\n")
        .map((l) => `   ${l}\u00a0`)
        .join("\r\n") +
      "\r\n\r\n\t";
    expect(success(await validateEncryptionKey(messy, EMAIL)).fingerprint).toBe(certSha256);
    const messyDer = `\n\n  ${derBase64.replace(/\n/g, "\r\n  ")}  \r\n`;
    expect(success(await validateEncryptionKey(messyDer, EMAIL)).fingerprint).toBe(certSha256);
  });

  it("matches the e-mail address case-insensitively", async () => {
    const v = success(await validateEncryptionKey(certPem, "  Anna@KotiKallio.EXAMPLE "));
    expect(v.emails).toEqual([EMAIL]);
  });

  it("reads the subject emailAddress when there is no subjectAltName", async () => {
    const pem = forgeCert({
      subject: [
        { name: "commonName", value: "Anna" },
        { name: "emailAddress", value: "Anna@Kotikallio.example" },
      ],
      extensions: [],
    });
    expect(success(await validateEncryptionKey(pem, EMAIL)).emails).toEqual([EMAIL]);
  });

  it("accepts a chain when one certificate fits", async () => {
    const ca = forgeCert({
      subject: [{ name: "commonName", value: "CA" }],
      extensions: [{ name: "basicConstraints", cA: true }],
    });
    expect(success(await validateEncryptionKey(certPem + ca, EMAIL)).fingerprint).toBe(certSha256);
    expect(success(await validateEncryptionKey(ca + certPem, EMAIL)).fingerprint).toBe(certSha256);
  });

  it("refuses an expired certificate with the Helsinki date", async () => {
    const v = failure(await validateEncryptionKey(certPem, EMAIL, new Date(Date.now() + 60 * DAY)));
    expect(v.code).toBe("expired");
    expect(v.params.date).toMatch(/^[1-9]\d?\.[1-9]\d?\.\d{4}$/);

    // 31.12.2025 22:30 UTC is already 1.1.2026 in Helsinki.
    const pem = forgeCert({
      notBefore: new Date("2025-01-01T00:00:00Z"),
      notAfter: new Date("2025-12-31T22:30:00Z"),
    });
    expect(failure(await validateEncryptionKey(pem, EMAIL, new Date("2026-03-01")))).toEqual({
      ok: false,
      code: "expired",
      params: { date: "1.1.2026" },
    });
    // ...and was still valid a moment before.
    expect(
      success(await validateEncryptionKey(pem, EMAIL, new Date("2025-12-31T22:29:00Z"))).ok,
    ).toBe(true);
  });

  it("refuses a certificate that is not yet valid", async () => {
    const v = failure(await validateEncryptionKey(certPem, EMAIL, new Date(Date.now() - 2 * DAY)));
    expect(v.code).toBe("notYetValid");
    const pem = forgeCert({
      notBefore: new Date("2030-06-30T21:30:00Z"),
      notAfter: new Date("2031-06-30T00:00:00Z"),
    });
    // A moment before it becomes valid (1.7.2030 00.30 in Helsinki), not the real clock.
    const before = new Date("2030-06-30T21:29:00Z");
    expect(failure(await validateEncryptionKey(pem, EMAIL, before))).toEqual({
      ok: false,
      code: "notYetValid",
      params: { date: "1.7.2030" },
    });
  });

  it("refuses a certificate for another address", async () => {
    expect(failure(await validateEncryptionKey(certPem, "bertta@kotikallio.example"))).toEqual({
      ok: false,
      code: "emailMismatch",
      params: { email: "bertta@kotikallio.example", found: EMAIL },
    });
    const two = forgeCert({
      extensions: [
        {
          name: "subjectAltName",
          altNames: [
            { type: 1, value: EMAIL },
            { type: 2, value: "kotikallio.example" },
            { type: 1, value: "info@kotikallio.example" },
          ],
        },
      ],
    });
    expect(failure(await validateEncryptionKey(two, "x@y.example")).params.found).toBe(
      `${EMAIL}, info@kotikallio.example`,
    );
    const none = forgeCert({ extensions: [] });
    expect(failure(await validateEncryptionKey(none, EMAIL)).params).toEqual({
      email: EMAIL,
      found: "–",
    });
  });

  it("requires keyEncipherment and emailProtection when those extensions are present", async () => {
    const san = { name: "subjectAltName", altNames: [{ type: 1, value: EMAIL }] };
    const signingOnly = forgeCert({
      extensions: [{ name: "keyUsage", digitalSignature: true }, san],
    });
    expect(failure(await validateEncryptionKey(signingOnly, EMAIL)).code).toBe("noEncryptionUse");
    const serverCert = forgeCert({
      extensions: [
        { name: "keyUsage", keyEncipherment: true },
        { name: "extKeyUsage", serverAuth: true },
        san,
      ],
    });
    expect(failure(await validateEncryptionKey(serverCert, EMAIL)).code).toBe("noEncryptionUse");
    // Neither extension present: no restriction.
    expect(success(await validateEncryptionKey(forgeCert({ extensions: [san] }), EMAIL)).ok).toBe(
      true,
    );
  });

  it("refuses a non-RSA certificate as not usable for encryption", async () => {
    const v = failure(await validateEncryptionKey(ecCertPem, EMAIL));
    expect(v.code).toBe("noEncryptionUse");
    expect(v.params.algorithm).toBe("ec");
  });

  it("refuses an RSA key under 2048 bits", async () => {
    const v = failure(await validateEncryptionKey(forgeCert({ key: weakRsaKey }), EMAIL));
    expect(v.code).toBe("weakKey");
    expect(v.params.bits).toBe("1024");
  });
});

describe("validateEncryptionKey: OpenPGP", () => {
  it("accepts a curve25519 key", async () => {
    const { publicKey } = await pgpKey({});
    const key = await readKey({ armoredKey: publicKey });
    const v = success(await validateEncryptionKey(publicKey, EMAIL));
    expect(v.kind).toBe("pgp");
    expect(v.fingerprint).toBe(key.getFingerprint().toUpperCase());
    expect(v.fingerprint).toMatch(/^[0-9A-F]{40}$/);
    expect(v.expires).toBeNull();
    expect(v.emails).toEqual([EMAIL]);
    expect(v.normalised).toMatch(/^-----BEGIN PGP PUBLIC KEY BLOCK-----\n/);
    expect(success(await validateEncryptionKey(v.normalised, EMAIL)).fingerprint).toBe(
      v.fingerprint,
    );
  });

  it("accepts CRLF, indentation, surrounding text and case differences", async () => {
    const { publicKey } = await pgpKey({ email: "Anna@Kotikallio.Example" });
    const messy =
      "Here is my key:\r\n\r\n" +
      publicKey
        .trim()
        .split("\n")
        .map((l) => `  ${l} `)
        .join("\r\n") +
      "\r\n\r\nRegards\r\n";
    const v = success(await validateEncryptionKey(messy, "ANNA@kotikallio.example"));
    expect(v.emails).toEqual([EMAIL]);
  });

  it("reports the expiry of a key that expires", async () => {
    const { publicKey } = await pgpKey({ keyExpirationTime: 10 * 86_400 });
    const v = success(await validateEncryptionKey(publicKey, EMAIL));
    expect(v.expires).not.toBeNull();
    expect(Math.abs(v.expires!.getTime() - (Date.now() + 10 * DAY))).toBeLessThan(60_000);
  });

  it("refuses an expired key", async () => {
    const { publicKey } = await pgpKey({ keyExpirationTime: 86_400 });
    const v = failure(
      await validateEncryptionKey(publicKey, EMAIL, new Date(Date.now() + 2 * DAY)),
    );
    expect(v.code).toBe("expired");
    expect(v.params.date).toMatch(/^[1-9]\d?\.[1-9]\d?\.\d{4}$/);
  });

  it("refuses a key whose only encryption subkey has expired as expired", async () => {
    const { publicKey } = await pgpKey({ subkeys: [{ keyExpirationTime: 86_400 }] });
    expect(success(await validateEncryptionKey(publicKey, EMAIL)).expires).not.toBeNull();
    const v = failure(
      await validateEncryptionKey(publicKey, EMAIL, new Date(Date.now() + 2 * DAY)),
    );
    expect(v.code).toBe("expired");
  });

  it("refuses a key created in the future", async () => {
    const { publicKey } = await pgpKey({});
    const v = failure(await validateEncryptionKey(publicKey, EMAIL, new Date(Date.now() - DAY)));
    expect(v.code).toBe("notYetValid");
  });

  it("refuses a key for another address", async () => {
    const { publicKey } = await pgpKey({ email: "bertta@kotikallio.example" });
    expect(failure(await validateEncryptionKey(publicKey, EMAIL))).toEqual({
      ok: false,
      code: "emailMismatch",
      params: { email: EMAIL, found: "bertta@kotikallio.example" },
    });
  });

  it("refuses a signing-only key", async () => {
    const { publicKey } = await pgpKey({ subkeys: [] });
    expect(failure(await validateEncryptionKey(publicKey, EMAIL)).code).toBe("noEncryptionUse");
  });

  it("refuses an RSA key under 2048 bits", async () => {
    const { publicKey } = await pgpKey({ type: "rsa", rsaBits: 1024 });
    expect(failure(await validateEncryptionKey(publicKey, EMAIL))).toEqual({
      ok: false,
      code: "weakKey",
      params: { bits: "1024" },
    });
  });
});

describe("key messages", () => {
  const codes: KeyErrorCode[] = [
    "empty",
    "tooLarge",
    "unreadable",
    "privateKey",
    "expired",
    "notYetValid",
    "emailMismatch",
    "noEncryptionUse",
    "weakKey",
  ];
  const extra = ["label", "help", "smime", "pgp", "valid", "validNoExpiry"];

  it("has the same keys in every language", () => {
    const fi = Object.keys(keyMessages.fi).sort();
    expect(fi).toEqual([...codes, ...extra].sort());
    expect(Object.keys(keyMessages.sv).sort()).toEqual(fi);
    expect(Object.keys(keyMessages.en).sort()).toEqual(fi);
  });

  it.each(["fi", "sv", "en"] as const)("every %s message formats", (locale) => {
    const t = createTranslator({
      locale,
      messages: { keys: keyMessages[locale] },
      namespace: "keys",
      onError: (e) => {
        throw e;
      },
    });
    const params = {
      field: "FIELD",
      email: "EMAIL",
      found: "FOUND",
      date: "1.1.2026",
      kind: "KIND",
      fingerprint: "ABCDEF",
    };
    for (const k of [...codes, ...extra] as (keyof typeof keyMessages.fi)[]) {
      const s = t(k, params);
      expect(s.length).toBeGreaterThan(5);
      expect(s).not.toMatch(/[{}]/);
    }
    for (const c of codes) expect(t(c, params)).toMatch(/^FIELD: /);
    expect(t("emailMismatch", params)).toContain("EMAIL");
    expect(t("emailMismatch", params)).toContain("FOUND");
    expect(t("expired", params)).toContain("1.1.2026");
    expect(t("notYetValid", params)).toContain("1.1.2026");
    expect(t("valid", params)).toContain("ABCDEF");
  });
});
