import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { auditLog, providers } from "@/db/schema";
import type { Executor } from "@/db";
import {
  DEMO_ORGANISERS,
  DEMO_USERS,
  demoClientName,
  demoHetu,
  seedDemo,
  seedId,
} from "@/db/seed/demo";
import { listAudit } from "@/lib/audit/queries";
import { listCases, listWindows } from "@/lib/cases/queries";
import { listDeliveries } from "@/lib/delivery/queries";
import { buildExport, ExportForbidden, type ExportResult } from "@/lib/exports/build";
import { exportListNames, type ExportListName } from "@/lib/exports/lists";
import { providerReport } from "@/lib/exports/report";
import { listOrganiserProviders, listSystemsForOrganiser } from "@/lib/providers/queries";
import { actorOf, openTestDb, withRollback } from "../helpers/db";

let t: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t?.close());

const BOM = "\uFEFF";
const NOW = new Date("2026-07-01T09:00:00Z");
const FORMULA_NAME = "=cmd|' /C calc'!A0";

/** The CSV as rows (header first), checking the BOM and the CRLF line ends on the way. */
function csvRows(result: ExportResult): string[][] {
  const text = result.body.toString("utf8");
  expect(text.startsWith(BOM)).toBe(true);
  expect(text.endsWith("\r\n")).toBe(true);
  return parse(text.slice(1), { delimiter: ";", record_delimiter: "\r\n" });
}

async function sheetOf(result: ExportResult) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(result.body as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

/** Every cell's text in a sheet, for "contains nothing like this" checks. */
function sheetText(sheet: ExcelJS.Worksheet): string {
  const out: string[] = [];
  sheet.eachRow((row) => row.eachCell((cell) => out.push(String(cell.text))));
  return out.join("\n");
}

function column(rows: string[][], header: string): string[] {
  const i = rows[0]!.indexOf(header);
  expect(i, `no column ${header} in ${rows[0]!.join(";")}`).toBeGreaterThanOrEqual(0);
  return rows.slice(1).map((r) => r[i]!);
}

const exportOf = (
  tx: Executor,
  userId: string,
  list: ExportListName,
  format: "csv" | "xlsx",
  params: Record<string, string | undefined> = {},
  locale: "fi" | "sv" | "en" = "fi",
  options: { maxRows?: number } = {},
) =>
  actorOf(tx, userId).then((actor) =>
    buildExport(tx, actor, list, format, params, locale, { now: NOW, ...options }),
  );

describe("exports: each list's rows are the list query's rows", () => {
  it("providers, systems, cases, windows, deliveries and audit", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const staff = await actorOf(tx, DEMO_USERS.projectStaff);
      const worker = await actorOf(tx, DEMO_USERS.caseworker);

      const providerRows = (await listOrganiserProviders(tx, staff, { all: true })).rows;
      const p = csvRows(await exportOf(tx, DEMO_USERS.projectStaff, "providers", "csv"));
      expect(p[0]).toEqual([
        "Nimi",
        "Y-tunnus",
        "Suhde",
        "Palveluyksiköt",
        "OID ilmoitettu",
        "Avoimia",
      ]);
      expect(column(p, "Y-tunnus")).toEqual(providerRows.map((r) => r.businessId));
      expect(column(p, "Palveluyksiköt")).toEqual(providerRows.map((r) => String(r.units)));

      // The page's own filters apply: a search narrows the export as it narrows the page.
      const q = providerRows[0]!.businessId;
      const searched = csvRows(
        await exportOf(tx, DEMO_USERS.projectStaff, "providers", "csv", { q }),
      );
      expect(column(searched, "Y-tunnus")).toEqual([q]);

      const systems = await listSystemsForOrganiser(tx, staff);
      const s = csvRows(await exportOf(tx, DEMO_USERS.projectStaff, "systems", "csv"));
      expect(column(s, "Järjestelmän nimi")).toEqual(systems.map((r) => r.name));

      const caseRows = await listCases(tx, worker, 50_000);
      expect(caseRows.length).toBe(8);
      const c = csvRows(await exportOf(tx, DEMO_USERS.caseworker, "cases", "csv"));
      expect(column(c, "Asian OID")).toEqual(caseRows.map((r) => r.caseOid));

      const windowRows = await listWindows(tx, worker, "all");
      const w = csvRows(
        await exportOf(tx, DEMO_USERS.caseworker, "windows", "csv", { view: "all" }),
      );
      expect(column(w, "Asian OID")).toEqual(windowRows.map((r) => r.caseOid));
      expect(column(w, "Palveluyksikkö")).toEqual(windowRows.map((r) => r.unitName));
      const open = await listWindows(tx, worker, "open");
      const wOpen = csvRows(
        await exportOf(tx, DEMO_USERS.caseworker, "windows", "csv", { view: "open" }),
      );
      expect(wOpen.length - 1).toBe(open.length);

      const deliveryRows = await listDeliveries(tx, worker, { limit: 50_000 });
      expect(deliveryRows.length).toBeGreaterThan(0);
      const d = csvRows(await exportOf(tx, DEMO_USERS.caseworker, "deliveries", "csv"));
      expect(column(d, "Message-ID")).toEqual(deliveryRows.map((r) => r.messageId));
      const failed = csvRows(
        await exportOf(tx, DEMO_USERS.caseworker, "deliveries", "csv", { status: "failed" }),
      );
      expect(failed.length).toBe(1);

      // The audit list: everything the page would page through, with the page's filters.
      const auditRows = await listAudit(tx, staff, 1, { action: "exports" });
      const a = csvRows(
        await exportOf(tx, DEMO_USERS.projectStaff, "audit", "csv", { action: "exports" }),
      );
      expect(a.length - 1).toBe(auditRows.total);
      expect(new Set(column(a, "Tapahtuman tunnus"))).toEqual(new Set(["exports.download"]));
      const all = await listAudit(tx, staff, 1);
      const aAll = csvRows(await exportOf(tx, DEMO_USERS.projectStaff, "audit", "csv"));
      expect(aAll.length - 1).toBe(all.total);
    });
  });

  it("every list exports as XLSX with the same rows, a bold frozen header and real dates", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      for (const list of exportListNames) {
        const params = list === "windows" ? { view: "all" } : {};
        const csv = csvRows(await exportOf(tx, DEMO_USERS.admin, list, "csv", params));
        const xlsx = await exportOf(tx, DEMO_USERS.admin, list, "xlsx", params);
        expect(xlsx.contentType).toBe(
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        );
        expect(xlsx.filename).toBe(`${list}-2026-07-01.xlsx`);
        const sheet = await sheetOf(xlsx);
        // The CSV export's own audit row is in the audit list by the time of the XLSX.
        expect(sheet.rowCount, list).toBe(csv.length + (list === "audit" ? 1 : 0));
        const header = sheet.getRow(1);
        expect((header.values as unknown[]).slice(1), list).toEqual(csv[0]);
        expect(header.font?.bold ?? header.getCell(1).font?.bold, list).toBe(true);
        expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
        expect(sheet.getColumn(1).width ?? 0).toBeGreaterThan(0);
      }
      // Windows: the opening date is a date cell shown as d.m.yyyy.
      const windows = await sheetOf(
        await exportOf(tx, DEMO_USERS.caseworker, "windows", "xlsx", { view: "all" }),
      );
      const opens = windows.getRow(2).getCell(5);
      expect(opens.value).toBeInstanceOf(Date);
      expect(opens.numFmt).toBe("d.m.yyyy");
      const windowRows = await listWindows(tx, await actorOf(tx, DEMO_USERS.caseworker), "all");
      expect((opens.value as Date).toISOString().slice(0, 10)).toBe(windowRows[0]!.opensOn);
    });
  });
});

describe("exports: formula safety", () => {
  it("neutralises a provider name beginning with =cmd| in CSV and keeps it a plain string in XLSX", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      await tx
        .update(providers)
        .set({ name: FORMULA_NAME })
        .where(eq(providers.id, seedId("provider:0")));

      const csv = await exportOf(tx, DEMO_USERS.projectStaff, "providers", "csv");
      const text = csv.body.toString("utf8");
      expect(text).toContain(`\r\n'${FORMULA_NAME};`);
      expect(text).not.toMatch(/(^|\r\n|;)=cmd/);
      expect(column(csvRows(csv), "Nimi")).toContain(`'${FORMULA_NAME}`);

      const sheet = await sheetOf(await exportOf(tx, DEMO_USERS.projectStaff, "providers", "xlsx"));
      const cells: ExcelJS.Cell[] = [];
      sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
      const cell = cells.find((c) => c.value === FORMULA_NAME);
      expect(cell, "the name as a string cell").toBeDefined();
      expect(cell!.type).toBe(ExcelJS.ValueType.String);
      expect(cell!.formula).toBeUndefined();
      expect(cells.some((c) => c.type === ExcelJS.ValueType.Formula)).toBe(false);
    });
  });
});

describe("exports: no client data, and only the actor's organiser", () => {
  it("cases and windows exports carry no client name or identity code", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const forbidden = [0, 1, 2, 3, 4, 5, 6, 7, 100, 101].flatMap((n) => [
        demoClientName(n),
        demoHetu(n),
      ]);
      for (const list of ["cases", "windows"] as const) {
        for (const userId of [DEMO_USERS.caseworker, DEMO_USERS.admin]) {
          const params = list === "windows" ? { view: "all" } : {};
          const csv = (await exportOf(tx, userId, list, "csv", params)).body.toString("utf8");
          const xlsx = sheetText(await sheetOf(await exportOf(tx, userId, list, "xlsx", params)));
          for (const s of forbidden) {
            expect(csv, `${list} CSV`).not.toContain(s);
            expect(xlsx, `${list} XLSX`).not.toContain(s);
          }
        }
      }
    });
  });

  it("the other organiser's caseworker exports none of main's cases or windows", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const main = await listCases(tx, await actorOf(tx, DEMO_USERS.caseworker), 50_000);
      const other = csvRows(await exportOf(tx, DEMO_USERS.otherCaseworker, "cases", "csv"));
      const otherOids = column(other, "Asian OID");
      expect(otherOids.length).toBe(2);
      for (const c of main) expect(otherOids).not.toContain(c.caseOid);
      const windows = csvRows(
        await exportOf(tx, DEMO_USERS.otherCaseworker, "windows", "csv", { view: "all" }),
      );
      for (const c of main) expect(column(windows, "Asian OID")).not.toContain(c.caseOid);
    });
  });

  it("a caseworker cannot export the audit list; the refusal is audited", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      await expect(exportOf(tx, DEMO_USERS.caseworker, "audit", "csv")).rejects.toBeInstanceOf(
        ExportForbidden,
      );
      await expect(exportOf(tx, DEMO_USERS.caseworker, "audit", "xlsx")).rejects.toBeInstanceOf(
        ExportForbidden,
      );
      const denied = await tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "exports.download"), eq(auditLog.outcome, "denied")));
      expect(denied.length).toBe(2);
      expect(denied[0]).toMatchObject({ actorUserId: DEMO_USERS.caseworker, entityId: "audit" });
    });
  });
});

describe("exports: files, languages, limits and the audit trail", () => {
  it("writes the headers in the user's language", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const headers = async (locale: "fi" | "sv" | "en") =>
        csvRows(await exportOf(tx, DEMO_USERS.caseworker, "cases", "csv", {}, locale))[0];
      expect(await headers("fi")).toContain("Asian OID");
      const sv = await headers("sv");
      const en = await headers("en");
      expect(sv).not.toEqual(await headers("fi"));
      expect(en).not.toEqual(sv);
      for (const list of exportListNames)
        for (const locale of ["fi", "sv", "en"] as const) {
          const row = csvRows(await exportOf(tx, DEMO_USERS.admin, list, "csv", {}, locale))[0]!;
          // A missing message would come out as its key, e.g. "cases.caseOid".
          for (const h of row) expect(h, `${locale} ${list}`).not.toMatch(/^[a-z]+(\.\w+)+$/i);
        }
    });
  });

  it("says in a last row when the export was cut at the row limit", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const cut = await exportOf(tx, DEMO_USERS.caseworker, "cases", "csv", {}, "fi", {
        maxRows: 3,
      });
      expect(cut.rows).toBe(3);
      expect(cut.truncated).toBe(true);
      const rows = csvRows(cut);
      expect(rows.length).toBe(1 + 3 + 1);
      expect(rows.at(-1)![0]).toContain("3");
      const providersCut = await exportOf(tx, DEMO_USERS.admin, "providers", "xlsx", {}, "en", {
        maxRows: 2,
      });
      expect(providersCut.truncated).toBe(true);
      const sheet = await sheetOf(providersCut);
      expect(sheetText(sheet)).toContain("Only the first 2 rows");
      const whole = await exportOf(tx, DEMO_USERS.caseworker, "cases", "csv");
      expect(whole.truncated).toBe(false);
      expect(csvRows(whole).length).toBe(1 + 8);
    });
  });

  it("names the file by list and date and audits list, format and row count only", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const result = await exportOf(tx, DEMO_USERS.caseworker, "cases", "csv");
      expect(result.filename).toBe("cases-2026-07-01.csv");
      expect(result.contentType).toBe("text/csv; charset=utf-8");
      const [row] = await tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "exports.download"), eq(auditLog.outcome, "success")));
      expect(row).toMatchObject({
        actorUserId: DEMO_USERS.caseworker,
        organiserId: DEMO_ORGANISERS.main,
        entityType: "export",
        entityId: "cases",
        details: { list: "cases", format: "csv", rows: 8, truncated: false },
      });
    });
  });
});

describe("provider status report", () => {
  it("summarises a provider of the organiser without key material or client data", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const worker = await actorOf(tx, DEMO_USERS.caseworker);
      const report = await providerReport(tx, worker, seedId("provider:0"));
      expect(report).not.toBeNull();
      expect(report!.units.length).toBeGreaterThan(0);
      expect(report!.eligibleUnits).toBeGreaterThan(0);
      expect(report!.systems.length).toBeGreaterThan(0);
      const windows = await listWindows(tx, worker, "all");
      const ofProvider = windows.filter((w) => w.providerName === report!.provider.name);
      expect(report!.counts.windowsLive + report!.counts.windowsClosed).toBe(
        ofProvider.filter((w) => w.state !== "invalidated").length,
      );
      expect(report!.counts.deliveriesSent).toBeGreaterThanOrEqual(1);
      const json = JSON.stringify(report);
      expect(json).not.toMatch(/BEGIN (CERTIFICATE|PGP)/);
      for (const c of report!.contacts) expect(Object.keys(c)).not.toContain("encryptionKey");
      for (const n of [0, 1, 2, 3, 4, 5, 6, 7]) {
        expect(json).not.toContain(demoClientName(n));
        expect(json).not.toContain(demoHetu(n));
      }
    });
  });

  it("is null for a provider the organiser does not work with", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const other = await actorOf(tx, DEMO_USERS.otherCaseworker);
      const main = await actorOf(tx, DEMO_USERS.caseworker);
      const mainOnly = (await listOrganiserProviders(tx, main, { all: true })).rows.map(
        (r) => r.id,
      );
      const otherIds = new Set(
        (await listOrganiserProviders(tx, other, { all: true })).rows.map((r) => r.id),
      );
      const id = mainOnly.find((p) => !otherIds.has(p));
      expect(id).toBeDefined();
      expect(await providerReport(tx, other, id!)).toBeNull();
      expect(await providerReport(tx, main, seedId("no-such-provider"))).toBeNull();
    });
  });
});
