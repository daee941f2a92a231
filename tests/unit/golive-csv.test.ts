import { describe, expect, it } from "vitest";
import { hetuCheckCharacter } from "@/lib/clients/hetu";
import {
  parseGoLiveCsv,
  parseGoLiveDate,
  resolveServiceTask,
  resolveSocialService,
  type GoLiveSource,
} from "@/lib/golive/csv";

/** A valid temporary identity code (individual number 900–999) born on 1.1.1950 + n days. */
function hetu(n: number, individual = 900): string {
  const day = String(1 + (n % 28)).padStart(2, "0");
  const month = String(1 + (Math.floor(n / 28) % 12)).padStart(2, "0");
  const nine = `${day}${month}50${individual}`;
  return `${day}${month}50-${individual}${hetuCheckCharacter(nine)}`;
}

const HEADER =
  "Asian OID;Asiakkaan nimi;Henkilötunnus;Palvelutehtävä;Sosiaalipalvelu;Palveluyksikön OID;Alkupäivä;Loppupäivä";
const UNIT = "1.2.246.10.8286189.10.100012";

function row(
  n: number,
  over: Partial<
    Record<"oid" | "name" | "hetu" | "task" | "service" | "unit" | "start" | "end", string>
  > = {},
) {
  return [
    over.oid ?? `1.2.246.10.2840015.15.2026.${5000 + n}`,
    over.name ?? `Testi Asiakas ${n}`,
    over.hetu ?? hetu(n),
    over.task ?? "Ikääntyneiden palvelut",
    over.service ?? "Yhteisöllinen asuminen",
    over.unit ?? UNIT,
    over.start ?? "1.3.2026",
    over.end ?? "",
  ].join(";");
}

const file = (...lines: string[]) => lines.join("\r\n") + "\r\n";

describe("go-live CSV: reading", () => {
  it("reads ; with a BOM and , without one, codes or labels in any case, both date forms", async () => {
    const semi = await parseGoLiveCsv(
      "\uFEFF" +
        file(
          HEADER,
          row(1),
          row(2, { task: "older_people", service: "COMMUNAL_HOUSING", start: "2026-02-01" }),
          row(3, { service: "  kotihoito ", end: "31.12.2026" }),
        ),
    );
    expect(semi.issues).toEqual([]);
    expect(semi.records).toBe(3);
    expect(semi.rows.map((r) => [r.line, r.serviceTask, r.service, r.startsOn, r.endsOn])).toEqual([
      [2, "older_people", "communal_housing", "2026-03-01", null],
      [3, "older_people", "communal_housing", "2026-02-01", null],
      [4, "older_people", "home_care", "2026-03-01", "2026-12-31"],
    ]);

    const comma = await parseGoLiveCsv(
      file(
        "Case OID,Client name,Personal identity code,Service task,Social service,Unit OID,Start date,End date",
        `1.2.246.10.2840015.15.2026.1,"Virtanen, Anna",${hetu(4)},disability,Personal assistance,${UNIT},2026-01-15,`,
      ),
    );
    expect(comma.issues).toEqual([]);
    expect(comma.rows[0]).toMatchObject({
      clientName: "Virtanen, Anna",
      service: "personal_assistance",
    });
  });

  it("streams bytes split anywhere, even inside a multi-byte character", async () => {
    const bytes = new TextEncoder().encode("\uFEFF" + file(HEADER, row(1), row(2), row(3)));
    async function* oneByteAtATime(): AsyncIterable<Uint8Array> {
      for (let i = 0; i < bytes.length; i++) yield bytes.subarray(i, i + 1);
    }
    const seen: number[] = [];
    const parsed = await parseGoLiveCsv(oneByteAtATime(), { onBytes: (n) => seen.push(n) });
    expect(parsed.issues).toEqual([]);
    expect(parsed.rows).toHaveLength(3);
    expect(parsed.rows[0]!.clientName).toBe("Testi Asiakas 1");
    expect(seen.at(-1)).toBe(bytes.length);
  });

  it("skips empty lines and lines of bare delimiters, and counts lines as they are in the file", async () => {
    const parsed = await parseGoLiveCsv(file(HEADER, "", row(1), ";;;;;;;", row(2, { hetu: "x" })));
    expect(parsed.rows.map((r) => r.line)).toEqual([3]);
    expect(parsed.issues).toEqual([{ line: 5, field: "hetu", key: "hetu.format" }]);
  });

  it("gives a record spanning lines the line it starts on", async () => {
    const parsed = await parseGoLiveCsv(
      file(HEADER, row(1, { name: '"Anna\nVirtanen"' }), row(2, { start: "32.1.2026" })),
    );
    expect(parsed.issues).toEqual([
      { line: 4, field: "startsOn", key: "golive.errors.date", params: { value: "32.1.2026" } },
    ]);
  });

  it("accepts dates as d.M.yyyy or yyyy-mm-dd only, and only real ones", () => {
    expect(parseGoLiveDate("3.3.2026")).toBe("2026-03-03");
    expect(parseGoLiveDate("03.03.2026")).toBe("2026-03-03");
    expect(parseGoLiveDate("2026-03-03")).toBe("2026-03-03");
    expect(parseGoLiveDate("29.2.2026")).toBeNull();
    expect(parseGoLiveDate("2026-3-3")).toBeNull();
    expect(parseGoLiveDate("3/3/2026")).toBeNull();
    expect(resolveServiceTask("LASTENSUOJELU")).toBe("child_welfare");
    expect(resolveServiceTask("Barnskydd")).toBe("child_welfare");
    expect(resolveSocialService("ympärivuorokautinen   palveluasuminen")).toBe(
      "round_the_clock_housing",
    );
    expect(resolveSocialService("sauna")).toBeNull();
  });
});

describe("go-live CSV: validation", () => {
  it("reports every problem of a row with its line and field", async () => {
    const parsed = await parseGoLiveCsv(
      file(
        HEADER,
        row(1),
        row(2, { oid: "1.2.x", task: "kuntoutus", service: "sauna" }),
        row(3, { hetu: hetu(3).slice(0, 10) + "Z", unit: "1.2.246.10.8286189.10.0" }),
        row(4, { name: "", start: "2026-05-01", end: "2026-04-30" }),
        row(5, { unit: "1..2", start: "" }),
      ),
    );
    expect(parsed.rows.map((r) => r.line)).toEqual([2]);
    expect(parsed.issues.map((i) => `${i.line}:${i.field}:${i.key}`)).toEqual([
      "3:caseOid:golive.errors.caseOid",
      "3:serviceTask:golive.errors.serviceTask",
      "3:service:golive.errors.service",
      "4:hetu:hetu.checkCharacter",
      "4:unitOid:oid.organisationUnit",
      "5:clientName:golive.errors.required",
      "5:endsOn:golive.errors.endBeforeStart",
      "6:startsOn:golive.errors.required",
      "6:unitOid:oid.emptyArc",
    ]);
    expect(parsed.issueCount).toBe(9);
  });

  it("never puts an identity code or a name into an issue", async () => {
    const bad = hetu(7).slice(0, 10) + "Z";
    const parsed = await parseGoLiveCsv(file(HEADER, row(7, { hetu: bad, name: "Salainen Nimi" })));
    expect(JSON.stringify(parsed.issues)).not.toContain(bad);
    expect(JSON.stringify(parsed.issues)).not.toContain("Salainen");
  });

  it("refuses a case OID that appears with two identity codes or two service tasks", async () => {
    const oid = "1.2.246.10.2840015.15.2026.9999";
    const parsed = await parseGoLiveCsv(
      file(
        HEADER,
        row(1, { oid }),
        row(1, { oid, service: "Kotihoito" }),
        row(2, { oid }),
        row(1, { oid, task: "Vammaispalvelut" }),
      ),
    );
    expect(parsed.rows.map((r) => r.line)).toEqual([2, 3]);
    expect(parsed.issues).toEqual([
      { line: 4, field: "hetu", key: "golive.errors.caseOtherHetu", params: { line: "2" } },
      {
        line: 5,
        field: "serviceTask",
        key: "golive.errors.caseOtherTask",
        params: { line: "2" },
      },
    ]);
  });

  it("needs a header row with every required column", async () => {
    const parsed = await parseGoLiveCsv(file("Asian OID;Nimi;Hetu", row(1)));
    expect(parsed.rows).toEqual([]);
    expect(parsed.issues.map((i) => `${i.line}:${i.field}:${i.key}`)).toEqual([
      "1:serviceTask:golive.errors.missingColumn",
      "1:service:golive.errors.missingColumn",
      "1:unitOid:golive.errors.missingColumn",
      "1:startsOn:golive.errors.missingColumn",
    ]);
    expect((await parseGoLiveCsv("")).issues).toEqual([
      { line: 1, field: "file", key: "golive.errors.empty" },
    ]);
    // A data row instead of a header.
    expect((await parseGoLiveCsv(file(row(1), row(2)))).issues).toHaveLength(7);
  });

  it("reports rows with missing or extra cells, an unclosed quote and bytes that are not UTF-8", async () => {
    const cells = await parseGoLiveCsv(file(HEADER, row(1) + ";extra", "1.2.3;x", row(2) + ";"));
    expect(cells.issues.map((i) => `${i.line}:${i.key}:${JSON.stringify(i.params)}`)).toEqual([
      '2:golive.errors.columns:{"value":"9","expected":"8"}',
      '3:golive.errors.columns:{"value":"2","expected":"8"}',
    ]);
    expect(cells.rows.map((r) => r.line)).toEqual([4]);

    const quote = await parseGoLiveCsv(file(HEADER, row(1), row(2, { name: '"Auki' })));
    expect(quote.issues.map((i) => i.key)).toEqual(["golive.errors.unreadable"]);
    expect(quote.issues[0]!.line).toBeGreaterThanOrEqual(3);

    const latin1 = Uint8Array.from(
      file(HEADER, row(1, { name: "Äijälä" })),
      (c) => c.charCodeAt(0) & 0xff,
    );
    const enc = await parseGoLiveCsv(latin1);
    expect(enc.issues.map((i) => i.key)).toEqual(["golive.errors.encoding"]);
  });

  it("keeps the first issues but counts them all", async () => {
    const lines = [HEADER];
    for (let i = 0; i < 50; i++) lines.push(row(i, { start: "huomenna" }));
    const parsed = await parseGoLiveCsv(file(...lines), { maxIssues: 10 });
    expect(parsed.issues).toHaveLength(10);
    expect(parsed.issueCount).toBe(50);
    expect(parsed.issues[0]!.line).toBe(2);
  });

  it("parses 300,000 rows from a stream in reasonable time", async () => {
    const n = 300_000;
    async function* source(): AsyncIterable<Uint8Array> {
      const enc = new TextEncoder();
      yield enc.encode(HEADER + "\n");
      let chunk = "";
      for (let i = 0; i < n; i++) {
        chunk += row(i, { oid: `1.2.246.10.2840015.15.2026.${100000 + i}` }) + "\n";
        if (chunk.length > 1 << 16) {
          yield enc.encode(chunk);
          chunk = "";
        }
      }
      yield enc.encode(chunk);
    }
    const started = Date.now();
    const parsed = await parseGoLiveCsv(source() as GoLiveSource);
    expect(parsed.issueCount).toBe(0);
    expect(parsed.rows).toHaveLength(n);
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 120_000);
});
