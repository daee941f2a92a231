/**
 * Encrypted e-mail messages as raw RFC 5322 bytes: S/MIME (CMS EnvelopedData,
 * optionally signed first) and PGP/MIME (RFC 3156), plus plain notices.
 *
 * The confidential content (client details, case OID) travels only inside the
 * encrypted inner MIME entity. The outer headers are built from the caller's
 * From/To/Subject/Message-ID alone, so callers must keep those free of client
 * data; nothing here copies content into headers.
 *
 * Pure: no I/O, only randomness (boundaries, content keys, IVs). CRLF line
 * endings throughout, base64 wrapped at 76 columns.
 *
 * S/MIME is built with node:crypto and a small DER writer rather than
 * node-forge's pkcs7 module: forge re-encodes the certificate issuer from its
 * parsed attributes (a recipient whose issuer DN forge does not reproduce byte
 * for byte could not find their key), signs RSA only and does not sort signed
 * attributes into DER order. Here the issuer and serial are copied verbatim
 * from the certificate.
 */
import {
  X509Certificate,
  constants,
  createCipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  createSign,
  publicEncrypt,
  randomBytes,
  type KeyObject,
} from "node:crypto";
import { createMessage, encrypt, readKey } from "openpgp";

export type PlainPart = {
  /** The body text (UTF-8); any newline convention, sent as CRLF. */
  text: string;
  attachments?: { filename: string; contentType: string; content: Buffer | string }[];
};

type Envelope = {
  from: string;
  to: string;
  subject: string;
  messageId: string;
  date?: Date;
};

export type SmimeSigner = {
  /** The signer's certificate (PEM). */
  certPem: string;
  /** The signer's unencrypted private key (PEM: PKCS#8, PKCS#1 or SEC1), RSA or EC. */
  keyPem: string;
  /** Intermediate certificates (PEM) to include in the signature. */
  chainPem?: string[];
};

export type SmimeMessageOptions = Envelope & {
  recipientCertPem: string;
  signer?: SmimeSigner;
  part: PlainPart;
};

export type PgpMessageOptions = Envelope & {
  recipientArmoredKey: string;
  part: PlainPart;
};

export type PlainNoticeOptions = Envelope & { text: string };

const CRLF = "\r\n";

/* ------------------------------------------------------------ Inner entity */

/** The MIME entity to encrypt: text/plain, or multipart/mixed with base64 attachments. */
export function buildInnerEntity(part: PlainPart): Buffer {
  const textEntity =
    "Content-Type: text/plain; charset=utf-8" +
    CRLF +
    "Content-Transfer-Encoding: quoted-printable" +
    CRLF +
    CRLF +
    quotedPrintable(part.text);
  const attachments = part.attachments ?? [];
  if (attachments.length === 0) return Buffer.from(textEntity, "ascii");

  const b = boundary();
  let out =
    `Content-Type: multipart/mixed;${CRLF} boundary="${b}"${CRLF}${CRLF}` +
    `This is a multi-part message in MIME format.${CRLF}` +
    `--${b}${CRLF}${textEntity}`;
  for (const a of attachments) {
    const content = typeof a.content === "string" ? Buffer.from(a.content, "utf8") : a.content;
    let type = mediaType(a.contentType);
    if (type.toLowerCase().startsWith("text/") && !/;\s*charset=/i.test(type)) {
      type += "; charset=utf-8";
    }
    const name = filenameParams(a.filename);
    out +=
      `${CRLF}--${b}${CRLF}` +
      `Content-Type: ${type};${CRLF} ${name.contentType}${CRLF}` +
      `Content-Transfer-Encoding: base64${CRLF}` +
      `Content-Disposition: attachment;${CRLF} ${name.disposition}${CRLF}${CRLF}` +
      base64Lines(content) +
      CRLF;
  }
  out += `${CRLF}--${b}--${CRLF}`;
  return Buffer.from(out, "ascii");
}

/* ------------------------------------------------------------------ S/MIME */

const OID = {
  data: "1.2.840.113549.1.7.1",
  signedData: "1.2.840.113549.1.7.2",
  envelopedData: "1.2.840.113549.1.7.3",
  rsaEncryption: "1.2.840.113549.1.1.1",
  ecdsaWithSha256: "1.2.840.10045.4.3.2",
  sha256: "2.16.840.1.101.3.4.2.1",
  aes256Cbc: "2.16.840.1.101.3.4.1.42",
  aes128Cbc: "2.16.840.1.101.3.4.1.2",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingTime: "1.2.840.113549.1.9.5",
  smimeCapabilities: "1.2.840.113549.1.9.15",
} as const;

/**
 * An S/MIME message: the inner entity, signed (multipart/signed, detached
 * SHA-256 CMS signature) when a signer is given, then enveloped for the
 * recipient (CMS EnvelopedData, AES-256-CBC, RSA PKCS#1 v1.5 key transport,
 * issuerAndSerialNumber recipient identifier).
 */
export function buildSmimeMessage(opts: SmimeMessageOptions): Buffer {
  const inner = buildInnerEntity(opts.part);
  const date = opts.date ?? new Date();
  const content = opts.signer ? signMultipart(inner, opts.signer, date) : inner;
  const der = envelope(content, opts.recipientCertPem);
  const headers = [
    ...envelopeHeaders({ ...opts, date }),
    `Content-Type: application/pkcs7-mime; smime-type=enveloped-data;${CRLF} name="smime.p7m"`,
    "Content-Transfer-Encoding: base64",
    'Content-Disposition: attachment; filename="smime.p7m"',
    "Content-Description: S/MIME Encrypted Message",
  ];
  return Buffer.from(headers.join(CRLF) + CRLF + CRLF + base64Lines(der) + CRLF, "ascii");
}

function envelope(content: Buffer, recipientCertPem: string): Buffer {
  const [certDer] = pemCertificates(recipientCertPem);
  if (!certDer) throw new Error("S/MIME: no certificate in the recipient's PEM");
  const publicKey = new X509Certificate(certDer).publicKey;
  if (publicKey.asymmetricKeyType !== "rsa") {
    throw new Error(
      `S/MIME: recipient key type ${publicKey.asymmetricKeyType ?? "unknown"} is not supported (RSA only)`,
    );
  }
  const cek = randomBytes(32);
  const iv = randomBytes(16);
  const cipher = createCipheriv("aes-256-cbc", cek, iv);
  const encrypted = Buffer.concat([cipher.update(content), cipher.final()]);
  const encryptedKey = publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_PADDING }, cek);

  const recipientInfo = seq(
    integer(0),
    issuerAndSerialNumber(certDer),
    seq(oid(OID.rsaEncryption), NULL),
    octets(encryptedKey),
  );
  const encryptedContentInfo = seq(
    oid(OID.data),
    seq(oid(OID.aes256Cbc), octets(iv)),
    tlv(0x80, encrypted), // [0] IMPLICIT OCTET STRING
  );
  return seq(
    oid(OID.envelopedData),
    tlv(0xa0, seq(integer(0), setOf(0x31, [recipientInfo]), encryptedContentInfo)),
  );
}

/** multipart/signed (RFC 8551 §3.5.3) around the entity; the signature covers its exact bytes. */
function signMultipart(entity: Buffer, signer: SmimeSigner, date: Date): Buffer {
  const signature = signedData(entity, signer, date);
  const b = boundary();
  const head =
    `Content-Type: multipart/signed; protocol="application/pkcs7-signature";${CRLF}` +
    ` micalg=sha-256; boundary="${b}"${CRLF}${CRLF}` +
    `This is a cryptographically signed message in MIME format.${CRLF}${CRLF}` +
    `--${b}${CRLF}`;
  const tail =
    `${CRLF}--${b}${CRLF}` +
    `Content-Type: application/pkcs7-signature; name="smime.p7s"${CRLF}` +
    `Content-Transfer-Encoding: base64${CRLF}` +
    `Content-Disposition: attachment; filename="smime.p7s"${CRLF}` +
    `Content-Description: S/MIME Cryptographic Signature${CRLF}${CRLF}` +
    base64Lines(signature) +
    `${CRLF}--${b}--${CRLF}`;
  return Buffer.concat([Buffer.from(head, "ascii"), entity, Buffer.from(tail, "ascii")]);
}

/** Detached CMS SignedData over `content` (SHA-256, signed attributes in DER order). */
function signedData(content: Buffer, signer: SmimeSigner, date: Date): Buffer {
  const [certDer] = pemCertificates(signer.certPem);
  if (!certDer) throw new Error("S/MIME: no certificate in the signer's PEM");
  const key = createPrivateKey(signer.keyPem);
  if (!sameKey(createPublicKey(key), new X509Certificate(certDer).publicKey)) {
    throw new Error("S/MIME: the signer's private key does not match the certificate");
  }
  const signatureAlgorithm =
    key.asymmetricKeyType === "rsa"
      ? seq(oid(OID.rsaEncryption), NULL)
      : key.asymmetricKeyType === "ec"
        ? seq(oid(OID.ecdsaWithSha256))
        : null;
  if (!signatureAlgorithm) {
    throw new Error(`S/MIME: signer key type ${key.asymmetricKeyType ?? "unknown"} not supported`);
  }

  const attributes = [
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.signingTime, time(date)),
    attribute(OID.messageDigest, octets(createHash("sha256").update(content).digest())),
    // Tells the recipient's client what to encrypt replies with.
    attribute(OID.smimeCapabilities, seq(seq(oid(OID.aes256Cbc)), seq(oid(OID.aes128Cbc)))),
  ];
  // The signature covers the attributes encoded as a DER SET OF (tag 0x31);
  // the SignerInfo carries the same bytes under [0] IMPLICIT.
  const signature = createSign("sha256")
    .update(setOf(0x31, attributes))
    .sign({ key, dsaEncoding: "der" });
  const signerInfo = seq(
    integer(1),
    issuerAndSerialNumber(certDer),
    seq(oid(OID.sha256)),
    setOf(0xa0, attributes),
    signatureAlgorithm,
    octets(signature),
  );
  const chain = (signer.chainPem ?? []).flatMap(pemCertificates);
  const certificates = [certDer, ...chain.filter((c) => !c.equals(certDer))];
  return seq(
    oid(OID.signedData),
    tlv(
      0xa0,
      seq(
        integer(1),
        set(seq(oid(OID.sha256))),
        seq(oid(OID.data)), // detached: no eContent
        setOf(0xa0, certificates),
        set(signerInfo),
      ),
    ),
  );
}

function sameKey(a: KeyObject, b: KeyObject): boolean {
  const der = (k: KeyObject) => k.export({ type: "spki", format: "der" });
  return der(a).equals(der(b));
}

/** DER certificates from PEM text (CERTIFICATE blocks, in order). */
function pemCertificates(pem: string): Buffer[] {
  const out: Buffer[] = [];
  for (const m of pem.matchAll(
    /-----BEGIN (?:X509 )?CERTIFICATE-----([\s\S]*?)-----END (?:X509 )?CERTIFICATE-----/g,
  )) {
    out.push(Buffer.from((m[1] ?? "").replace(/[^A-Za-z0-9+/=]/g, ""), "base64"));
  }
  return out;
}

/** IssuerAndSerialNumber with the issuer Name and serial copied byte for byte from the certificate. */
function issuerAndSerialNumber(certDer: Buffer): Buffer {
  const cert = readTlv(certDer, 0);
  const [tbs] = children(certDer, cert);
  if (!tbs) throw new Error("S/MIME: malformed certificate");
  const fields = children(certDer, tbs);
  const at = fields[0]?.tag === 0xa0 ? 1 : 0; // [0] EXPLICIT version
  const serial = fields[at];
  const issuer = fields[at + 2];
  if (serial?.tag !== 0x02 || issuer?.tag !== 0x30)
    throw new Error("S/MIME: malformed certificate");
  return seq(
    certDer.subarray(issuer.start, issuer.end),
    certDer.subarray(serial.start, serial.end),
  );
}

/* ------------------------------------------------------------- DER writing */

function derLength(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function tlv(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), derLength(body.length), body]);
}

const NULL = Buffer.from([0x05, 0x00]);
const seq = (...content: Buffer[]) => tlv(0x30, ...content);
const set = (...content: Buffer[]) => tlv(0x31, ...content);
const octets = (b: Buffer) => tlv(0x04, b);
const integer = (n: number) => tlv(0x02, Buffer.from([n])); // small non-negative only

/** SET OF in DER order (elements sorted by encoding), under `tag` (0x31 or an IMPLICIT tag). */
function setOf(tag: number, elements: Buffer[]): Buffer {
  return tlv(tag, ...[...elements].sort(Buffer.compare));
}

function attribute(type: string, value: Buffer): Buffer {
  return seq(oid(type), set(value));
}

function oid(dotted: string): Buffer {
  const arcs = dotted.split(".").map(Number);
  const out: number[] = [];
  const first = (arcs[0] ?? 0) * 40 + (arcs[1] ?? 0);
  for (const arc of [first, ...arcs.slice(2)]) {
    const base128: number[] = [];
    let v = arc;
    do {
      base128.unshift((v % 128) | (base128.length ? 0x80 : 0));
      v = Math.floor(v / 128);
    } while (v > 0);
    out.push(...base128);
  }
  return tlv(0x06, Buffer.from(out));
}

/** UTCTime for 1950–2049, GeneralizedTime otherwise (RFC 5652 §11.3). */
function time(d: Date): Buffer {
  const iso = d.toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ
  const digits = iso.slice(0, 19).replace(/\D/g, "");
  const year = d.getUTCFullYear();
  return year >= 1950 && year < 2050
    ? tlv(0x17, Buffer.from(`${digits.slice(2)}Z`, "ascii"))
    : tlv(0x18, Buffer.from(`${digits}Z`, "ascii"));
}

/* ------------------------------------------------------------- DER reading */

type Tlv = { tag: number; start: number; contentStart: number; end: number };

function readTlv(buf: Buffer, start: number): Tlv {
  const tag = buf[start];
  const first = buf[start + 1];
  if (tag === undefined || first === undefined || (tag & 0x1f) === 0x1f) {
    throw new Error("S/MIME: malformed DER");
  }
  let length = first;
  let contentStart = start + 2;
  if (first & 0x80) {
    const n = first & 0x7f;
    if (n === 0 || n > 4) throw new Error("S/MIME: malformed DER");
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + (buf[contentStart + i] ?? 0);
    contentStart += n;
  }
  const end = contentStart + length;
  if (end > buf.length) throw new Error("S/MIME: malformed DER");
  return { tag, start, contentStart, end };
}

function children(buf: Buffer, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let at = parent.contentStart; at < parent.end;) {
    const t = readTlv(buf, at);
    out.push(t);
    at = t.end;
  }
  return out;
}

/* ---------------------------------------------------------------- PGP/MIME */

/** A PGP/MIME message (RFC 3156): the inner entity, OpenPGP-encrypted and armored. */
export async function buildPgpMessage(opts: PgpMessageOptions): Promise<Buffer> {
  const inner = buildInnerEntity(opts.part);
  const key = await readKey({ armoredKey: opts.recipientArmoredKey });
  const armored = await encrypt({
    message: await createMessage({ binary: new Uint8Array(inner) }),
    encryptionKeys: key.isPrivate() ? key.toPublic() : key,
    format: "armored",
  });
  const body = String(armored)
    .replace(/\r?\n/g, CRLF)
    .replace(/(\r\n)*$/, CRLF);
  const b = boundary();
  const headers = [
    ...envelopeHeaders(opts),
    `Content-Type: multipart/encrypted; protocol="application/pgp-encrypted";${CRLF} boundary="${b}"`,
  ];
  const text =
    headers.join(CRLF) +
    CRLF +
    CRLF +
    `This is an OpenPGP/MIME encrypted message (RFC 4880 and 3156)${CRLF}` +
    `--${b}${CRLF}` +
    `Content-Type: application/pgp-encrypted${CRLF}` +
    `Content-Description: PGP/MIME version identification${CRLF}${CRLF}` +
    `Version: 1${CRLF}${CRLF}` +
    `--${b}${CRLF}` +
    `Content-Type: application/octet-stream; name="encrypted.asc"${CRLF}` +
    `Content-Description: OpenPGP encrypted message${CRLF}` +
    `Content-Disposition: inline; filename="encrypted.asc"${CRLF}${CRLF}` +
    body +
    `${CRLF}--${b}--${CRLF}`;
  return Buffer.from(text, "ascii");
}

/* ------------------------------------------------------------ Plain notice */

/** An ordinary text/plain UTF-8 message (for notices that carry no client data). */
export function buildPlainNotice(opts: PlainNoticeOptions): Buffer {
  const headers = [
    ...envelopeHeaders(opts),
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: quoted-printable",
  ];
  return Buffer.from(headers.join(CRLF) + CRLF + CRLF + quotedPrintable(opts.text), "ascii");
}

/* ----------------------------------------------------------------- Headers */

function envelopeHeaders(o: Envelope): string[] {
  return [
    fold(`From: ${address(o.from)}`),
    fold(`To: ${address(o.to)}`),
    fold(`Subject: ${subject(o.subject)}`),
    `Date: ${rfc5322Date(o.date ?? new Date())}`,
    `Message-ID: ${messageId(o.messageId)}`,
    "MIME-Version: 1.0",
  ];
}

/** Folds a header line at spaces so that lines stay within 78 columns where possible. */
function fold(line: string): string {
  if (line.length <= 78) return line;
  const lines: string[] = [];
  let current = "";
  for (const piece of line.split(/(?= )/)) {
    if (current && current.length + piece.length > 78 && piece.trim()) {
      lines.push(current);
      current = piece;
    } else {
      current += piece;
    }
  }
  lines.push(current);
  return lines.join(CRLF);
}

function noLineBreaks(value: string, what: string): string {
  if (/[\r\n\0]/.test(value)) throw new Error(`${what} must not contain line breaks`);
  return value;
}

const ADDR_SPEC = /^[\x21-\x7e]+@[\x21-\x7e]+$/;

/** `addr@example.fi` or `Display Name <addr@example.fi>`; the name is quoted or RFC 2047-encoded. */
function address(value: string): string {
  const v = noLineBreaks(value, "Address").trim();
  const angle = /^(.*?)\s*<([^<>\s]+)>$/.exec(v);
  const addr = angle ? (angle[2] ?? "") : v;
  if (!ADDR_SPEC.test(addr) || /[<>(),;:"\\[\]]/.test(addr)) {
    throw new Error(`Invalid e-mail address: ${JSON.stringify(value)}`);
  }
  let name = (angle?.[1] ?? "").trim();
  if (/^".*"$/.test(name)) name = name.slice(1, -1).replace(/\\(.)/g, "$1");
  if (!name) return angle ? `<${addr}>` : addr;
  return `${phrase(name)} <${addr}>`;
}

function phrase(name: string): string {
  if (!/^[\x20-\x7e]*$/.test(name) || name.includes("=?")) return encodedWords(name).join(" ");
  if (/^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~ ]+$/.test(name)) return name;
  return `"${name.replace(/[\\"]/g, "\\$&")}"`;
}

/** Printable ASCII as is, otherwise RFC 2047 encoded words (folded by the caller). */
function subject(value: string): string {
  const s = noLineBreaks(value, "Subject");
  if (!/^[\x20-\x7e]*$/.test(s) || s.includes("=?")) return encodedWords(s).join(" ");
  return s;
}

/** `=?UTF-8?B?…?=` words of at most 36 bytes each (62 columns), never splitting a character. */
function encodedWords(text: string): string[] {
  const words: string[] = [];
  let chunk = "";
  for (const ch of text) {
    if (chunk && Buffer.byteLength(chunk + ch, "utf8") > 36) {
      words.push(chunk);
      chunk = "";
    }
    chunk += ch;
  }
  if (chunk || words.length === 0) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, "utf8").toString("base64")}?=`);
}

function rfc5322Date(d: Date): string {
  if (!Number.isFinite(d.getTime())) throw new Error("Invalid date");
  return d.toUTCString().replace(/GMT$/, "+0000");
}

function messageId(value: string): string {
  const v = noLineBreaks(value, "Message-ID")
    .trim()
    .replace(/^<(.*)>$/, "$1");
  if (!ADDR_SPEC.test(v) || /[<>\s]/.test(v)) {
    throw new Error(`Invalid Message-ID: ${JSON.stringify(value)}`);
  }
  return `<${v}>`;
}

/* ---------------------------------------------------------------- Encoding */

function boundary(): string {
  // "=_" cannot occur in quoted-printable or base64 text, so no body can contain the boundary.
  return `=_${randomBytes(18).toString("hex")}`;
}

/** Base64 in lines of 76 characters joined by CRLF (no trailing CRLF). */
function base64Lines(data: Buffer): string {
  return (data.toString("base64").match(/.{1,76}/g) ?? []).join(CRLF);
}

/** Quoted-printable (RFC 2045 §6.7) of UTF-8 text; hard line breaks as CRLF, ends with CRLF. */
function quotedPrintable(text: string): string {
  return (
    text
      .split(/\r\n|\r|\n/)
      .map(qpLine)
      .join(CRLF) + CRLF
  );
}

function qpLine(line: string): string {
  const bytes = Buffer.from(line, "utf8");
  const tokens: string[] = [];
  bytes.forEach((b, i) => {
    const printable = b >= 33 && b <= 126 && b !== 61; // "=" always encoded
    const innerSpace = (b === 0x20 || b === 0x09) && i < bytes.length - 1; // trailing space encoded
    tokens.push(
      printable || innerSpace
        ? String.fromCharCode(b)
        : `=${b.toString(16).toUpperCase().padStart(2, "0")}`,
    );
  });
  // A lone "." or a leading "From " can be mangled by careless relays and mbox files.
  if (tokens[0] === ".") tokens[0] = "=2E";
  else if (line.startsWith("From ")) tokens[0] = "=46";
  const out: string[] = [];
  let current = "";
  for (const t of tokens) {
    if (current.length + t.length > 75) {
      out.push(current + "=");
      current = "";
    }
    current += t;
  }
  out.push(current);
  return out.join(CRLF);
}

/** The media type with its parameters, checked for header safety. */
function mediaType(value: string): string {
  const v = noLineBreaks(value, "Content type").trim();
  if (!/^[\w.+-]+\/[\w.+-]+(\s*;\s*[\w.+-]+=("[\x20-\x21\x23-\x7e]*"|[\w.+-]+))*$/.test(v)) {
    throw new Error(`Invalid content type: ${JSON.stringify(value)}`);
  }
  return v;
}

/** `name`/`filename` parameters: quoted ASCII, or RFC 2231 (and RFC 2047 for Outlook) for others. */
function filenameParams(filename: string): { contentType: string; disposition: string } {
  const name = noLineBreaks(filename, "File name")
    .replace(/[\\/\x00-\x1f\x7f]/g, "_")
    .trim();
  if (!name) throw new Error("File name must not be empty");
  if (/^[\x20-\x7e]+$/.test(name) && !/["\\]/.test(name) && !name.includes("=?")) {
    return { contentType: `name="${name}"`, disposition: `filename="${name}"` };
  }
  const pct = encodeURIComponent(name).replace(
    /['()*!]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return {
    contentType: `name="${encodedWords(name).join(" ")}"`,
    disposition: `filename*=UTF-8''${pct}`,
  };
}
