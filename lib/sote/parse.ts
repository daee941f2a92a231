/**
 * Streaming parser for THL's CodeServer export of the SOTE-organisaatiorekisteri
 * (code system 1.2.246.537.6.202.2008).
 *
 * The real export looks like this (abridged; element and attribute names as THL writes them):
 *
 *   <?xml version="1.0" encoding="UTF-8"?>
 *   <arb:result xmlns:arb="urn::codeservice"><arb:document ...>
 *   <header>Produced by CodeServer ...</header>
 *   <body>
 *   <termsystem id="1.2.246.537.6.202.2008" begindate="..." ...>
 *     <attribute type="longname" datatype="ST" language="fi">THL - SOTE-organisaatiorekisteri 2008</attribute>
 *     ... (attributes of the code system itself, not of any entry)
 *     <termitementry id="1.2.246.10.8286189.10.0" language="fi" createdate="..." ...>
 *       <attribute type="status" datatype="ST">1</attribute>
 *       <attribute type="longname" datatype="ST" language="fi">...</attribute>
 *       <attribute type="hierarchylevel" datatype="ST">0</attribute>
 *       <attribute type="parentid" datatype="ST" language="fi"></attribute>
 *       <attribute type="Y-Tunnus" datatype="ST">0828618-9</attribute>
 *       <attribute type="Sektori" datatype="ST">2 Yksityinen</attribute>
 *       <attribute type="Sos.palveluyksikkö" datatype="ST">F</attribute>
 *       ... (addresses, phone, Terv./Sos.toimintayksikkö, etc.)
 *     </termitementry>
 *   </termsystem>
 *   </body></arb:document></arb:result>
 *
 * A full export is ~100,000 entries and ~60 MB, so it is parsed as a stream and handed out in
 * batches; nothing but the current batch is held in memory.
 *
 * Tolerance: namespace prefixes and element-name case are ignored (`termItemEntry` as in the
 * SOAP CodeAPI works too), attribute types are matched without case, whitespace or punctuation
 * (`Y-Tunnus`, `y-tunnus`, `YTunnus`), values may be CDATA or entity-escaped, a few HTML entities
 * (`&auml;`, `&nbsp;`, ...) are accepted, raw C0 control characters are dropped, and the encoding
 * in the XML declaration (or a UTF-16 BOM) is honoured; UTF-8 is the default.
 */
import { SaxesParser, type SaxesTagPlain } from "saxes";

export const SOTE_TERMSYSTEM_OID = "1.2.246.537.6.202.2008";

export type SoteEntry = {
  oid: string;
  active: boolean;
  longName: string | null;
  hierarchyLevel: string | null;
  parentOid: string | null;
  businessId: string | null;
  sector: string | null;
  socialServiceUnit: boolean;
};

export class SoteFormatError extends Error {
  /** 1-based line in the export where the problem was found (0 when unknown). */
  readonly line: number;
  constructor(message: string, line: number) {
    super(line > 0 ? `SOTE export, line ${line}: ${message}` : `SOTE export: ${message}`);
    this.name = "SoteFormatError";
    this.line = line;
  }
}

export type ParseOptions = {
  /** Entries per yielded batch (default 1,000). */
  batchSize?: number;
};

type Chunk = Buffer | Uint8Array | string;
/** A Node stream, any async iterable of chunks, or (for tests) a plain array of chunks. */
type Input = AsyncIterable<Chunk> | Iterable<Chunk> | NodeJS.ReadableStream;

/**
 * Normalise a Finnish business ID to `1234567-8`. Accepts surrounding whitespace, a missing
 * leading zero (`123456-7`, as the register sometimes writes it; up to two zeros), a missing hyphen and the VAT
 * form `FI12345678`. All zeros (the register's placeholder `000000-0`) and empty values give
 * null; anything else that does not look like a business ID is returned trimmed, unchanged, so
 * that a comparison fails visibly instead of silently.
 */
export function normaliseBusinessId(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const trimmed = raw.trim();
  if (trimmed === "") return null;
  const compact = trimmed.replace(/[\s\u00a0]/g, "").toUpperCase();
  const m = /^(?:FI)?(\d{5,7})[-‐‑–]?(\d)$/.exec(compact);
  if (!m) return trimmed;
  const body = m[1]!.padStart(7, "0");
  if (/^0+$/.test(body) && m[2] === "0") return null;
  return `${body}-${m[2]}`;
}

/** Attribute-type key: case, whitespace, dots, hyphens and underscores do not matter. */
function typeKey(type: string): string {
  return type
    .normalize("NFC")
    .toLowerCase()
    .replace(/[\s._\-]/g, "");
}

const KEY_STATUS = "status";
const KEY_LONGNAME = "longname";
const KEY_HIERARCHY = "hierarchylevel";
const KEY_PARENT = "parentid";
const KEY_BUSINESS_ID = "ytunnus";
const KEY_SECTOR = "sektori";
const KEY_SOCIAL_UNIT = typeKey("Sos.palveluyksikkö");
const KEY_OID = "oid";

function truthy(value: string): boolean {
  return /^(t|true|1|k|kyll[aä]|y|yes)$/i.test(value.trim());
}

function isActiveStatus(value: string): boolean {
  return /^(1|active|aktiivinen|voimassa|true|t)$/i.test(value.trim());
}

function nonEmpty(value: string): string | null {
  const v = value.replace(/\s+/g, " ").trim();
  return v === "" ? null : v;
}

/** A handful of HTML entities that hand-edited or HTML-escaped exports have been seen to use. */
const EXTRA_ENTITIES: Record<string, string> = {
  nbsp: "\u00a0",
  auml: "ä",
  Auml: "Ä",
  ouml: "ö",
  Ouml: "Ö",
  aring: "å",
  Aring: "Å",
  uuml: "ü",
  Uuml: "Ü",
  eacute: "é",
  Eacute: "É",
  szlig: "ß",
  ndash: "–",
  mdash: "—",
  copy: "©",
};

// C0 controls other than tab, LF and CR are not allowed in XML 1.0; drop them rather than fail
// a 60 MB import on one stray character in a free-text field.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;

type EntryBuilder = {
  oid: string | null;
  status: string | null;
  longName: string | null;
  longNameRank: number;
  hierarchyLevel: string | null;
  parentOid: string | null;
  businessId: string | null;
  sector: string | null;
  socialServiceUnit: string | null;
  depth: number;
};

type AttributeCapture = {
  key: string;
  language: string | null;
  valueAttr: string | null;
  text: string;
  depth: number;
};

/** Sniffs the encoding from a BOM or the XML declaration in the first bytes. */
function pickDecoder(head: Uint8Array): TextDecoder {
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder("utf-16le");
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder("utf-16be");
  const ascii = String.fromCharCode(...head.subarray(0, 512));
  const decl =
    /^(?:\uFEFF|\xEF\xBB\xBF)?<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(ascii);
  const label = decl?.[1]?.toLowerCase() ?? "utf-8";
  try {
    return new TextDecoder(label);
  } catch {
    throw new SoteFormatError(`unsupported encoding "${decl?.[1]}"`, 1);
  }
}

/**
 * Parse a SOTE-organisaatiorekisteri export as a stream, yielding entries in batches.
 *
 * Throws SoteFormatError on malformed XML (batches before the fault may already have been
 * yielded: insert them in one transaction) or when the document holds no termsystem with id
 * 1.2.246.537.6.202.2008. Entries inside other termsystems are ignored; entries without an OID
 * are skipped.
 */
export async function* parseSoteExport(
  input: Input,
  options: ParseOptions = {},
): AsyncGenerator<SoteEntry[]> {
  const batchSize = Math.max(1, options.batchSize ?? 1000);
  const parser = new SaxesParser({ xmlns: false, position: true });
  Object.assign(parser.ENTITIES, EXTRA_ENTITIES);

  const batch: SoteEntry[] = [];
  let depth = 0;
  let termsystemDepth = -1; // depth of the open matching termsystem, -1 when outside
  let foundTermsystem = false;
  const otherTermsystems = new Set<string>();
  const entries: EntryBuilder[] = [];
  let capture: AttributeCapture | null = null;
  const localNames = new Map<string, string>();

  const typeKeys = new Map<string, string>();
  const cachedTypeKey = (type: string): string => {
    let key = typeKeys.get(type);
    if (key === undefined) {
      key = typeKey(type);
      if (typeKeys.size < 1000) typeKeys.set(type, key);
    }
    return key;
  };

  const idOf = (tag: SaxesTagPlain): string | undefined => {
    const attributes = tag.attributes;
    if (attributes.id !== undefined) return attributes.id;
    for (const name in attributes) if (localName(name) === "id") return attributes[name];
    return undefined;
  };

  const localName = (name: string): string => {
    let local = localNames.get(name);
    if (local === undefined) {
      local = name.slice(name.indexOf(":") + 1).toLowerCase();
      if (localNames.size < 1000) localNames.set(name, local);
    }
    return local;
  };

  const finishAttribute = (cap: AttributeCapture, entry: EntryBuilder) => {
    const raw = cap.text.trim() === "" && cap.valueAttr !== null ? cap.valueAttr : cap.text;
    switch (cap.key) {
      case KEY_STATUS:
        if (entry.status === null) entry.status = raw;
        break;
      case KEY_LONGNAME: {
        const lang = cap.language?.trim().toLowerCase() ?? "";
        const rank = lang === "" || lang === "fi" ? 2 : 1;
        const value = nonEmpty(raw);
        if (value !== null && rank > entry.longNameRank) {
          entry.longName = value;
          entry.longNameRank = rank;
        }
        break;
      }
      case KEY_HIERARCHY:
        entry.hierarchyLevel ??= nonEmpty(raw);
        break;
      case KEY_PARENT:
        entry.parentOid ??= nonEmpty(raw);
        break;
      case KEY_BUSINESS_ID:
        entry.businessId ??= nonEmpty(raw);
        break;
      case KEY_SECTOR:
        entry.sector ??= nonEmpty(raw);
        break;
      case KEY_SOCIAL_UNIT:
        entry.socialServiceUnit ??= nonEmpty(raw);
        break;
      case KEY_OID:
        entry.oid ??= nonEmpty(raw);
        break;
    }
  };

  parser.on("opentag", (tag) => {
    depth++;
    const local = localName(tag.name);
    if (local === "attribute") {
      const entry = entries[entries.length - 1];
      if (entry && capture === null) {
        let type: string | null = null;
        let language: string | null = null;
        let valueAttr: string | null = null;
        const attributes = tag.attributes;
        for (const name in attributes) {
          const n = localName(name);
          if (n === "type") type = attributes[name]!;
          else if (n === "language") language = attributes[name]!;
          else if (n === "value") valueAttr = attributes[name]!;
        }
        if (type !== null) {
          capture = { key: cachedTypeKey(type), language, valueAttr, text: "", depth };
        }
      }
    } else if (local === "termitementry") {
      if (termsystemDepth >= 0) {
        entries.push({
          oid: nonEmpty(idOf(tag) ?? ""),
          status: null,
          longName: null,
          longNameRank: 0,
          hierarchyLevel: null,
          parentOid: null,
          businessId: null,
          sector: null,
          socialServiceUnit: null,
          depth,
        });
      }
    } else if (local === "termsystem") {
      const id = (idOf(tag) ?? "").trim();
      if (id === SOTE_TERMSYSTEM_OID) {
        if (termsystemDepth < 0) termsystemDepth = depth;
        foundTermsystem = true;
      } else {
        otherTermsystems.add(id);
      }
    }
  });

  parser.on("text", (text) => {
    if (capture !== null) capture.text += text;
  });
  parser.on("cdata", (text) => {
    if (capture !== null) capture.text += text;
  });

  parser.on("closetag", () => {
    if (capture !== null && capture.depth === depth) {
      const entry = entries[entries.length - 1];
      if (entry) finishAttribute(capture, entry);
      capture = null;
    }
    const top = entries[entries.length - 1];
    if (top && top.depth === depth) {
      entries.pop();
      if (top.oid !== null) {
        batch.push({
          oid: top.oid,
          active: top.status !== null && isActiveStatus(top.status),
          longName: top.longName,
          hierarchyLevel: top.hierarchyLevel,
          parentOid: top.parentOid,
          businessId: normaliseBusinessId(top.businessId),
          sector: top.sector,
          socialServiceUnit: top.socialServiceUnit !== null && truthy(top.socialServiceUnit),
        });
      }
    }
    if (termsystemDepth === depth) termsystemDepth = -1;
    depth--;
  });

  const feed = (text: string) => {
    try {
      parser.write(text.replace(CONTROL_CHARS, ""));
    } catch (e) {
      if (e instanceof SoteFormatError) throw e;
      throw new SoteFormatError(xmlMessage(e), parser.line);
    }
  };

  let decoder: TextDecoder | null = null;
  let head: Uint8Array | null = null; // bytes held back until the encoding is known
  let first = true;

  for await (const chunk of input as AsyncIterable<Chunk> | Iterable<Chunk>) {
    if (typeof chunk === "string") {
      feed(first ? chunk.replace(/^\uFEFF/, "") : chunk);
      first = false;
    } else {
      first = false;
      if (decoder === null) {
        head = head === null ? Uint8Array.from(chunk) : concat(head, chunk);
        if (!headComplete(head)) continue;
        decoder = pickDecoder(head);
        feed(decoder.decode(head, { stream: true }));
        head = null;
      } else {
        feed(decoder.decode(chunk, { stream: true }));
      }
    }
    while (batch.length >= batchSize) {
      yield batch.splice(0, batchSize);
    }
  }
  if (decoder === null && head !== null) decoder = pickDecoder(head);
  if (decoder !== null) feed(decoder.decode(head ?? new Uint8Array(0)));
  try {
    parser.close();
  } catch (e) {
    throw new SoteFormatError(xmlMessage(e), parser.line);
  }
  if (!foundTermsystem) {
    const others = [...otherTermsystems].filter((s) => s !== "");
    throw new SoteFormatError(
      `no termsystem with id ${SOTE_TERMSYSTEM_OID}` +
        (others.length > 0 ? ` (found ${others.slice(0, 3).join(", ")})` : ""),
      parser.line,
    );
  }
  while (batch.length > 0) {
    yield batch.splice(0, batchSize);
  }
}

function xmlMessage(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  // saxes prefixes "line:column: "; the line goes into SoteFormatError separately.
  const m = /^(\d+):(\d+): (.*)$/s.exec(message);
  return m ? `malformed XML at column ${Number(m[2]) + 1}: ${m[3]}` : `malformed XML: ${message}`;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** Enough bytes to decide the encoding: the end of the XML declaration, or evidence of none. */
function headComplete(head: Uint8Array): boolean {
  if (head.length >= 512) return true;
  const start = head[0] === 0xef ? 3 : 0; // UTF-8 BOM
  if (head.length < start + 5) return head.length >= 2 && (head[0] === 0xff || head[0] === 0xfe);
  const five = String.fromCharCode(...head.subarray(start, start + 5));
  if (five !== "<?xml") return true;
  for (let i = start + 5; i < head.length; i++) if (head[i] === 0x3e) return true; // ">"
  return false;
}
