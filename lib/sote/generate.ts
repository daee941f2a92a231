/**
 * Synthetic SOTE-organisaatiorekisteri exports in THL's CodeServer XML shape, for tests and
 * benchmarks. Deterministic for a seed; written as a stream with backpressure, so a
 * 100,000-entry (~60 MB) file never sits in memory.
 *
 * Each provider gets an organisation unit `1.2.246.10.<digits>.10.0` (hierarchy level 0) and
 * 1 to 8 service units `….10.<n>` (level 1, parentid = the organisation unit), with a mix of
 * active/inactive entries, Sos.palveluyksikkö T/F, public and private sectors, business IDs with
 * valid check digits (some written without the leading zero, as the register does), entries
 * without Y-Tunnus, Finnish names with ä/ö and entity-escaped `&`.
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { finished } from "node:stream/promises";
import { businessIdCheckDigit } from "@/lib/providers/businessId";
import { SOTE_TERMSYSTEM_OID, type SoteEntry } from "./parse";

export type SyntheticExportOptions = {
  /** Total number of termitementry elements, planted ones included. */
  entries: number;
  seed?: number;
  /** Entries to plant, spread evenly through the file (written as given). */
  include?: SoteEntry[];
};

/** mulberry32: small, fast, deterministic. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;",
  );
}

const UNIT_KINDS = [
  "Hoivakoti",
  "Palvelukoti",
  "Ryhmäkoti",
  "Kotihoito",
  "Tehostettu palveluasuminen",
  "Perhekoti",
  "Lastensuojeluyksikkö",
  "Päivätoiminta",
  "Asumispalveluyksikkö",
  "Henkilökohtainen apu",
  "Ateriapalvelu",
  "Turvapalvelut",
];
const PLACE_WORDS = [
  "Mäntylä",
  "Päivänsäde",
  "Koivukoti",
  "Kotiranta",
  "Sääksmäki",
  "Männistö",
  "Lähteenmäki",
  "Hämeenpuisto",
  "Pölläkkä",
  "Jyränkö",
  "Kärkölä",
  "Tähtiniemi",
  "Ylätupa",
  "Öljymäki",
  "Rantakylä",
  "Vänrikki",
];
const COMPANY_WORDS = [
  "Hoiva",
  "Välittäjä",
  "Lämpö",
  "Sydänmaa",
  "Kotiapu",
  "Elämänkaari",
  "Pärjääjä",
  "Turvasatama",
  "Kumppani",
  "Hyvä Arki",
  "Käsi",
  "Syli",
];
const COMPANY_FORMS = ["Oy", "Oy", "Oy", "Ab", "ry", "Osk", "Tmi"];
const MUNICIPALITIES = [
  "091 Helsinki",
  "049 Espoo",
  "092 Vantaa",
  "837 Tampere",
  "853 Turku",
  "564 Oulu",
  "179 Jyväskylä",
  "398 Lahti",
  "297 Kuopio",
  "609 Pori",
  "109 Hämeenlinna",
  "698 Rovaniemi",
  "743 Seinäjoki",
  "491 Mikkeli",
  "167 Joensuu",
  "905 Vaasa",
];
const PUBLIC_ORGS = [
  "Pirkanmaan hyvinvointialue",
  "Länsi-Uudenmaan hyvinvointialue",
  "Pohjois-Pohjanmaan hyvinvointialue",
  "Keski-Suomen hyvinvointialue",
  "Etelä-Pohjanmaan hyvinvointialue",
  "Päijät-Hämeen hyvinvointialue",
];

type Row = {
  oid: string;
  status: string;
  longName: string | null;
  hierarchyLevel: string | null;
  parentOid: string | null;
  businessIdText: string | null;
  sector: string | null;
  municipality: string;
  social: "T" | "F";
};

function rowXml(r: Row): string {
  const parts: string[] = [
    `<termitementry id="${escapeXml(r.oid)}" language="fi">\n`,
    `<attribute type="status" datatype="ST">${r.status}</attribute>\n`,
  ];
  if (r.longName !== null) {
    parts.push(
      `<attribute type="longname" datatype="ST" language="fi">${escapeXml(r.longName)}</attribute>\n`,
    );
  }
  if (r.hierarchyLevel !== null) {
    parts.push(`<attribute type="hierarchylevel" datatype="ST">${r.hierarchyLevel}</attribute>\n`);
  }
  parts.push(
    `<attribute type="parentid" datatype="ST" language="fi">${escapeXml(r.parentOid ?? "")}</attribute>\n`,
  );
  if (r.businessIdText !== null) {
    parts.push(
      `<attribute type="Y-Tunnus" datatype="ST">${escapeXml(r.businessIdText)}</attribute>\n`,
    );
  }
  if (r.sector !== null) {
    parts.push(`<attribute type="Sektori" datatype="ST">${escapeXml(r.sector)}</attribute>\n`);
  }
  parts.push(
    `<attribute type="Sijainti kunta" datatype="ST">${r.municipality}</attribute>\n`,
    `<attribute type="Sos.palveluyksikkö" datatype="ST">${r.social}</attribute>\n`,
    `</termitementry>\n`,
  );
  return parts.join("");
}

function header(): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<arb:result xmlns:arb="urn::codeservice"><arb:document ` +
    `xsi:schemaLocation="urn::codeservice codeservice_result_V2.0.xsd" ` +
    `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<header>Synthetic SOTE-organisaatiorekisteri export for tests</header>\n<body>\n` +
    `<termsystem id="${SOTE_TERMSYSTEM_OID}" begindate="1900-01-01T00:00:01" ` +
    `expirationdate="2100-12-31T23:59:59">\n` +
    `<attribute type="longname" datatype="ST" language="fi">THL - SOTE-organisaatiorekisteri 2008</attribute>\n` +
    `<attribute type="status" datatype="ST">1</attribute>\n` +
    `<attribute type="hierarchical" datatype="ST">1</attribute>\n`
  );
}

const FOOTER = `</termsystem>\n</body>\n</arb:document></arb:result>\n`;

/**
 * Write a synthetic export of exactly `opts.entries` termitementry elements to `path`.
 * Planted entries (`include`) count towards the total; if there are more of them than
 * `entries`, all of them are written.
 */
export async function writeSyntheticExport(
  path: string,
  opts: SyntheticExportOptions,
): Promise<{ bytes: number }> {
  const random = rng(opts.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const include = opts.include ?? [];
  const total = Math.max(opts.entries, include.length);

  // Planted entries go at evenly spaced positions; their organisation roots are kept free.
  const plantAt = new Map<number, SoteEntry>();
  include.forEach((entry, i) => {
    plantAt.set(Math.floor(((i + 0.5) * total) / include.length), entry);
  });
  const reservedRoots = new Set(
    include.map((e) => /^1\.2\.246\.10\.(\d+)\./.exec(e.oid)?.[1]).filter((d) => d !== undefined),
  );
  const usedRoots = new Set<string>();

  const ws = createWriteStream(path, { encoding: "utf8" });
  let pending = header();
  const flush = async (force: boolean) => {
    if (pending.length < 65536 && !force) return;
    const chunk = pending;
    pending = "";
    if (!ws.write(chunk)) await once(ws, "drain");
  };

  const newOrganisation = (): Row[] => {
    let seven = "";
    let check: number | null = null;
    let rootDigits = "";
    for (;;) {
      seven = String(Math.floor(random() * 10_000_000)).padStart(7, "0");
      check = businessIdCheckDigit(seven);
      // The organisation OID root: business ID digits with the check digit, no leading zeros.
      rootDigits = `${seven}${check}`.replace(/^0+/, "");
      if (
        check !== null &&
        rootDigits.length >= 6 &&
        !usedRoots.has(rootDigits) &&
        !reservedRoots.has(rootDigits)
      ) {
        usedRoots.add(rootDigits);
        break;
      }
    }
    const businessId = `${seven}-${check}`;
    // The register writes some IDs without their leading zero.
    const writtenId =
      seven.startsWith("0") && random() < 0.5 ? businessId.replace(/^0/, "") : businessId;
    const isPublic = random() < 0.08;
    const sector = isPublic ? "1 Julkinen" : "2 Yksityinen";
    const orgName = isPublic
      ? pick(PUBLIC_ORGS)
      : random() < 0.1
        ? `${pick(COMPANY_WORDS)} & ${pick(COMPANY_WORDS)} ${pick(COMPANY_FORMS)}`
        : `${pick(COMPANY_WORDS)} ${pick(PLACE_WORDS)} ${pick(COMPANY_FORMS)}`;
    const municipality = pick(MUNICIPALITIES);
    const root = `1.2.246.10.${rootDigits}.10`;
    const orgActive = random() < 0.93;
    const rows: Row[] = [
      {
        oid: `${root}.0`,
        status: orgActive ? "1" : "2",
        longName: orgName,
        hierarchyLevel: "0",
        parentOid: null,
        businessIdText: writtenId,
        sector,
        municipality,
        social: "F",
      },
    ];
    const units = 1 + Math.floor(random() * 8);
    let suffix = random() < 0.5 ? 0 : 100_000 + Math.floor(random() * 800_000);
    for (let u = 0; u < units; u++) {
      suffix += 1 + Math.floor(random() * 3);
      const unitMunicipality = random() < 0.8 ? municipality : pick(MUNICIPALITIES);
      rows.push({
        oid: `${root}.${suffix}`,
        status: orgActive && random() < 0.88 ? "1" : "2",
        longName: `${pick(UNIT_KINDS)} ${pick(PLACE_WORDS)}`,
        hierarchyLevel: "1",
        parentOid: `${root}.0`,
        businessIdText: random() < 0.95 ? writtenId : null,
        sector,
        municipality: unitMunicipality,
        social: random() < 0.7 ? "T" : "F",
      });
    }
    return rows;
  };

  try {
    let queue: Row[] = [];
    for (let i = 0; i < total; i++) {
      const planted = plantAt.get(i);
      if (planted) {
        pending += rowXml({
          oid: planted.oid,
          status: planted.active ? "1" : "2",
          longName: planted.longName,
          hierarchyLevel: planted.hierarchyLevel,
          parentOid: planted.parentOid,
          businessIdText: planted.businessId,
          sector: planted.sector,
          municipality: pick(MUNICIPALITIES),
          social: planted.socialServiceUnit ? "T" : "F",
        });
      } else {
        if (queue.length === 0) queue = newOrganisation();
        pending += rowXml(queue.shift()!);
      }
      await flush(false);
    }
    pending += FOOTER;
    await flush(true);
    ws.end();
    await finished(ws);
  } catch (e) {
    ws.destroy();
    throw e;
  }
  return { bytes: ws.bytesWritten };
}
