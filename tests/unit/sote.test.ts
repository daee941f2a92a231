import { createReadStream } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { isValidBusinessId, organisationOidRoot } from "@/lib/providers/businessId";
import { writeSyntheticExport } from "@/lib/sote/generate";
import {
  normaliseBusinessId,
  parseSoteExport,
  SoteFormatError,
  type SoteEntry,
} from "@/lib/sote/parse";
import { verifyAgainstRegister } from "@/lib/sote/verify";

async function collect(
  input: Parameters<typeof parseSoteExport>[0],
  batchSize?: number,
): Promise<SoteEntry[][]> {
  const batches: SoteEntry[][] = [];
  for await (const batch of parseSoteExport(input, { batchSize })) batches.push(batch);
  return batches;
}

async function* byteChunks(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** Shaped like THL's CodeServer output, with the oddities the parser must tolerate. */
const SAMPLE = `\uFEFF<?xml version="1.0" encoding="UTF-8"?>
<arb:result xmlns:arb="urn::codeservice"><arb:document xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><header>Produced by CodeServer</header>
<body>
<!-- another code system in the same document is ignored -->
<termsystem id="1.2.246.537.6.203.2014">
  <termitementry id="9.9.9"><attribute type="status">1</attribute></termitementry>
</termsystem>
<termsystem id="1.2.246.537.6.202.2008" begindate="1900-01-01T00:00:01">
<attribute type="longname" datatype="ST" language="fi">THL - SOTE-organisaatiorekisteri 2008</attribute>
<attribute type="status" datatype="ST">1</attribute>
<termitementry id="1.2.246.10.22861899.10.0" language="fi" createdate="2016-03-08T10:28:36">
<attribute type="status" datatype="ST">1</attribute>
<attribute type="longname" datatype="ST" language="fi">Hoiva &amp; Koti Oy</attribute>
<attribute type="hierarchylevel" datatype="ST">0</attribute>
<attribute type="parentid" datatype="ST" language="fi"></attribute>
<attribute type="Y-Tunnus" datatype="ST">2286189-9</attribute>
<attribute type="Sektori" datatype="ST">2 yksityinen</attribute>
<attribute type="Sos.palveluyksikkö" datatype="ST">F</attribute>
</termitementry>
<termitementry id=" 1.2.246.10.22861899.10.100012 " language="fi">
  <attribute type="status" datatype="ST">1</attribute>
  <attribute type="longname" datatype="ST" language="sv">Vårdhemmet Solstrålen</attribute>
  <attribute type="LONGNAME" datatype="ST" language="fi"><![CDATA[  Hoivakoti Päivänsäde  ]]></attribute>
  <attribute type="abbreviation" datatype="ST" language="fi">Päivänsäde</attribute>
  <attribute type="HierarchyLevel">1</attribute>
  <attribute type="ParentId">1.2.246.10.22861899.10.0</attribute>
  <attribute type="officepostaddress" datatype="ST">Mäntytie 1 &amp; 3, 33100 Tampere</attribute>
  <referencedCode code="x" codeSystem="1.2.3"/>
  <attribute type="y-tunnus">  2286189-9 </attribute>
  <attribute type="Sektori">2 Yksityinen</attribute>
  <attribute type="Sos.toimintayksikkö">F</attribute>
  <attribute type="sos.palveluyksikkö">true</attribute>
</termitementry>
<arb:termItemEntry id="1.2.246.10.7375462.10.7">
  <arb:attribute type="status">2</arb:attribute>
  <arb:attribute type="longname">Ryhm&#228;koti M&auml;ntyl&#xE4;</arb:attribute>
  <arb:attribute type="Y-Tunnus">737546-2</arb:attribute>
  <arb:attribute type="Sos.palveluyksikkö">F</arb:attribute>
</arb:termItemEntry>
<termitementry>
  <attribute type="oid">1.2.246.10.15728600.10.3</attribute>
  <attribute type="status">1</attribute>
  <attribute type="Sos.palveluyksikkö">T</attribute>
</termitementry>
<termitementry><attribute type="status">1</attribute></termitementry>
</termsystem>
</body>
</arb:document></arb:result>
`;

const EXPECTED: SoteEntry[] = [
  {
    oid: "1.2.246.10.22861899.10.0",
    active: true,
    longName: "Hoiva & Koti Oy",
    hierarchyLevel: "0",
    parentOid: null,
    businessId: "2286189-9",
    sector: "2 yksityinen",
    socialServiceUnit: false,
  },
  {
    oid: "1.2.246.10.22861899.10.100012",
    active: true,
    longName: "Hoivakoti Päivänsäde",
    hierarchyLevel: "1",
    parentOid: "1.2.246.10.22861899.10.0",
    businessId: "2286189-9",
    sector: "2 Yksityinen",
    socialServiceUnit: true,
  },
  {
    oid: "1.2.246.10.7375462.10.7",
    active: false,
    longName: "Ryhmäkoti Mäntylä",
    hierarchyLevel: null,
    parentOid: null,
    businessId: "0737546-2",
    sector: null,
    socialServiceUnit: false,
  },
  {
    oid: "1.2.246.10.15728600.10.3",
    active: true,
    longName: null,
    hierarchyLevel: null,
    parentOid: null,
    businessId: null,
    sector: null,
    socialServiceUnit: true,
  },
];

describe("parseSoteExport", () => {
  it("parses a hand-written export fed as one string", async () => {
    const batches = await collect([SAMPLE]);
    expect(batches.flat()).toEqual(EXPECTED);
  });

  it("parses 1-byte chunks, with every ä split across chunk boundaries", async () => {
    const bytes = Buffer.from(SAMPLE, "utf8");
    expect(bytes.includes(Buffer.from("ä"))).toBe(true);
    const batches = await collect(byteChunks(bytes, 1));
    expect(batches.flat()).toEqual(EXPECTED);
  });

  it("reads a Node stream and yields batches of the requested size", async () => {
    const stream = Readable.from(byteChunks(Buffer.from(SAMPLE, "utf8"), 7));
    const batches = await collect(stream, 3);
    expect(batches.map((b) => b.length)).toEqual([3, 1]);
    expect(batches.flat()).toEqual(EXPECTED);
  });

  it("honours an ISO-8859-1 declaration", async () => {
    const xml = `<?xml version="1.0" encoding="ISO-8859-1"?><termsystem id="1.2.246.537.6.202.2008"><termitementry id="1.2.3.10.1"><attribute type="longname">Hoivakoti Äijälä</attribute></termitementry></termsystem>`;
    const [entry] = (await collect(byteChunks(Buffer.from(xml, "latin1"), 5))).flat();
    expect(entry?.longName).toBe("Hoivakoti Äijälä");
  });

  it("rejects malformed XML with a SoteFormatError carrying the line", async () => {
    const broken = SAMPLE.replace(
      '<attribute type="Sektori">2 Yksityinen</attribute>',
      '<attribute type="Sektori">2 Yksityinen</atribute>',
    );
    const line = broken.slice(0, broken.indexOf("</atribute>")).split("\n").length;
    const error = await collect(byteChunks(Buffer.from(broken, "utf8"), 64)).catch((e) => e);
    expect(error).toBeInstanceOf(SoteFormatError);
    expect((error as SoteFormatError).line).toBe(line);
    expect((error as SoteFormatError).message).toContain(`line ${line}`);
  });

  it("rejects a truncated export and an empty one", async () => {
    await expect(collect([SAMPLE.slice(0, SAMPLE.length / 2)])).rejects.toBeInstanceOf(
      SoteFormatError,
    );
    await expect(collect([])).rejects.toBeInstanceOf(SoteFormatError);
  });

  it("rejects an export without the SOTE termsystem", async () => {
    const other = SAMPLE.replace(/1\.2\.246\.537\.6\.202\.2008/g, "1.2.246.537.6.12.2002");
    const error = await collect([other]).catch((e) => e);
    expect(error).toBeInstanceOf(SoteFormatError);
    expect((error as Error).message).toMatch(/no termsystem with id 1\.2\.246\.537\.6\.202\.2008/);
    expect((error as Error).message).toContain("1.2.246.537.6.12.2002");
  });
});

describe("normaliseBusinessId", () => {
  it.each([
    [" 2286189-9 ", "2286189-9"],
    ["737546-2", "0737546-2"],
    ["07375462", "0737546-2"],
    ["FI07375462", "0737546-2"],
    ["000000-0", null],
    ["", null],
    ["tuntematon", "tuntematon"],
  ])("%j -> %j", (raw, expected) => {
    expect(normaliseBusinessId(raw)).toBe(expected);
  });
});

const PROVIDER = "2286189-9";
const ROOT = organisationOidRoot(PROVIDER);
function entry(overrides: Partial<SoteEntry>): SoteEntry {
  return {
    oid: `${ROOT}.10.100012`,
    active: true,
    longName: "Hoivakoti Päivänsäde",
    hierarchyLevel: "1",
    parentOid: `${ROOT}.10.0`,
    businessId: PROVIDER,
    sector: "2 Yksityinen",
    socialServiceUnit: true,
    ...overrides,
  };
}

describe("verifyAgainstRegister", () => {
  it("verifies an active social welfare service unit of the provider", () => {
    expect(verifyAgainstRegister(`${ROOT}.10.100012`, PROVIDER, entry({}))).toEqual({
      status: "verified",
    });
  });
  it("verifies by the OID root when the entry has no Y-Tunnus", () => {
    const e = entry({ businessId: null });
    expect(verifyAgainstRegister(e.oid, PROVIDER, e)).toEqual({ status: "verified" });
    const zero = entry({ oid: "1.2.246.10.7375462.10.4", businessId: null });
    expect(verifyAgainstRegister(zero.oid, "0737546-2", zero)).toEqual({ status: "verified" });
    expect(verifyAgainstRegister(e.oid, "1572860-0", e)).toEqual({
      status: "needs_attention",
      reason: "other_business_id",
    });
  });
  it("compares business IDs after normalisation", () => {
    const e = entry({ oid: "1.2.246.10.7375462.10.1", businessId: "737546-2" });
    expect(verifyAgainstRegister(e.oid, "0737546-2", e)).toEqual({ status: "verified" });
  });
  it("flags an OID missing from the register", () => {
    expect(verifyAgainstRegister(`${ROOT}.10.5`, PROVIDER, undefined)).toEqual({
      status: "needs_attention",
      reason: "not_in_register",
    });
  });
  it("flags an inactive unit", () => {
    expect(verifyAgainstRegister(`${ROOT}.10.100012`, PROVIDER, entry({ active: false }))).toEqual({
      status: "needs_attention",
      reason: "inactive",
    });
  });
  it("flags a unit not registered as a social welfare service unit", () => {
    const e = entry({ socialServiceUnit: false });
    expect(verifyAgainstRegister(e.oid, PROVIDER, e)).toEqual({
      status: "needs_attention",
      reason: "not_social_service_unit",
    });
  });
  it("flags another provider's unit and names its business ID", () => {
    const e = entry({ oid: "1.2.246.10.15728600.10.3", businessId: "1572860-0" });
    expect(verifyAgainstRegister(e.oid, PROVIDER, e)).toEqual({
      status: "needs_attention",
      reason: "other_business_id",
      registerBusinessId: "1572860-0",
    });
  });
  it("flags an organisation unit by its .10.0 OID or its hierarchy level", () => {
    const org = entry({ oid: `${ROOT}.10.0`, hierarchyLevel: "0", parentOid: null });
    expect(verifyAgainstRegister(org.oid, PROVIDER, org)).toEqual({
      status: "needs_attention",
      reason: "organisation_unit",
    });
    expect(verifyAgainstRegister(`${ROOT}.10.0`, PROVIDER, undefined)).toMatchObject({
      reason: "organisation_unit",
    });
    const level0 = entry({ oid: `${ROOT}.10.77`, hierarchyLevel: "0" });
    expect(verifyAgainstRegister(level0.oid, PROVIDER, level0)).toMatchObject({
      reason: "organisation_unit",
    });
  });
});

describe("writeSyntheticExport", () => {
  it("is deterministic for a seed", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "sote-det-"));
    try {
      const [a, b, c] = ["a.xml", "b.xml", "c.xml"].map((f) => path.join(dir, f)) as [
        string,
        string,
        string,
      ];
      await writeSyntheticExport(a, { entries: 500, seed: 42 });
      await writeSyntheticExport(b, { entries: 500, seed: 42 });
      await writeSyntheticExport(c, { entries: 500, seed: 43 });
      const [ta, tb, tc] = await Promise.all([a, b, c].map((f) => readFile(f, "utf8")));
      expect(ta).toBe(tb);
      expect(ta).not.toBe(tc);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("a generated 100,000-entry export gives correct verdicts on a sample", async () => {
    const other = organisationOidRoot("1572860-0");
    const planted: SoteEntry[] = [
      entry({ oid: `${ROOT}.10.100001` }),
      entry({ oid: `${ROOT}.10.100002`, businessId: null }),
      entry({ oid: `${ROOT}.10.100003`, active: false }),
      entry({ oid: `${ROOT}.10.100004`, socialServiceUnit: false }),
      entry({ oid: `${ROOT}.10.0`, hierarchyLevel: "0", parentOid: null, longName: "Hoiva Oy" }),
      entry({ oid: `${other}.10.3`, parentOid: `${other}.10.0`, businessId: "1572860-0" }),
    ];
    const expected: Record<string, ReturnType<typeof verifyAgainstRegister>> = {
      [`${ROOT}.10.100001`]: { status: "verified" },
      [`${ROOT}.10.100002`]: { status: "verified" },
      [`${ROOT}.10.100003`]: { status: "needs_attention", reason: "inactive" },
      [`${ROOT}.10.100004`]: { status: "needs_attention", reason: "not_social_service_unit" },
      [`${ROOT}.10.0`]: { status: "needs_attention", reason: "organisation_unit" },
      [`${other}.10.3`]: {
        status: "needs_attention",
        reason: "other_business_id",
        registerBusinessId: "1572860-0",
      },
      [`${ROOT}.10.999999`]: { status: "needs_attention", reason: "not_in_register" },
    };

    const dir = await mkdtemp(path.join(os.tmpdir(), "sote-big-"));
    const file = path.join(dir, "sote.xml");
    try {
      const { bytes } = await writeSyntheticExport(file, {
        entries: 100_000,
        seed: 2026,
        include: planted,
      });
      expect(bytes).toBeGreaterThan(45_000_000);
      expect(bytes).toBeLessThan(80_000_000);

      const sample = new Map<string, SoteEntry>();
      let total = 0;
      let active = 0;
      let social = 0;
      let orgUnits = 0;
      let withUmlaut = 0;
      let invalidIds = 0;
      let oidsAreUnique = true;
      let orgUnitsAtLevel0 = true;
      let lastOid = "";
      for await (const batch of parseSoteExport(createReadStream(file))) {
        expect(batch.length).toBeLessThanOrEqual(1000);
        for (const e of batch) {
          total++;
          if (e.oid in expected) sample.set(e.oid, e);
          if (e.active) active++;
          if (e.socialServiceUnit) social++;
          if (e.oid.endsWith(".10.0")) {
            orgUnits++;
            if (e.hierarchyLevel !== "0") orgUnitsAtLevel0 = false;
          }
          if (e.longName && /[äö]/.test(e.longName)) withUmlaut++;
          if (e.businessId !== null && !isValidBusinessId(e.businessId)) invalidIds++;
          if (e.oid === lastOid) oidsAreUnique = false;
          lastOid = e.oid;
        }
      }

      expect(total).toBe(100_000);
      expect(oidsAreUnique).toBe(true);
      expect(orgUnitsAtLevel0).toBe(true);
      expect(invalidIds).toBe(0);
      expect(orgUnits).toBeGreaterThan(5_000);
      expect(active).toBeGreaterThan(70_000);
      expect(active).toBeLessThan(total);
      expect(social).toBeGreaterThan(30_000);
      expect(social).toBeLessThan(total);
      expect(withUmlaut).toBeGreaterThan(10_000);
      expect(sample.size).toBe(planted.length);
      expect(sample.get(`${ROOT}.10.100001`)).toEqual(planted[0]);

      for (const [oid, verdict] of Object.entries(expected)) {
        expect(verifyAgainstRegister(oid, PROVIDER, sample.get(oid)), oid).toEqual(verdict);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
