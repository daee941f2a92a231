import { parse } from "csv-parse/sync";
import { isValidBusinessId } from "@/lib/providers/businessId";
import { validateServiceUnitOid } from "@/lib/oid/validate";

/**
 * Pure part of the registry CSV import: decode, parse and validate the shared
 * mailbox's Excel list saved as CSV. One row may carry a provider, one of its
 * units and one of its contact people; rows with the same business ID are the
 * same provider.
 */

export type CsvField =
  | "businessId"
  | "providerName"
  | "unitName"
  | "oid"
  | "municipality"
  | "cis"
  | "contactName"
  | "contactEmail"
  | "contactPhone"
  | "language"
  | "receivesCaseOids";

/** Accepted header names (lower-cased, spaces and punctuation ignored) for each field. */
const HEADERS: Record<CsvField, string[]> = {
  businessId: ["ytunnus", "businessid", "fonummer"],
  providerName: ["palveluntuottaja", "tuottaja", "provider", "providername", "tjansteproducent"],
  unitName: ["palveluyksikko", "yksikko", "serviceunit", "unit", "unitname", "serviceenhet"],
  oid: ["oid", "palveluyksikonoid", "unitoid"],
  municipality: ["kunta", "municipality", "kommun"],
  cis: [
    "asiakastietojarjestelma",
    "jarjestelma",
    "cis",
    "clientinformationsystem",
    "system",
    "klientdatasystem",
  ],
  contactName: ["yhteyshenkilo", "contact", "contactname", "kontaktperson"],
  contactEmail: ["sahkoposti", "email", "contactemail", "epost", "sposti"],
  contactPhone: ["puhelin", "phone", "contactphone", "telefon"],
  language: ["kieli", "language", "sprak"],
  receivesCaseOids: ["vastaanottaaoid", "receivescaseoids", "asianoid", "tarmotoid"],
};

function headerKey(h: string): string {
  return h
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]/g, "");
}

export type CsvRow = { line: number } & Partial<Record<CsvField, string>>;
export type CsvIssue = {
  line: number;
  field: CsvField | "file";
  key: string;
  params?: Record<string, string>;
};

/** Excel saves CSV as UTF-8 (with a BOM) or as Windows-1252; accept both. */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

export function parseCsv(text: string): { rows: CsvRow[]; issues: CsvIssue[] } {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  // Finnish Excel uses semicolons; otherwise commas.
  const delimiter =
    (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    });
  } catch (e) {
    return {
      rows: [],
      issues: [
        {
          line: Number((e as { lines?: number }).lines ?? 0),
          field: "file",
          key: "import.unreadable",
        },
      ],
    };
  }
  const [header, ...data] = records;
  if (!header) return { rows: [], issues: [{ line: 1, field: "file", key: "import.empty" }] };
  const columns = header.map((h) => {
    const k = headerKey(h);
    return (Object.keys(HEADERS) as CsvField[]).find((f) => HEADERS[f].includes(k)) ?? null;
  });
  if (!columns.includes("businessId"))
    return { rows: [], issues: [{ line: 1, field: "file", key: "import.noBusinessIdColumn" }] };
  const rows = data.map((r, i) => {
    const row: CsvRow = { line: i + 2 };
    columns.forEach((c, j) => {
      if (c && r[j] !== undefined && r[j] !== "") row[c] = r[j];
    });
    return row;
  });
  return { rows, issues: [] };
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const PHONE = /^\+?[0-9][0-9 ()-]{4,24}$/;
const YES = ["k", "kyllä", "kylla", "x", "1", "true", "yes", "ja", "j", "y"];
const NO = ["", "e", "ei", "0", "false", "no", "nej", "n"];

export type NormalRow = {
  line: number;
  businessId: string;
  providerName: string | null;
  unit: { name: string; municipality: string; oid: string | null; cis: string | null } | null;
  contact: {
    name: string;
    email: string;
    phone: string | null;
    language: "fi" | "sv" | "en";
    receivesCaseOids: boolean;
  } | null;
};

/**
 * Validates each row on its own (the database checks come on top). Every issue
 * names the line and the field; nothing is guessed silently.
 */
export function validateRows(
  rows: CsvRow[],
  knownSystems: Set<string>,
): { normal: NormalRow[]; issues: CsvIssue[] } {
  const issues: CsvIssue[] = [];
  const normal: NormalRow[] = [];
  const seenOids = new Map<string, number>();
  for (const r of rows) {
    const before = issues.length;
    const issue = (field: CsvField, key: string, params?: Record<string, string>) =>
      issues.push({ line: r.line, field, key, params });
    const businessId = (r.businessId ?? "").trim();
    if (!businessId) issue("businessId", "validation.required");
    else if (!isValidBusinessId(businessId))
      issue("businessId", "import.businessId", { value: businessId });
    let unit: NormalRow["unit"] = null;
    if (r.unitName || r.oid || r.municipality) {
      if (!r.unitName) issue("unitName", "validation.required");
      if (!r.municipality) issue("municipality", "validation.required");
      let oid: string | null = null;
      if (r.oid && isValidBusinessId(businessId)) {
        const v = validateServiceUnitOid(r.oid, businessId);
        if (!v.ok) issue("oid", `oid.${v.code}`, v.params);
        else {
          oid = v.oid;
          const other = seenOids.get(oid);
          if (other !== undefined) issue("oid", "import.oidTwice", { line: String(other) });
          else seenOids.set(oid, r.line);
        }
      }
      if (r.cis && !knownSystems.has(r.cis.trim().toLowerCase()))
        issue("cis", "import.unknownSystem", { value: r.cis });
      unit = {
        name: r.unitName ?? "",
        municipality: r.municipality ?? "",
        oid,
        cis: r.cis?.trim() ?? null,
      };
    }
    let contact: NormalRow["contact"] = null;
    if (r.contactName || r.contactEmail || r.contactPhone) {
      if (!r.contactName) issue("contactName", "validation.required");
      const email = (r.contactEmail ?? "").trim().toLowerCase();
      if (!email) issue("contactEmail", "validation.required");
      else if (!EMAIL.test(email)) issue("contactEmail", "import.email", { value: email });
      if (r.contactPhone && !PHONE.test(r.contactPhone))
        issue("contactPhone", "import.phone", { value: r.contactPhone });
      const lang = (r.language ?? "fi").trim().toLowerCase();
      const language = (
        {
          fi: "fi",
          suomi: "fi",
          sv: "sv",
          ruotsi: "sv",
          svenska: "sv",
          en: "en",
          englanti: "en",
          english: "en",
        } as const
      )[lang as "fi"];
      if (!language) issue("language", "import.language", { value: r.language ?? "" });
      const recv = (r.receivesCaseOids ?? "").trim().toLowerCase();
      if (!YES.includes(recv) && !NO.includes(recv))
        issue("receivesCaseOids", "import.yesNo", { value: recv });
      contact = {
        name: r.contactName ?? "",
        email,
        phone: r.contactPhone ?? null,
        language: language ?? "fi",
        receivesCaseOids: YES.includes(recv),
      };
    }
    if (issues.length === before)
      normal.push({
        line: r.line,
        businessId,
        providerName: r.providerName?.trim() ?? null,
        unit,
        contact,
      });
  }
  return { normal, issues };
}
