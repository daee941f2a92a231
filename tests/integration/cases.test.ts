import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { accessWindows, auditLog, cases, clients, serviceImplementations } from "@/db/schema";
import type { Executor } from "@/db";
import { DEMO_USERS, seedDemo, seedId } from "@/db/seed/demo";
import { hetuCheckCharacter } from "@/lib/clients/hetu";
import {
  addImplementation,
  attachUnit,
  createCase,
  findCasesByHetu,
  revealClient,
  setImplementationEnd,
} from "@/lib/cases/operations";
import { countCases, getCaseTimeline, listOwnWindows, listWindows } from "@/lib/cases/queries";
import { changeDates, closeNow, openNow, reissue } from "@/lib/windows/operations";
import type { AuditActor } from "@/lib/audit";
import { actorOf, openTestDb, withRollback } from "../helpers/db";
import { captureOutput } from "../helpers/output";

let t: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t?.close());

/** A temporary identity code (individual number 900–999), as test data must use. */
function hetu(n: number): string {
  const body = `0${1 + (n % 9)}0${1 + (n % 9)}85`;
  const ind = String(900 + n).padStart(3, "0");
  return `${body}-${ind}${hetuCheckCharacter(`${body}${ind}`)}`;
}

const ELIGIBLE_UNIT = seedId("unit:0:1"); // provider 0: OID verified, system tested, housing
const NO_OID_UNIT = seedId("unit:4:1"); // provider 4 has not submitted its OIDs
const TODAY = "2026-07-01";

async function newCase(
  tx: Executor,
  actor: AuditActor,
  n: number,
  service = "communal_housing",
  startsOn = "2026-07-20",
) {
  const c = await createCase(tx, actor, {
    caseOid: `1.2.246.10.2840015.15.2026.${9000 + n}`,
    serviceTask: "older_people",
    clientName: `Testi Asiakas${n}`,
    hetu: hetu(n),
  });
  if (!c.ok) throw new Error(c.message);
  const impl = await addImplementation(tx, actor, {
    caseId: c.id,
    service,
    startsOn,
    endsOn: null,
    voucher: false,
  });
  if (!impl.ok) throw new Error(impl.message);
  return { caseId: c.id, implementationId: impl.id };
}

async function windowOf(tx: Executor, id: string) {
  const [w] = await tx.select().from(accessWindows).where(eq(accessWindows.id, id));
  return w!;
}

describe("cases and clients", () => {
  it("stores the client's name and identity code only encrypted, and reuses the same client", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const cw = await actorOf(tx, DEMO_USERS.caseworker);
      const a = await newCase(tx, cw, 1);
      const again = await createCase(tx, cw, {
        caseOid: "1.2.246.10.2840015.15.2026.9999",
        serviceTask: "disability",
        clientName: "Testi Asiakas1",
        hetu: hetu(1).toLowerCase(),
      });
      expect(again.ok).toBe(true);
      const rows = await tx.execute(sql`select * from clients`);
      const dump = JSON.stringify(rows);
      expect(dump).not.toContain(hetu(1));
      expect(dump).not.toContain("Asiakas1");
      const [c1] = await tx.select().from(cases).where(eq(cases.id, a.caseId));
      const [c2] = await tx
        .select()
        .from(cases)
        .where(eq(cases.caseOid, "1.2.246.10.2840015.15.2026.9999"));
      expect(c2!.clientId).toBe(c1!.clientId);
      const found = await findCasesByHetu(tx, cw, hetu(1));
      expect(found.map((f) => f.id).sort()).toEqual([a.caseId, c2!.id].sort());
    });
  });

  it("refuses a case OID already in use, naming the field", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const cw = await actorOf(tx, DEMO_USERS.caseworker);
      await newCase(tx, cw, 2);
      // The other welfare area's case worker cannot learn anything but "taken".
      const other = await actorOf(tx, DEMO_USERS.otherCaseworker);
      const r = await createCase(tx, other, {
        caseOid: "1.2.246.10.2840015.15.2026.9002",
        serviceTask: "older_people",
        clientName: "X Y",
        hetu: hetu(3),
      });
      expect(r).toMatchObject({ ok: false, fieldErrors: { caseOid: "cases.caseOidTaken" } });
    });
  });

  it("shows the client masked and audits the case view and every reveal", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const cw = await actorOf(tx, DEMO_USERS.caseworker);
      const { caseId } = await newCase(tx, cw, 4);
      const timeline = await getCaseTimeline(tx, cw, caseId);
      expect(timeline!.client).toEqual({ name: "T. A.", hetu: `${hetu(4).slice(0, 7)}****` });
      const shown = await revealClient(tx, cw, { caseId });
      expect(shown).toEqual({ ok: true, name: "Testi Asiakas4", hetu: hetu(4) });
      const audits = await tx
        .select()
        .from(auditLog)
        .where(eq(auditLog.actorUserId, DEMO_USERS.caseworker));
      expect(audits.map((a) => a.action)).toEqual(
        expect.arrayContaining(["cases.create", "cases.view", "clients.reveal"]),
      );
      // Project staff read cases but may not open client identities.
      const staff = await actorOf(tx, DEMO_USERS.projectStaff);
      expect(await revealClient(tx, staff, { caseId })).toEqual({
        ok: false,
        message: "validation.forbidden",
      });
    });
  });
});

describe("the case list's count", () => {
  it("follows every insert, move and delete of cases, per organiser, in the same transaction", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const cw = await actorOf(tx, DEMO_USERS.caseworker);
      const other = await actorOf(tx, DEMO_USERS.otherCaseworker);
      const scanned = async (a: AuditActor) =>
        (
          await tx
            .select({ n: sql<number>`count(*)::int` })
            .from(cases)
            .where(eq(cases.organiserId, a.organiserId!))
        )[0]!.n;
      const agree = async () => {
        expect(await countCases(tx, cw)).toBe(await scanned(cw));
        expect(await countCases(tx, other)).toBe(await scanned(other));
      };
      await agree();
      const before = await countCases(tx, cw);
      expect(before).toBeGreaterThan(0); // the demo's cases, counted when they were seeded

      await newCase(tx, cw, 40);
      expect(await countCases(tx, cw)).toBe(before + 1);
      // Many rows in one statement: one change of the count.
      await tx.execute(sql`
        insert into cases (organiser_id, case_oid, service_task)
        select ${cw.organiserId}, '1.2.246.10.2840015.15.2026.' || (9500 + g), 'older_people'
        from generate_series(1, 25) g`);
      expect(await countCases(tx, cw)).toBe(before + 26);
      // A case moved to the other organiser counts there instead.
      const otherBefore = await countCases(tx, other);
      await tx.execute(
        sql`update cases set organiser_id = ${other.organiserId} where case_oid = '1.2.246.10.2840015.15.2026.9501'`,
      );
      expect(await countCases(tx, cw)).toBe(before + 25);
      expect(await countCases(tx, other)).toBe(otherBefore + 1);
      await tx.execute(sql`delete from cases where case_oid like '1.2.246.10.2840015.15.2026.95%'`);
      expect(await countCases(tx, cw)).toBe(before + 1);
      expect(await countCases(tx, other)).toBe(otherBefore);
      await agree();
    });
  });
});

describe("attaching a unit proposes a window under the eligibility policy", () => {
  it("proposes start − 7 days, open-ended; setting the end moves the closing date to end + 14", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const cw = await actorOf(tx, DEMO_USERS.caseworker);
      const { implementationId } = await newCase(tx, cw, 5);
      const r = await attachUnit(
        tx,
        cw,
        { implementationId, unitId: ELIGIBLE_UNIT, justification: "" },
        TODAY,
      );
      expect(r.ok).toBe(true);
      let w = await windowOf(tx, r.windowId!);
      expect(w).toMatchObject({ opensOn: "2026-07-13", closesOn: null, state: "planned" });
      const [impl] = await tx
        .select()
        .from(serviceImplementations)
        .where(eq(serviceImplementations.id, implementationId));
      const end = await setImplementationEnd(
        tx,
        cw,
        { implementationId, version: impl!.version, endsOn: "2026-12-31" },
        TODAY,
      );
      expect(end).toMatchObject({ ok: true, moved: 1 });
      w = await windowOf(tx, r.windowId!);
      // Across the year boundary, by calendar days.
      expect(w.closesOn).toBe("2027-01-14");
      // A stale version of the implementation is a conflict and changes nothing.
      const stale = await setImplementationEnd(
        tx,
        cw,
        { implementationId, version: impl!.version, endsOn: "2026-10-31" },
        TODAY,
      );
      expect(stale).toMatchObject({ ok: false, message: "validation.conflict" });
      expect((await windowOf(tx, r.windowId!)).closesOn).toBe("2027-01-14");
    });
  });

  it("clients already in service before go-live get a window from the go-live date", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const cw = await actorOf(tx, DEMO_USERS.caseworker);
      const { implementationId } = await newCase(tx, cw, 6, "communal_housing", "2025-03-03");
      const r = await attachUnit(
        tx,
        cw,
        { implementationId, unitId: ELIGIBLE_UNIT, justification: "" },
        TODAY,
      );
      expect(await windowOf(tx, r.windowId!)).toMatchObject({
        opensOn: "2026-06-15",
        state: "open",
        existingClient: true,
      });
    });
  });

  it("refuses an ineligible unit with its reasons; only an admin may override, with a justification", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const cw = await actorOf(tx, DEMO_USERS.caseworker);
      const { implementationId } = await newCase(tx, cw, 7);
      const refused = await attachUnit(
        tx,
        cw,
        { implementationId, unitId: NO_OID_UNIT, justification: "Tarvitaan heti, sovittu." },
        TODAY,
      );
      expect(refused).toMatchObject({ ok: false, message: "cases.ineligible" });
      expect(refused.ok === false && refused.reasons).toContain("no_oid");

      const admin = await actorOf(tx, DEMO_USERS.admin);
      const short = await attachUnit(
        tx,
        admin,
        { implementationId, unitId: NO_OID_UNIT, justification: "ok" },
        TODAY,
      );
      expect(short).toMatchObject({
        ok: false,
        fieldErrors: { justification: "cases.justificationRequired" },
      });
      const justification = "OID toimitettu sähköpostilla 30.6., kirjataan rekisteriin.";
      const ok = await attachUnit(
        tx,
        admin,
        { implementationId, unitId: NO_OID_UNIT, justification },
        TODAY,
      );
      expect(ok).toMatchObject({ ok: true, override: true });
      expect(await windowOf(tx, ok.windowId!)).toMatchObject({
        overrideJustification: justification,
        overrideBy: DEMO_USERS.admin,
      });
      const [audit] = await tx
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, "cases.attachUnitOverride"));
      expect(audit?.details).toMatchObject({
        justification,
        reasons: ["no_oid", "system_not_tested"],
      });
      const denied = await tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "cases.attachUnit"), eq(auditLog.outcome, "denied")));
      expect(denied.length).toBeGreaterThanOrEqual(1);
    });
  });

  it("refuses a service voucher and home care from a provider without another eligible service", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const cw = await actorOf(tx, DEMO_USERS.caseworker);
      const c = await createCase(tx, cw, {
        caseOid: "1.2.246.10.2840015.15.2026.9100",
        serviceTask: "older_people",
        clientName: "A B",
        hetu: hetu(10),
      });
      const voucher = await addImplementation(tx, cw, {
        caseId: c.ok ? c.id : "",
        service: "communal_housing",
        startsOn: "2026-08-01",
        endsOn: null,
        voucher: true,
      });
      const r = await attachUnit(
        tx,
        cw,
        {
          implementationId: voucher.ok ? voucher.id : "",
          unitId: ELIGIBLE_UNIT,
          justification: "",
        },
        TODAY,
      );
      expect(r.ok === false && r.reasons).toEqual(["service_voucher"]);
      // Provider 2 produces only home care (and its system is not tested).
      const homeCare = await addImplementation(tx, cw, {
        caseId: c.ok ? c.id : "",
        service: "home_care",
        startsOn: "2026-08-01",
        endsOn: null,
        voucher: false,
      });
      const h = await attachUnit(
        tx,
        cw,
        {
          implementationId: homeCare.ok ? homeCare.id : "",
          unitId: seedId("unit:2:1"),
          justification: "",
        },
        TODAY,
      );
      expect(h.ok === false && h.reasons).toEqual(["system_not_tested", "home_care_only"]);
      // Provider 0 produces communal housing too, so its home care opens.
      const h0 = await attachUnit(
        tx,
        cw,
        {
          implementationId: homeCare.ok ? homeCare.id : "",
          unitId: ELIGIBLE_UNIT,
          justification: "",
        },
        TODAY,
      );
      expect(h0.ok).toBe(true);
    });
  });
});

describe("case workers open, close, change and reissue windows", () => {
  async function attached(tx: Executor, n: number, startsOn = "2026-07-20") {
    const cw = await actorOf(tx, DEMO_USERS.caseworker);
    const { implementationId, caseId } = await newCase(tx, cw, n, "communal_housing", startsOn);
    const r = await attachUnit(
      tx,
      cw,
      { implementationId, unitId: ELIGIBLE_UNIT, justification: "" },
      TODAY,
    );
    return { cw, caseId, implementationId, windowId: r.windowId! };
  }

  it("a window carries its case's service task: the database refuses another and follows a change", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const { caseId, windowId } = await attached(tx, 6);
      expect((await windowOf(tx, windowId)).serviceTask).toBe("older_people");
      // A copy that differs from the case is refused (in a savepoint, so the test goes on).
      await expect(
        tx.transaction((sp) =>
          sp
            .insert(accessWindows)
            .values({
              organiserId: seedId("org:jarvipohja"),
              caseId,
              serviceTask: "disability",
              serviceUnitId: ELIGIBLE_UNIT,
              opensOn: TODAY,
            })
            .then(() => undefined),
        ),
      ).rejects.toThrow();
      await tx.update(cases).set({ serviceTask: "working_age" }).where(eq(cases.id, caseId));
      expect((await windowOf(tx, windowId)).serviceTask).toBe("working_age");
    });
  });

  it("open now, then close now; only from the right state", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const { cw, windowId } = await attached(tx, 11);
      let w = await windowOf(tx, windowId);
      expect(await closeNow(tx, cw, { windowId, version: w.version }, TODAY)).toMatchObject({
        ok: false,
        message: "windows.notOpen",
      });
      expect((await openNow(tx, cw, { windowId, version: w.version }, TODAY)).ok).toBe(true);
      w = await windowOf(tx, windowId);
      expect(w).toMatchObject({ opensOn: TODAY, state: "open", datesManual: false });
      expect((await closeNow(tx, cw, { windowId, version: w.version }, "2026-07-05")).ok).toBe(
        true,
      );
      expect(await windowOf(tx, windowId)).toMatchObject({
        closesOn: "2026-07-05",
        state: "closed",
      });
    });
  });

  it("a second person saving the same window gets a conflict and nothing is overwritten", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const { cw, windowId } = await attached(tx, 12);
      const seen = (await windowOf(tx, windowId)).version;
      const first = await changeDates(
        tx,
        cw,
        { windowId, version: seen, opensOn: "2026-07-15", closesOn: "2026-12-31" },
        TODAY,
      );
      expect(first.ok).toBe(true);
      const admin = await actorOf(tx, DEMO_USERS.admin);
      const second = await changeDates(
        tx,
        admin,
        { windowId, version: seen, opensOn: "2026-07-18", closesOn: null },
        TODAY,
      );
      expect(second).toEqual({ ok: false, message: "validation.conflict" });
      expect(await windowOf(tx, windowId)).toMatchObject({
        opensOn: "2026-07-15",
        closesOn: "2026-12-31",
      });
    });
  });

  it("keeps changed dates within the policy and names the field", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const { cw, windowId } = await attached(tx, 13);
      const w = await windowOf(tx, windowId);
      const early = await changeDates(
        tx,
        cw,
        { windowId, version: w.version, opensOn: "2026-07-01", closesOn: null },
        TODAY,
      );
      expect(early).toMatchObject({
        ok: false,
        fieldErrors: { opensOn: "windows.opensTooEarly" },
        params: { earliest: "2026-07-13" },
      });
      const order = await changeDates(
        tx,
        cw,
        { windowId, version: w.version, opensOn: "2026-07-20", closesOn: "2026-07-19" },
        TODAY,
      );
      expect(order).toMatchObject({ ok: false, fieldErrors: { closesOn: "dateOrder" } });
      expect((await windowOf(tx, windowId)).version).toBe(w.version);
    });
  });

  it("invalidate and reissue keeps the old window in the history, linked to the new one", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const { cw, caseId, windowId } = await attached(tx, 14, "2026-06-20");
      const w = await windowOf(tx, windowId);
      expect(w.state).toBe("open");
      const missing = await reissue(tx, cw, { windowId, version: w.version, reason: "x" }, TODAY);
      // The schema requires a reason; the operation itself trusts validated input, so it succeeds
      // only through the action with a reason. Here we check the history shape with a real one.
      expect(missing.ok).toBe(true);
      const fresh = await windowOf(tx, missing.newId!);
      const old = await windowOf(tx, windowId);
      expect(old).toMatchObject({ state: "invalidated", invalidatedReason: "x" });
      expect(fresh).toMatchObject({
        replacesId: windowId,
        state: "open",
        opensOn: TODAY,
        source: "reissue",
      });
      const timeline = await getCaseTimeline(tx, cw, caseId);
      expect(timeline!.windows.map((x) => x.state)).toEqual(["invalidated", "open"]);
      // An invalidated window is final.
      expect(
        await reissue(tx, cw, { windowId, version: old.version, reason: "again" }, TODAY),
      ).toMatchObject({ ok: false, message: "windows.invalidatedFinal" });
    });
  });
});

describe("isolation between organisers and providers", () => {
  it("another welfare area's case worker cannot see or touch the window; the attempt is audited", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const cw = await actorOf(tx, DEMO_USERS.caseworker);
      const { implementationId, caseId } = await newCase(tx, cw, 20);
      const r = await attachUnit(
        tx,
        cw,
        { implementationId, unitId: ELIGIBLE_UNIT, justification: "" },
        TODAY,
      );
      const other = await actorOf(tx, DEMO_USERS.otherCaseworker);
      const w = await windowOf(tx, r.windowId!);
      for (const result of [
        await openNow(tx, other, { windowId: w.id, version: w.version }, TODAY),
        await changeDates(
          tx,
          other,
          { windowId: w.id, version: w.version, opensOn: "2026-07-15", closesOn: null },
          TODAY,
        ),
        await reissue(tx, other, { windowId: w.id, version: w.version, reason: "hijack" }, TODAY),
        await setImplementationEnd(
          tx,
          other,
          { implementationId, version: 1, endsOn: null },
          TODAY,
        ),
        await attachUnit(tx, other, { implementationId, unitId: ELIGIBLE_UNIT, justification: "" }),
        await revealClient(tx, other, { caseId }),
      ])
        expect(result).toMatchObject({ ok: false, message: "validation.notFound" });
      expect(await getCaseTimeline(tx, other, caseId)).toBeNull();
      expect((await listWindows(tx, other, "all")).map((x) => x.id)).not.toContain(w.id);
      const denied = await tx
        .select()
        .from(auditLog)
        .where(
          and(eq(auditLog.actorUserId, DEMO_USERS.otherCaseworker), eq(auditLog.outcome, "denied")),
        );
      expect(denied.length).toBeGreaterThanOrEqual(5);
      expect(await windowOf(tx, w.id)).toEqual(w);
    });
  });

  it("a provider contact cannot run case operations, and sees only its own units' windows without client data", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const cw = await actorOf(tx, DEMO_USERS.caseworker);
      const { implementationId } = await newCase(tx, cw, 21);
      const r = await attachUnit(
        tx,
        cw,
        { implementationId, unitId: ELIGIBLE_UNIT, justification: "" },
        TODAY,
      );
      const own = await actorOf(tx, DEMO_USERS.providerContact); // provider 0
      const w = await windowOf(tx, r.windowId!);
      expect(await openNow(tx, own, { windowId: w.id, version: w.version })).toEqual({
        ok: false,
        message: "validation.forbidden",
      });
      const mine = await listOwnWindows(tx, own);
      expect(mine.map((x) => x.id)).toContain(w.id);
      expect(JSON.stringify(mine)).not.toMatch(/Asiakas21|hetu|name_enc|nameEnc/);
      expect(Object.keys(mine[0]!)).not.toContain("clientId");
      const other = await actorOf(tx, DEMO_USERS.providerContact2); // provider 1
      expect((await listOwnWindows(tx, other)).map((x) => x.id)).not.toContain(w.id);
    });
  });
});

describe("identity codes never reach logs or audit rows", () => {
  it("no console output or audit row of the case journey contains the code or the name", async () => {
    const out = captureOutput();
    try {
      await withRollback(t.db, async (tx) => {
        await seedDemo(tx);
        const cw = await actorOf(tx, DEMO_USERS.caseworker);
        const { caseId, implementationId } = await newCase(tx, cw, 30);
        await attachUnit(tx, cw, { implementationId, unitId: ELIGIBLE_UNIT, justification: "" });
        await getCaseTimeline(tx, cw, caseId);
        await revealClient(tx, cw, { caseId });
        await findCasesByHetu(tx, cw, hetu(30));
        // A failing create with the code in it must not log it either.
        await createCase(tx, cw, {
          caseOid: "1.2.246.10.2840015.15.2026.9030",
          serviceTask: "older_people",
          clientName: "Testi Asiakas30",
          hetu: hetu(30),
        });
        const audit = JSON.stringify(await tx.select().from(auditLog));
        expect(audit).not.toContain(hetu(30));
        expect(audit).not.toContain("Asiakas30");
        const stored = JSON.stringify(await tx.select().from(clients));
        expect(stored).not.toContain(hetu(30));
      });
    } finally {
      out.restore();
    }
    const all = out.lines.join("\n");
    expect(all).not.toContain(hetu(30));
    expect(all).not.toContain(hetu(30).slice(0, 6));
    expect(all).not.toContain("Asiakas30");
  });
});

describe("demo data", () => {
  it("every seeded window is on a unit that is eligible for its service under the policy", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const { loadUnitFacts } = await import("@/lib/eligibility/facts");
      const { decideAccess } = await import("@/lib/eligibility/policy");
      const windows = await tx
        .select({ w: accessWindows, impl: serviceImplementations })
        .from(accessWindows)
        .innerJoin(
          serviceImplementations,
          eq(serviceImplementations.id, accessWindows.implementationId),
        );
      expect(windows.length).toBe(10);
      for (const { w, impl } of windows) {
        const facts = (await loadUnitFacts(tx, w.organiserId)).get(w.serviceUnitId);
        expect(facts, w.id).toBeDefined();
        expect(decideAccess(facts!.facts, impl), w.id).toMatchObject({ eligible: true });
      }
    });
  });
});
