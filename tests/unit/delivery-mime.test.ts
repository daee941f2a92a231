/**
 * Encrypted e-mail builders, proven against the tools recipients' software is
 * built on: every message is written out byte for byte and decrypted with
 * `openssl cms` (S/MIME) or `gpg` (PGP/MIME), and the result parsed with
 * mailparser.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { generateKey } from "openpgp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildInnerEntity,
  buildPgpMessage,
  buildPlainNotice,
  buildSmimeMessage,
  type PlainPart,
} from "@/lib/delivery/mime";
import { selfSignedSmime, type SmimeIdentity } from "../helpers/keys";

const CASE_OID = "1.2.246.10.2840015.15.2026.1000";
const CLIENT = "Äijä Öström";
const TEXT = `Asiakas: ${CLIENT}, asian OID ${CASE_OID}`;
const CSV = `oid;nimi\r\n${CASE_OID};${CLIENT}\r\n`;
const RECIPIENT = "liisa.yhteys@palvelu.example";
const SIGNER = "jarjestaja@hyvinvointialue.example";
const SUBJECT = "Tietopyyntö: uusi käyttöoikeusasia odottaa käsittelyä";
const DATE = new Date("2026-03-03T10:15:02Z");

const BODY = [
  "Hei,",
  "",
  TEXT,
  "Rivi, jonka lopussa on välilyönti ",
  ".",
  "From here on a line that mbox would mangle",
  `Pitkä rivi: ${"ääkkösiä ja tavallista tekstiä ".repeat(6)}`,
].join("\n");
const PART: PlainPart = {
  text: BODY,
  attachments: [{ filename: "asiat.csv", contentType: "text/csv", content: CSV }],
};

const ENVELOPE = {
  from: "Hyvinvointialue Etelä-Savo <noreply@portaali.example>",
  to: `Liisa Yhteyshenkilö <${RECIPIENT}>`,
  subject: SUBJECT,
  messageId: "<8f14e45fceea167a5a36dedd4bea2543@portaali.example>",
  date: DATE,
};

/* ------------------------------------------------------------------ helpers */

function available(cmd: string, args: string[]): boolean {
  const r = spawnSync(cmd, args, { stdio: "ignore" });
  if (r.error || r.status !== 0) {
    console.warn(`${cmd} not available (${r.error?.message ?? `exit ${r.status}`}): skipping`);
    return false;
  }
  return true;
}
const hasOpenssl = available("openssl", ["version"]);
const hasGpg = available("gpg", ["--version"]);

let dir = "";
let gnupgHome = "";

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Buffer {
  const r = spawnSync(cmd, args, { cwd: dir, env, maxBuffer: 16 * 1024 * 1024 });
  if (r.error) throw r.error;
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(" ")} failed (${r.status}): ${r.stderr.toString()}`);
  }
  return r.stdout;
}
const openssl = (...args: string[]) => run("openssl", args);
const gpg = (...args: string[]) =>
  run("gpg", ["--batch", "--no-tty", "--homedir", gnupgHome, ...args], {
    ...process.env,
    GNUPGHOME: gnupgHome,
  });

function write(name: string, data: Buffer | string): string {
  writeFileSync(path.join(dir, name), data);
  return name;
}

/** The header block (everything before the first blank line). */
function headerBlock(raw: Buffer | string): string {
  const s = raw.toString();
  const end = s.indexOf("\r\n\r\n");
  expect(end).toBeGreaterThan(0);
  return s.slice(0, end);
}

/** Header blocks of the top-level MIME parts of a multipart message. */
function partHeaderBlocks(raw: Buffer | string): string[] {
  const s = raw.toString();
  const b = /boundary="([^"]+)"/.exec(headerBlock(s))?.[1];
  if (!b) return [];
  return s
    .split(`\r\n--${b}`)
    .slice(1)
    .filter((p) => !p.startsWith("--"))
    .map((p) => headerBlock(p.replace(/^\r\n/, "")));
}

/** Adjacent arc pairs of the OID ("1.2", "2.246", …, "2026.1000"): none may show in a header. */
const OID_PIECES = CASE_OID.split(".")
  .slice(1)
  .map((arc, i) => `${CASE_OID.split(".")[i]}.${arc}`);

function expectNoClientData(headers: string) {
  expect(headers).not.toContain(CASE_OID);
  for (const piece of OID_PIECES) expect(headers).not.toContain(piece);
  for (const word of [CLIENT, ...CLIENT.split(" ")]) {
    expect(headers).not.toContain(word);
    expect(headers).not.toContain(Buffer.from(word, "utf8").toString("base64"));
    expect(headers.toLowerCase()).not.toContain(word.toLowerCase());
  }
}

async function expectCleanEnvelope(raw: Buffer) {
  const s = raw.toString("latin1");
  expect(/[^\r]\n|\r[^\n]/.test(s), "bare LF or CR").toBe(false);
  expect(/[^\x00-\x7f]/.test(s), "8-bit byte").toBe(false);
  for (const line of s.split("\r\n")) expect(line.length).toBeLessThanOrEqual(78);

  const blocks = [headerBlock(raw), ...partHeaderBlocks(raw)];
  for (const block of blocks) expectNoClientData(block);

  const parsed = await simpleParser(raw);
  // Decoded header values too (RFC 2047 words, parameters).
  expectNoClientData(JSON.stringify([...parsed.headers]));
  expect(parsed.subject).toBe(SUBJECT);
  expect(headerBlock(raw)).toMatch(/^Subject: =\?UTF-8\?B\?/m);
  expect(parsed.from?.value[0]).toEqual({
    name: "Hyvinvointialue Etelä-Savo",
    address: "noreply@portaali.example",
  });
  expect(parsed.to && !Array.isArray(parsed.to) && parsed.to.value[0]?.address).toBe(RECIPIENT);
  expect(parsed.messageId).toBe(ENVELOPE.messageId);
  expect(parsed.date?.toISOString()).toBe(DATE.toISOString());
  return parsed;
}

async function expectConfidentialContent(entity: Buffer) {
  const parsed: ParsedMail = await simpleParser(entity);
  expect(parsed.text).toContain(TEXT);
  expect(parsed.text?.replace(/\r\n/g, "\n").trimEnd()).toBe(BODY.trimEnd());
  expect(parsed.attachments).toHaveLength(1);
  const [csv] = parsed.attachments;
  expect(csv?.filename).toBe("asiat.csv");
  expect(csv?.contentType).toBe("text/csv");
  expect(csv?.content.toString("utf8")).toBe(CSV);
}

/* --------------------------------------------------------------- key material */

let recipient: SmimeIdentity;
let signer: SmimeIdentity;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "mime-"));
  gnupgHome = mkdtempSync(path.join(tmpdir(), "gpg-"));
  recipient = selfSignedSmime(RECIPIENT, "Liisa Yhteyshenkilo");
  signer = selfSignedSmime(SIGNER, "Jarjestaja");
  write("recipient.pem", recipient.certPem);
  write("recipient.key", recipient.keyPem);
  write("signer.pem", signer.certPem);
});

afterAll(() => {
  if (hasGpg && gnupgHome) {
    // Stop the gpg-agent this test's GNUPGHOME started.
    spawnSync("gpgconf", ["--homedir", gnupgHome, "--kill", "gpg-agent"], {
      env: { ...process.env, GNUPGHOME: gnupgHome },
    });
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
  if (gnupgHome) rmSync(gnupgHome, { recursive: true, force: true });
});

/* ------------------------------------------------------------- inner entity */

describe("buildInnerEntity", () => {
  it("is text/plain quoted-printable with CRLF lines of at most 76 characters", async () => {
    const raw = buildInnerEntity({ text: BODY });
    const s = raw.toString("latin1");
    expect(s).toMatch(/^Content-Type: text\/plain; charset=utf-8\r\n/);
    expect(s).toContain("Content-Transfer-Encoding: quoted-printable\r\n\r\n");
    expect(/[^\r]\n|[^\x00-\x7f]/.test(s)).toBe(false);
    for (const line of s.split("\r\n")) expect(line.length).toBeLessThanOrEqual(76);
    expect(s).toContain("v=C3=A4lily=C3=B6nti=20\r\n"); // trailing space encoded
    expect(s).toContain("\r\n=2E\r\n");
    expect(s).toContain("\r\n=46rom here");
    const parsed = await simpleParser(raw);
    expect(parsed.text?.replace(/\r\n/g, "\n").trimEnd()).toBe(BODY.trimEnd());
  });

  it("is multipart/mixed with base64 attachments, including non-ASCII file names", async () => {
    const bytes = Buffer.from([0, 1, 2, 255, 254, 10, 13]);
    const raw = buildInnerEntity({
      text: TEXT,
      attachments: [
        { filename: "asiat.csv", contentType: "text/csv", content: CSV },
        { filename: "liite äö.bin", contentType: "application/octet-stream", content: bytes },
      ],
    });
    const s = raw.toString("latin1");
    expect(s).toMatch(/^Content-Type: multipart\/mixed;\r\n boundary="=_[0-9a-f]{36}"\r\n/);
    expect(s).toContain('Content-Type: text/csv; charset=utf-8;\r\n name="asiat.csv"');
    for (const line of s.split("\r\n")) expect(line.length).toBeLessThanOrEqual(78);
    const parsed = await simpleParser(raw);
    expect(parsed.text).toContain(TEXT);
    expect(parsed.attachments.map((a) => a.filename)).toEqual(["asiat.csv", "liite äö.bin"]);
    expect(parsed.attachments[0]?.content.toString("utf8")).toBe(CSV);
    expect(parsed.attachments[1]?.content.equals(bytes)).toBe(true);
  });

  it("uses a fresh random boundary each time", () => {
    const boundaryOf = (b: Buffer) => /boundary="([^"]+)"/.exec(b.toString())?.[1];
    expect(boundaryOf(buildInnerEntity(PART))).not.toBe(boundaryOf(buildInnerEntity(PART)));
  });

  it("rejects header injection through content types and file names", () => {
    const bad =
      (contentType: string, filename = "a.csv") =>
      () =>
        buildInnerEntity({ text: "x", attachments: [{ filename, contentType, content: "x" }] });
    expect(bad("text/csv\r\nBcc: x@example.com")).toThrow(/line breaks/);
    expect(bad("text/csv", "a\r\nBcc: x@example.com")).toThrow(/line breaks/);
    expect(bad("not a type")).toThrow(/content type/);
  });
});

/* ------------------------------------------------------------------- S/MIME */

describe("buildSmimeMessage", () => {
  it("has only the S/MIME envelope headers and no client data in them", async () => {
    const raw = buildSmimeMessage({ ...ENVELOPE, recipientCertPem: recipient.certPem, part: PART });
    const headers = headerBlock(raw);
    expect(headers).toContain(
      'Content-Type: application/pkcs7-mime; smime-type=enveloped-data;\r\n name="smime.p7m"',
    );
    expect(headers).toContain("Content-Transfer-Encoding: base64");
    expect(headers).toContain('Content-Disposition: attachment; filename="smime.p7m"');
    expect(headers).toContain("MIME-Version: 1.0");
    expect(headers).toContain("Date: Tue, 03 Mar 2026 10:15:02 +0000");
    const parsed = await expectCleanEnvelope(raw);
    expect(parsed.text ?? "").not.toContain(CLIENT);
    const body = raw.toString().slice(headers.length + 4);
    for (const line of body.trimEnd().split("\r\n").slice(0, -1)) expect(line).toHaveLength(76);
  });

  it("rejects line breaks in headers and non-RSA recipients", () => {
    const base = { ...ENVELOPE, recipientCertPem: recipient.certPem, part: PART };
    expect(() => buildSmimeMessage({ ...base, subject: "Hei\r\nBcc: x@example.com" })).toThrow();
    expect(() => buildSmimeMessage({ ...base, to: "x@example.com\nBcc: y@example.com" })).toThrow();
    expect(() => buildSmimeMessage({ ...base, messageId: "no id" })).toThrow(/Message-ID/);
    expect(() => buildSmimeMessage({ ...base, recipientCertPem: "nothing" })).toThrow(
      /no certificate/,
    );
  });

  it.skipIf(!hasOpenssl)("decrypts with openssl cms to the text and the attachment", async () => {
    const raw = buildSmimeMessage({ ...ENVELOPE, recipientCertPem: recipient.certPem, part: PART });
    write("plain.eml", raw);
    const decrypted = openssl(
      "cms",
      "-decrypt",
      "-in",
      "plain.eml",
      "-recip",
      "recipient.pem",
      "-inkey",
      "recipient.key",
    );
    expect(decrypted.toString()).toMatch(/^Content-Type: multipart\/mixed;/);
    await expectConfidentialContent(decrypted);
  });

  it.skipIf(!hasOpenssl)("uses AES-256-CBC, RSA key transport and issuerAndSerialNumber", () => {
    const raw = buildSmimeMessage({ ...ENVELOPE, recipientCertPem: recipient.certPem, part: PART });
    write("structure.eml", raw);
    const printed = openssl("cms", "-cmsout", "-print", "-in", "structure.eml").toString();
    expect(printed).toMatch(/contentType: pkcs7-envelopedData/);
    expect(printed).toMatch(/contentEncryptionAlgorithm:\s+algorithm: aes-256-cbc/);
    expect(printed).toMatch(/keyEncryptionAlgorithm:\s+algorithm: rsaEncryption/);
    expect(printed).toMatch(/d\.issuerAndSerialNumber:/);
    const serial = openssl("x509", "-in", "recipient.pem", "-noout", "-serial")
      .toString()
      .trim()
      .split("=")[1]!
      .toLowerCase();
    // openssl prints the serial in decimal or, when long, in hex.
    const printedSerial = /serialNumber:\s*(?:0x)?(\S+)/.exec(printed)?.[1] ?? "";
    const asNumber = /^\d+$/.test(printedSerial) ? printedSerial : `0x${printedSerial}`;
    expect(BigInt(asNumber)).toBe(BigInt(`0x${serial}`));
    // Strict DER: the parser re-encodes the structure identically.
    const der = openssl("cms", "-cmsout", "-in", "structure.eml", "-outform", "DER");
    write("structure.der", der);
    const again = openssl(
      "cms",
      "-cmsout",
      "-inform",
      "DER",
      "-in",
      "structure.der",
      "-outform",
      "DER",
    );
    expect(again.equals(der)).toBe(true);
  });

  it.skipIf(!hasOpenssl)(
    "signs before encrypting: openssl cms -verify accepts the decrypted entity",
    async () => {
      const raw = buildSmimeMessage({
        ...ENVELOPE,
        recipientCertPem: recipient.certPem,
        signer: { ...signer, chainPem: [] },
        part: PART,
      });
      await expectCleanEnvelope(raw);
      write("signed.eml", raw);
      const decrypted = openssl(
        "cms",
        "-decrypt",
        "-in",
        "signed.eml",
        "-recip",
        "recipient.pem",
        "-inkey",
        "recipient.key",
      );
      expect(decrypted.toString()).toMatch(
        /^Content-Type: multipart\/signed; protocol="application\/pkcs7-signature";\r\n micalg=sha-256;/,
      );
      write("decrypted.eml", decrypted);

      // Signature only, then signature and certificate chain (self-signed signer as the CA).
      openssl("cms", "-verify", "-noverify", "-in", "decrypted.eml", "-out", "content1.eml");
      openssl(
        "cms",
        "-verify",
        "-in",
        "decrypted.eml",
        "-CAfile",
        "signer.pem",
        "-out",
        "content2.eml",
      );
      const content = readFileSync(path.join(dir, "content2.eml"));
      expect(content.equals(readFileSync(path.join(dir, "content1.eml")))).toBe(true);
      await expectConfidentialContent(content);

      // The signature covers the content: one changed byte fails verification.
      const tampered = decrypted.toString("latin1").replace("asiat.csv", "asiaT.csv");
      write("tampered.eml", Buffer.from(tampered, "latin1"));
      expect(() => openssl("cms", "-verify", "-noverify", "-in", "tampered.eml")).toThrow(/verif/i);

      // The signature is strict DER too (signed attributes sorted, definite lengths).
      const sigDer = openssl("cms", "-cmsout", "-in", "decrypted.eml", "-outform", "DER");
      write("signature.der", sigDer);
      const sigAgain = openssl(
        "cms",
        "-cmsout",
        "-inform",
        "DER",
        "-in",
        "signature.der",
        "-outform",
        "DER",
      );
      expect(sigAgain.equals(sigDer)).toBe(true);

      // Signed attributes: SHA-256 digest, content type, signing time.
      const sig = openssl("cms", "-cmsout", "-print", "-in", "decrypted.eml").toString();
      expect(sig).toMatch(/digestAlgorithm:\s+algorithm: sha256/);
      expect(sig).toMatch(/object: contentType/);
      expect(sig).toMatch(/object: messageDigest/);
      expect(sig).toMatch(/object: signingTime[\s\S]*?UTCTIME:Mar\s+3 10:15:02 2026 GMT/);
    },
  );

  it.skipIf(!hasOpenssl)("signs with an EC key too", () => {
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
      "/CN=EC signer",
      "-keyout",
      "ec.key",
      "-out",
      "ec.pem",
      "-addext",
      "keyUsage=digitalSignature",
      "-addext",
      "extendedKeyUsage=emailProtection",
      "-addext",
      `subjectAltName=email:${SIGNER}`,
    );
    const raw = buildSmimeMessage({
      ...ENVELOPE,
      recipientCertPem: recipient.certPem,
      signer: {
        certPem: readFileSync(path.join(dir, "ec.pem"), "utf8"),
        keyPem: readFileSync(path.join(dir, "ec.key"), "utf8"),
      },
      part: PART,
    });
    write("ec-signed.eml", raw);
    write(
      "ec-decrypted.eml",
      openssl(
        "cms",
        "-decrypt",
        "-in",
        "ec-signed.eml",
        "-recip",
        "recipient.pem",
        "-inkey",
        "recipient.key",
      ),
    );
    openssl("cms", "-verify", "-in", "ec-decrypted.eml", "-CAfile", "ec.pem", "-out", "ec.out");
  });

  it("refuses a signer key that does not match its certificate", () => {
    expect(() =>
      buildSmimeMessage({
        ...ENVELOPE,
        recipientCertPem: recipient.certPem,
        signer: { certPem: signer.certPem, keyPem: recipient.keyPem },
        part: PART,
      }),
    ).toThrow(/does not match/);
  });
});

/* ----------------------------------------------------------------- PGP/MIME */

describe("buildPgpMessage", () => {
  async function pgpKey(type: "rsa" | "ecc") {
    return generateKey({
      type,
      ...(type === "rsa" ? { rsaBits: 2048 } : { curve: "curve25519Legacy" as const }),
      userIDs: [{ name: "Liisa Yhteyshenkilö", email: RECIPIENT }],
      format: "armored",
    });
  }

  it("is multipart/encrypted per RFC 3156 with no client data in any header", async () => {
    const { publicKey } = await pgpKey("ecc");
    const raw = await buildPgpMessage({ ...ENVELOPE, recipientArmoredKey: publicKey, part: PART });
    expect(headerBlock(raw)).toMatch(
      /Content-Type: multipart\/encrypted; protocol="application\/pgp-encrypted";\r\n boundary="=_[0-9a-f]+"/,
    );
    const parts = partHeaderBlocks(raw);
    expect(parts).toHaveLength(2);
    expect(parts[0]).toContain("Content-Type: application/pgp-encrypted");
    expect(parts[1]).toContain('Content-Type: application/octet-stream; name="encrypted.asc"');
    expect(raw.toString()).toMatch(/\r\n\r\nVersion: 1\r\n/);
    expect(raw.toString()).not.toContain(CLIENT);
    await expectCleanEnvelope(raw);
  });

  it.skipIf(!hasGpg).each(["rsa", "ecc"] as const)(
    "decrypts with gpg (%s key) to the text and the attachment",
    async (type) => {
      const { privateKey, publicKey } = await pgpKey(type);
      write(`${type}-secret.asc`, privateKey);
      gpg("--import", path.join(dir, `${type}-secret.asc`));

      const raw = await buildPgpMessage({
        ...ENVELOPE,
        recipientArmoredKey: publicKey,
        part: PART,
      });
      const armored =
        /-----BEGIN PGP MESSAGE-----\r\n[\s\S]*?\r\n-----END PGP MESSAGE-----\r\n/.exec(
          raw.toString(),
        )?.[0];
      expect(armored).toBeDefined();
      write(`${type}-message.asc`, armored!);
      const decrypted = gpg(
        "--pinentry-mode",
        "loopback",
        "--decrypt",
        path.join(dir, `${type}-message.asc`),
      );
      expect(decrypted.toString()).toMatch(/^Content-Type: multipart\/mixed;/);
      await expectConfidentialContent(decrypted);
    },
  );

  it("rejects text that is not an OpenPGP key", async () => {
    await expect(
      buildPgpMessage({ ...ENVELOPE, recipientArmoredKey: recipient.certPem, part: PART }),
    ).rejects.toThrow();
  });
});

/* ------------------------------------------------------------- plain notice */

describe("buildPlainNotice", () => {
  it("is a text/plain UTF-8 message with encoded headers", async () => {
    const text =
      "Hei,\n\nportaalissa odottaa uusi käyttöoikeusasia. Kirjaudu: https://portaali.example/";
    const raw = buildPlainNotice({ ...ENVELOPE, text });
    const headers = headerBlock(raw);
    expect(headers).toContain("Content-Type: text/plain; charset=utf-8");
    expect(headers).toContain("Content-Transfer-Encoding: quoted-printable");
    const parsed = await expectCleanEnvelope(raw);
    expect(parsed.text?.replace(/\r\n/g, "\n").trimEnd()).toBe(text);
  });

  it("folds long ASCII subjects and keeps them readable", async () => {
    const subject = "New access request waiting ".repeat(5).trim();
    const raw = buildPlainNotice({ ...ENVELOPE, subject, text: "x" });
    expect(headerBlock(raw)).toMatch(/^Subject: New access request[^\r]*\r\n [^\r]+/m);
    expect((await simpleParser(raw)).subject).toBe(subject);
  });

  it("quotes or encodes display names", async () => {
    const raw = buildPlainNotice({
      ...ENVELOPE,
      to: `"Virtanen, Matti" <${RECIPIENT}>`,
      text: "x",
    });
    expect(headerBlock(raw)).toContain(`To: "Virtanen, Matti" <${RECIPIENT}>`);
    expect(headerBlock(raw)).toMatch(
      /^From: =\?UTF-8\?B\?[^?]+\?=\r\n <noreply@portaali\.example>/m,
    );
    const parsed = await simpleParser(raw);
    expect(parsed.to && !Array.isArray(parsed.to) && parsed.to.value[0]?.name).toBe(
      "Virtanen, Matti",
    );
  });
});
