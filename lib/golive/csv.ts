/**
 * Parser and validator for the go-live CSV: the organiser's client information system export,
 * one row per client service (DOMAIN rule 4). Streams: the file is decoded and parsed chunk by
 * chunk, and only the validated rows (not the text) are kept. UTF-8 with or without a BOM, `;`
 * or `,` as the delimiter (whichever the header row uses more), a header row is required.
 *
 * Every problem names its line (the line on which the record starts, 1 = the header) and field;
 * messages are keys in the golive, hetu and oid namespaces. Issue params never carry a name or
 * an identity code.
 */
import { Readable, pipeline } from "node:stream";
import { parse } from "csv-parse";
import fi from "@/lib/i18n/messages/fi.json";
import sv from "@/lib/i18n/messages/sv.json";
import en from "@/lib/i18n/messages/en.json";
import { serviceTasks, type ServiceTask } from "@/db/schema/cases";
import { socialServiceCodes, type SocialServiceCode } from "@/lib/catalogue/services";
import { validateHetu } from "@/lib/clients/hetu";
import { checkOidSyntax } from "@/lib/oid/validate";
import { isCalendarDate } from "@/lib/windows/dates";

export const goLiveFields = [
  "caseOid",
  "clientName",
  "hetu",
  "serviceTask",
  "service",
  "unitOid",
  "startsOn",
  "endsOn",
] as const;
export type GoLiveField = (typeof goLiveFields)[number];

const REQUIRED: readonly GoLiveField[] = goLiveFields.filter((f) => f !== "endsOn");

export type GoLiveIssue = {
  line: number;
  field: GoLiveField | "file";
  /** A full message key, e.g. "golive.errors.required", "hetu.checkCharacter", "oid.syntax". */
  key: string;
  params?: Record<string, string>;
};

export type GoLiveRow = {
  line: number;
  caseOid: string;
  clientName: string;
  /** Normalised (trimmed, upper case). Kept in memory only to seal a new client. */
  hetu: string;
  serviceTask: ServiceTask;
  service: SocialServiceCode;
  unitOid: string;
  startsOn: string;
  endsOn: string | null;
};

export type ParsedGoLive = {
  /** Valid rows, in file order. */
  rows: GoLiveRow[];
  /** Data records read (non-empty lines after the header, valid or not). */
  records: number;
  /** The first `maxIssues` issues, by line. */
  issues: GoLiveIssue[];
  /** All issues found (may exceed issues.length). */
  issueCount: number;
};

/** A file as text, bytes, or a stream of chunks (e.g. a request body as a Node Readable). */
export type GoLiveSource = string | Uint8Array | AsyncIterable<Uint8Array | string>;

/** Accepted header names (lower-cased, accents, spaces and punctuation ignored). */
const HEADERS: Record<GoLiveField, string[]> = {
  caseOid: ["asianoid", "asiaoid", "asiantunnus", "caseoid", "arendeoid", "arendetsoid"],
  clientName: [
    "asiakas",
    "asiakkaannimi",
    "nimi",
    "client",
    "clientname",
    "name",
    "klient",
    "klientensnamn",
    "namn",
  ],
  hetu: [
    "henkilotunnus",
    "hetu",
    "asiakkaanhenkilotunnus",
    "personalidentitycode",
    "identitycode",
    "personbeteckning",
  ],
  serviceTask: ["palvelutehtava", "servicetask", "tjansteuppgift", "uppgift"],
  service: ["sosiaalipalvelu", "palvelu", "socialservice", "service", "socialtjanst", "tjanst"],
  unitOid: [
    "palveluyksikonoid",
    "palveluyksikkooid",
    "yksikonoid",
    "unitoid",
    "serviceunitoid",
    "serviceenhetensoid",
    "serviceenhetoid",
  ],
  startsOn: [
    "alkupaiva",
    "alkamispaiva",
    "alkaa",
    "alku",
    "start",
    "startdate",
    "startson",
    "startdatum",
    "borjar",
  ],
  endsOn: [
    "loppupaiva",
    "paattymispaiva",
    "paattyy",
    "loppu",
    "end",
    "enddate",
    "endson",
    "slutdatum",
    "slutar",
  ],
};

function headerKey(h: string): string {
  return h
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]/g, "");
}

const FIELD_BY_HEADER = new Map<string, GoLiveField>(
  goLiveFields.flatMap((f) => HEADERS[f].map((h) => [h, f] as const)),
);

/** Lower-cased, whitespace-collapsed text for matching a code or a label. */
function labelKey(s: string): string {
  return s.trim().replace(/\s+/g, " ").toLocaleLowerCase("fi");
}

function lookupTable<C extends string>(
  codes: readonly C[],
  labels: (m: typeof fi) => Record<string, string>,
): Map<string, C> {
  const out = new Map<string, C>();
  for (const code of codes) {
    out.set(labelKey(code), code);
    for (const m of [fi, sv as typeof fi, en as typeof fi]) {
      const label = labels(m)[code];
      if (label) out.set(labelKey(label), code);
    }
  }
  return out;
}

const TASKS = lookupTable(serviceTasks, (m) => m.cases.serviceTasks);
const SERVICES = lookupTable(socialServiceCodes, (m) => m.services);

/** A service task given as its code (older_people) or its label in fi, sv or en; else null. */
export function resolveServiceTask(input: string): ServiceTask | null {
  return TASKS.get(labelKey(input)) ?? null;
}

/** A social service given as its code (communal_housing) or its label in fi, sv or en; else null. */
export function resolveSocialService(input: string): SocialServiceCode | null {
  return SERVICES.get(labelKey(input)) ?? null;
}

/** A date written yyyy-mm-dd or d.M.yyyy (also dd.mm.yyyy) as yyyy-mm-dd, or null. */
export function parseGoLiveDate(input: string): string | null {
  const s = input.trim();
  let iso: string | null = null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) iso = s;
  else {
    const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
    if (m) iso = `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}`;
  }
  return iso && isCalendarDate(iso) ? iso : null;
}

/** Finnish organisation-unit OIDs end in .10.0: not a service unit (DOMAIN rule 1). */
const ORGANISATION_UNIT = /^1\.2\.246\.10\.[1-9][0-9]*\.10\.0$/;
const UNIT_OID_EXAMPLE = "1.2.246.10.8286189.10.1";
const MAX_NAME = 200;
const MAX_VALUE_SHOWN = 60;

const shown = (s: string) => (s.length > MAX_VALUE_SHOWN ? `${s.slice(0, MAX_VALUE_SHOWN)}…` : s);

/** Thrown by the decoder: the bytes are not UTF-8. */
class EncodingError extends Error {
  constructor(readonly line: number) {
    super("not UTF-8");
  }
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf("\n"); i !== -1; i = s.indexOf("\n", i + 1)) n++;
  return n;
}

/**
 * Decodes the source as UTF-8 (a BOM is dropped), chunk by chunk; reports bytes read.
 * Throws EncodingError with the line reached when the bytes are not UTF-8.
 */
async function* decode(source: GoLiveSource, onBytes?: (bytes: number) => void) {
  if (typeof source === "string") {
    yield source.replace(/^\uFEFF/, "");
    return;
  }
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let bytes = 0;
  let line = 1;
  const chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array> =
    source instanceof Uint8Array ? slices(source) : source;
  for await (const chunk of chunks) {
    let text: string;
    if (typeof chunk === "string") text = chunk;
    else {
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw new EncodingError(line);
      }
      bytes += chunk.byteLength;
      onBytes?.(bytes);
    }
    line += countNewlines(text);
    if (text) yield text;
  }
  try {
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch {
    throw new EncodingError(line);
  }
}

function* slices(bytes: Uint8Array, size = 1 << 20): Iterable<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/**
 * Reads text until the first line break (the header line) without losing anything: returns the
 * text read so far and an iterable that yields it and then the rest.
 */
async function peekFirstLine(
  text: AsyncIterable<string>,
): Promise<{ firstLine: string; all: AsyncIterable<string> }> {
  const it = text[Symbol.asyncIterator]();
  let head = "";
  let done = false;
  while (!done && head.indexOf("\n") === -1 && head.length < 1 << 20) {
    const next = await it.next();
    if (next.done) done = true;
    else head += next.value;
  }
  const nl = head.indexOf("\n");
  async function* all() {
    try {
      if (head) yield head;
      if (done) return;
      for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
    } finally {
      // Stopped early (e.g. a bad header): let the source stop reading too.
      if (!done) await it.return?.(undefined);
    }
  }
  return { firstLine: nl === -1 ? head : head.slice(0, nl), all: all() };
}

function delimiterOf(firstLine: string): ";" | "," {
  const semicolons = firstLine.split(";").length - 1;
  const commas = firstLine.split(",").length - 1;
  return semicolons >= commas ? ";" : ",";
}

type Seen = { hetu: string; serviceTask: ServiceTask; line: number };

/**
 * Validates the records of one file in order. Keeps the state that spans rows: the column map
 * and, per case OID, the identity code and service task it first appeared with.
 */
class Validator {
  readonly rows: GoLiveRow[] = [];
  readonly issues: GoLiveIssue[] = [];
  issueCount = 0;
  records = 0;
  private columns: (GoLiveField | null)[] | null = null;
  private width = 0;
  private readonly cases = new Map<string, Seen>();
  private readonly unitOids = new Map<string, string>();

  constructor(private readonly maxIssues: number) {}

  issue(line: number, field: GoLiveIssue["field"], key: string, params?: Record<string, string>) {
    this.issueCount++;
    if (this.issues.length < this.maxIssues) {
      this.issues.push(params ? { line, field, key, params } : { line, field, key });
    }
  }

  get hasHeader(): boolean {
    return this.columns !== null;
  }

  /** The header row: maps columns to fields; false when required columns are missing. */
  header(cells: string[], line: number): boolean {
    const columns = cells.map((c) => FIELD_BY_HEADER.get(headerKey(c)) ?? null);
    let ok = true;
    const seen = new Set<GoLiveField>();
    columns.forEach((f, i) => {
      if (!f) return;
      if (seen.has(f)) {
        this.issue(line, f, "golive.errors.duplicateColumn", { value: shown(cells[i] ?? "") });
        ok = false;
      }
      seen.add(f);
    });
    for (const f of REQUIRED) {
      if (!seen.has(f)) {
        this.issue(line, f, "golive.errors.missingColumn");
        ok = false;
      }
    }
    this.columns = columns;
    this.width = cells.length;
    return ok;
  }

  record(cells: string[], line: number): void {
    const columns = this.columns!;
    // Lines with nothing but delimiters (Excel writes them) are empty lines.
    if (cells.every((c) => c === "")) return;
    this.records++;
    const before = this.issueCount;
    const extra = cells.slice(this.width).some((c) => c !== "");
    if (cells.length < this.width || extra) {
      this.issue(line, "file", "golive.errors.columns", {
        value: String(cells.length),
        expected: String(this.width),
      });
      return;
    }
    const raw: Partial<Record<GoLiveField, string>> = {};
    columns.forEach((f, i) => {
      if (f) raw[f] = cells[i] ?? "";
    });
    for (const f of REQUIRED) if (!raw[f]) this.issue(line, f, "golive.errors.required");

    const caseOidText = raw.caseOid ?? "";
    let caseOid: string | null = null;
    if (caseOidText) {
      const v = checkOidSyntax(caseOidText);
      if (v.ok) caseOid = v.oid;
      else this.issue(line, "caseOid", "golive.errors.caseOid", { value: shown(caseOidText) });
    }

    const clientName = (raw.clientName ?? "").trim().replace(/\s+/g, " ");
    if (clientName.length > MAX_NAME)
      this.issue(line, "clientName", "golive.errors.tooLong", { max: String(MAX_NAME) });

    let hetu: string | null = null;
    if (raw.hetu) {
      const v = validateHetu(raw.hetu);
      if (v.ok) hetu = v.hetu;
      else this.issue(line, "hetu", `hetu.${v.code}`);
    }

    let serviceTask: ServiceTask | null = null;
    if (raw.serviceTask) {
      serviceTask = resolveServiceTask(raw.serviceTask);
      if (!serviceTask)
        this.issue(line, "serviceTask", "golive.errors.serviceTask", {
          value: shown(raw.serviceTask),
        });
    }

    let service: SocialServiceCode | null = null;
    if (raw.service) {
      service = resolveSocialService(raw.service);
      if (!service)
        this.issue(line, "service", "golive.errors.service", { value: shown(raw.service) });
    }

    let unitOid: string | null = null;
    if (raw.unitOid) {
      const v = checkOidSyntax(raw.unitOid);
      if (!v.ok) this.issue(line, "unitOid", `oid.${v.code}`, { example: UNIT_OID_EXAMPLE });
      else if (ORGANISATION_UNIT.test(v.oid))
        this.issue(line, "unitOid", "oid.organisationUnit", { example: UNIT_OID_EXAMPLE });
      else {
        // Many rows share a unit: keep one copy of its OID.
        unitOid = this.unitOids.get(v.oid) ?? v.oid;
        this.unitOids.set(unitOid, unitOid);
      }
    }

    let startsOn: string | null = null;
    if (raw.startsOn) {
      startsOn = parseGoLiveDate(raw.startsOn);
      if (!startsOn)
        this.issue(line, "startsOn", "golive.errors.date", { value: shown(raw.startsOn) });
    }
    let endsOn: string | null = null;
    if (raw.endsOn && raw.endsOn.trim()) {
      endsOn = parseGoLiveDate(raw.endsOn);
      if (!endsOn) this.issue(line, "endsOn", "golive.errors.date", { value: shown(raw.endsOn) });
      else if (startsOn && endsOn < startsOn)
        this.issue(line, "endsOn", "golive.errors.endBeforeStart");
    }

    if (caseOid && hetu && serviceTask) {
      const first = this.cases.get(caseOid);
      if (!first) this.cases.set(caseOid, { hetu, serviceTask, line });
      else {
        if (first.hetu !== hetu)
          this.issue(line, "hetu", "golive.errors.caseOtherHetu", { line: String(first.line) });
        if (first.serviceTask !== serviceTask)
          this.issue(line, "serviceTask", "golive.errors.caseOtherTask", {
            line: String(first.line),
          });
      }
    }

    if (this.issueCount === before) {
      this.rows.push({
        line,
        caseOid: caseOid!,
        clientName,
        hetu: hetu!,
        serviceTask: serviceTask!,
        service: service!,
        unitOid: unitOid!,
        startsOn: startsOn!,
        endsOn,
      });
    }
  }
}

type CsvParseError = Error & { code?: string; lines?: number };

/**
 * Reads and validates a whole go-live file. Never throws for bad content (every problem is an
 * issue); rethrows only failures of the source itself (e.g. an aborted upload).
 */
export async function parseGoLiveCsv(
  source: GoLiveSource,
  opts: { onBytes?: (bytes: number) => void; maxIssues?: number } = {},
): Promise<ParsedGoLive> {
  const v = new Validator(opts.maxIssues ?? 1000);
  let parser: ReturnType<typeof parse> | null = null;
  try {
    const { firstLine, all } = await peekFirstLine(decode(source, opts.onBytes));
    parser = parse({
      delimiter: delimiterOf(firstLine),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    });
    const records = pipeline(Readable.from(all, { objectMode: true }), parser, () => {});
    for await (const { record, info } of records as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      // info.lines is the line the record ends on; a quoted field may span lines.
      let breaks = 0;
      for (const cell of record) if (cell.includes("\n")) breaks += countNewlines(cell);
      const line = info.lines - breaks;
      if (!v.hasHeader) {
        if (!v.header(record, line)) break;
      } else v.record(record, line);
    }
  } catch (e) {
    if (e instanceof EncodingError) v.issue(e.line, "file", "golive.errors.encoding");
    else if (
      typeof (e as CsvParseError).code === "string" &&
      /^CSV_/.test((e as CsvParseError).code!)
    )
      v.issue(Number((e as CsvParseError).lines ?? 0), "file", "golive.errors.unreadable");
    else throw e;
  } finally {
    parser?.destroy();
  }
  if (!v.hasHeader && v.issueCount === 0) v.issue(1, "file", "golive.errors.empty");
  v.issues.sort((a, b) => a.line - b.line);
  return { rows: v.rows, records: v.records, issues: v.issues, issueCount: v.issueCount };
}
