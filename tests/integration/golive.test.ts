import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, count, eq, like } from "drizzle-orm";
import type { Executor } from "@/db";
import {
  accessWindows,
  auditLog,
  cases,
  clients,
  providerResources,
  serviceImplementations,
} from "@/db/schema";
import { DEMO_ORGANISERS, DEMO_USERS, seedDemo } from "@/db/seed/demo";
import { hetuCheckCharacter } from "@/lib/clients/hetu";
import { loadUnitFacts, type UnitFacts } from "@/lib/eligibility/facts";
import { decideAccess } from "@/lib/eligibility/policy";
import { applyGoLive, planGoLive, type GoLiveProgress } from "@/lib/golive/apply";
import { currentPolicy } from "@/lib/policy/queries";
import { actorOf, openTestDb, withRollback } from "../helpers/db";
import { bothCounts } from "../helpers/window-counts";

let t: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t?.close());

const TODAY = "2026-06-15";
/** A case of the main organiser's demo data (it has its own client) and one of the other's. */
const DEMO_CASE = "1.2.246.10.2840015.15.2026.1000";
const OTHER_ORGANISERS_CASE = "1.2.246.10.2840023.15.2026.1100";

/** A valid temporary identity code (individual number 900–999), distinct for n < 3,360,000. */
function hetu(n: number): string {
  const day = String(1 + (n % 28)).padStart(2, "0");
  const month = String(1 + (Math.floor(n / 28) % 12)).padStart(2, "0");
  const individual = String(900 + (Math.floor(n / 336) % 100));
  const year = String(Math.floor(n / 33600) % 100).padStart(2, "0");
  const nine = `${day}${month}${year}${individual}`;
  return `${day}${month}${year}-${individual}${hetuCheckCharacter(nine)}`;
}

const HEADER =
  "Asian OID;Asiakkaan nimi;Henkilötunnus;Palvelutehtävä;Sosiaalipalvelu;Palveluyksikön OID;Alkupäivä;Loppupäivä";
const caseOid = (n: number) => `1.2.246.10.2840015.15.2026.${70000 + n}`;
const line = (
  c: string,
  name: string,
  h: string,
  service: string,
  unit: string,
  start = "1.3.2026",
  end = "",
) => [c, name, h, "Ikääntyneiden palvelut", service, unit, start, end].join(";");
const file = (...rows: string[]) => [HEADER, ...rows].join("\n") + "\n";

async function counts(db: Executor) {
  const n = async (table: Parameters<ReturnType<Executor["select"]>["from"]>[0]) =>
    (await db.select({ n: count() }).from(table))[0]!.n;
  return {
    clients: await n(clients),
    cases: await n(cases),
    implementations: await n(serviceImplementations),
    resources: await n(providerResources),
    windows: await n(accessWindows),
  };
}

/**
 * Units of the main organiser, chosen by the rules rather than by the demo data's details: two
 * of different providers that get access for an anchor service but whose providers produce no
 * anchor service (so home care and meal service are refused), and one whose system is untested.
 */
async function units(db: Executor) {
  const facts = [
    ...(await loadUnitFacts(db, DEMO_ORGANISERS.main, { withOidOnly: true })).values(),
  ];
  const reasons = (u: UnitFacts, service: string) =>
    decideAccess(u.facts, { service, voucher: false }).reasons.join();
  const noAnchor = (u: UnitFacts) =>
    reasons(u, "communal_housing") === "" &&
    reasons(u, "home_care") === "home_care_only" &&
    reasons(u, "meal_service") === "only_services_without_cis";
  const a = facts.find(noAnchor);
  const b = facts.find((u) => noAnchor(u) && u.providerId !== a?.providerId);
  const untested = facts.find(
    (u) => reasons(u, "communal_housing") === "system_not_tested" && u.providerId !== a?.providerId,
  );
  if (!a || !b || !untested) throw new Error("the demo data lacks the units these tests need");
  return { a, b, untested };
}

describe("go-live bulk step", () => {
  it("dry run counts equal applied counts; a second run opens nothing twice", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const staff = await actorOf(tx, DEMO_USERS.projectStaff);
      const policy = await currentPolicy(tx, DEMO_ORGANISERS.main);
      const goLive = policy.settings.goLiveDate;
      const { a, b, untested } = await units(tx);
      // A case recorded without its client: the file's client is attached to it.
      const [bare] = await tx
        .insert(cases)
        .values({
          organiserId: DEMO_ORGANISERS.main,
          caseOid: caseOid(9),
          serviceTask: "disability",
        })
        .returning();
      const csv = file(
        line(caseOid(1), "Anna Testinen", hetu(1), "Yhteisöllinen asuminen", a.oid!), // 2 open
        line(caseOid(1), "Anna Testinen", hetu(1), "Ateriapalvelu", b.oid!), // 3 only services without CIS
        line(caseOid(2), "Bertta Testinen", hetu(2), "Kotihoito", a.oid!), // 4 home care only
        line(caseOid(3), "Cecilia Testinen", hetu(3), "communal_housing", untested.oid!), // 5 untested
        line(OTHER_ORGANISERS_CASE, "Daniel Testinen", hetu(4), "Perhehoito", a.oid!), // 6
        line(caseOid(5), "Eemeli Testinen", hetu(5), "Perhehoito", "1.2.246.10.1234567.10.999"), // 7 unknown unit
        line(caseOid(6), "Fanni Testinen", hetu(6), "Perhehoito", a.oid!, "1.1.2024", "1.1.2025"), // 8 ended
        line(DEMO_CASE, "Gabriel Testinen", hetu(7), "Laitoshoito", a.oid!), // 9 another client's case
        line(caseOid(9), "Greta Testinen", hetu(10), "Laitoshoito", a.oid!), // 10 open, links the case
        line(
          caseOid(8),
          "Hanna Testinen",
          hetu(8),
          "Perhehoito",
          b.oid!,
          "2026-09-01",
          "2026-12-31",
        ), // 11 open, planned
        line(caseOid(1), "Anna Testinen", hetu(1), "Ympärivuorokautinen palveluasuminen", a.oid!), // 12 open
        line(caseOid(1), "Anna Testinen", hetu(1), "Yhteisöllinen asuminen", a.oid!), // 13 same as 2
      );
      const before = await counts(tx);

      const dry = await planGoLive(tx, staff, csv, { today: TODAY });
      expect(dry.ok).toBe(true);
      expect(dry.issues).toEqual([]);
      expect(await counts(tx)).toEqual(before);
      const s = dry.summary!;
      expect([s.rows, s.open, s.already, s.refused]).toEqual([12, 4, 1, 7]);
      expect(s.windows).toEqual({ open: 3, planned: 1, closed: 0 });
      expect(s.created).toEqual({
        clients: 3,
        cases: 2,
        casesLinked: 1,
        implementations: 4,
        resources: 4,
        windows: 4,
      });
      expect(s.byReason).toEqual([
        { reason: "case_other_organiser", rows: 1 },
        { reason: "unknown_unit", rows: 1 },
        { reason: "case_other_client", rows: 1 },
        { reason: "system_not_tested", rows: 1 },
        { reason: "only_services_without_cis", rows: 1 },
        { reason: "home_care_only", rows: 1 },
        { reason: "ended_before_go_live", rows: 1 },
      ]);
      // Refusals grouped by provider, with counts per reason.
      const group = (id: string | null) => s.byProvider.find((p) => p.providerId === id);
      expect(s.byProvider[0]).toEqual({
        providerId: a.providerId,
        providerName: a.providerName,
        refused: 4,
        reasons: {
          home_care_only: 1,
          case_other_organiser: 1,
          ended_before_go_live: 1,
          case_other_client: 1,
        },
      });
      expect(group(b.providerId)).toMatchObject({
        refused: 1,
        reasons: { only_services_without_cis: 1 },
      });
      expect(group(untested.providerId)).toMatchObject({ reasons: { system_not_tested: 1 } });
      expect(group(null)).toMatchObject({ providerName: null, reasons: { unknown_unit: 1 } });

      const progress: GoLiveProgress[] = [];
      const applied = await applyGoLive(tx, staff, csv, (p) => progress.push(p), { today: TODAY });
      expect(applied.applied).toBe(true);
      expect(applied.summary).toEqual(dry.summary);
      expect(progress.at(-1)).toEqual({ phase: "write", done: 18, total: 18 });
      const after = await counts(tx);
      expect(after).toEqual({
        clients: before.clients + 3,
        cases: before.cases + 2,
        implementations: before.implementations + 4,
        resources: before.resources + 4,
        windows: before.windows + 4,
      });
      // The per-provider window counts, recounted once after the batches, match the windows.
      const kept = await bothCounts(tx);
      expect(kept.kept).toEqual(kept.direct);

      const windows = await tx
        .select()
        .from(accessWindows)
        .where(eq(accessWindows.createdBy, DEMO_USERS.projectStaff))
        .orderBy(accessWindows.opensOn);
      expect(windows.map((w) => [w.opensOn, w.closesOn, w.state, w.existingClient])).toEqual([
        [goLive, null, "open", true],
        [goLive, null, "open", true],
        [goLive, null, "open", true],
        ["2026-08-25", "2027-01-14", "planned", false],
      ]);
      for (const w of windows)
        expect(w).toMatchObject({ source: "golive", policyVersion: policy.version });
      expect(windows.every((w) => w.resourceId && w.implementationId)).toBe(true);
      const [linked] = await tx.select().from(cases).where(eq(cases.id, bare!.id));
      expect(linked!.clientId).not.toBeNull();
      const created = await tx.select().from(cases).where(like(cases.caseOid, "%.2026.7000%"));
      expect(created.map((c) => [c.caseOid, c.serviceTask, c.responsibleUserId])).toEqual(
        expect.arrayContaining([
          [caseOid(1), "older_people", null],
          [caseOid(8), "older_people", null],
        ]),
      );
      const impls = await tx
        .select()
        .from(serviceImplementations)
        .where(eq(serviceImplementations.caseId, windows[3]!.caseId));
      expect(impls).toMatchObject([
        { service: "family_care", startsOn: "2026-09-01", endsOn: "2026-12-31", voucher: false },
      ]);
      const sealed = JSON.stringify(await tx.select().from(clients));
      expect(sealed).not.toContain(hetu(1));
      expect(sealed).not.toContain("Testinen");

      // Again: everything that opened is already open; nothing is written.
      const again = await planGoLive(tx, staff, csv, { today: TODAY });
      expect([again.summary!.open, again.summary!.already, again.summary!.refused]).toEqual([
        0, 5, 7,
      ]);
      const second = await applyGoLive(tx, staff, csv, undefined, { today: TODAY });
      expect(second.summary).toEqual(again.summary);
      expect(Object.values(second.summary!.created).every((n) => n === 0)).toBe(true);
      expect(await counts(tx)).toEqual(after);

      // The same case OID with another person's identity code is now refused.
      const other = await planGoLive(
        tx,
        staff,
        file(line(caseOid(1), "Iida Testinen", hetu(9), "Perhehoito", a.oid!)),
        { today: TODAY },
      );
      expect(other.summary!.byReason).toEqual([{ reason: "case_other_client", rows: 1 }]);

      // An invalidated window is not live: the next run opens a new one on the same resource.
      await tx
        .update(accessWindows)
        .set({ state: "invalidated", invalidatedAt: new Date() })
        .where(eq(accessWindows.id, windows[3]!.id));
      const reissue = await applyGoLive(tx, staff, csv, undefined, { today: TODAY });
      expect(reissue.summary!.open).toBe(1);
      expect(reissue.summary!.created.resources).toBe(0);
    });
  });

  it("one implementation on two units: created once, as long as its longest row, a window per unit", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const staff = await actorOf(tx, DEMO_USERS.projectStaff);
      const { a, b } = await units(tx);
      const csv = file(
        line(
          caseOid(20),
          "Ilona Testinen",
          hetu(20),
          "communal_housing",
          a.oid!,
          "1.3.2026",
          "31.12.2026",
        ),
        line(
          caseOid(20),
          "Ilona Testinen",
          hetu(20),
          "communal_housing",
          b.oid!,
          "1.3.2026",
          "31.3.2027",
        ),
      );
      const applied = await applyGoLive(tx, staff, csv, undefined, { today: TODAY });
      expect(applied.summary!.open).toBe(2);
      expect(applied.summary!.created).toMatchObject({
        cases: 1,
        implementations: 1,
        resources: 2,
        windows: 2,
      });
      const [theCase] = await tx
        .select()
        .from(cases)
        .where(eq(cases.caseOid, caseOid(20)));
      const implementations = await tx
        .select()
        .from(serviceImplementations)
        .where(eq(serviceImplementations.caseId, theCase!.id));
      expect(implementations.map((i) => [i.startsOn, i.endsOn])).toEqual([
        ["2026-03-01", "2027-03-31"],
      ]);
      const resources = await tx
        .select({ unit: providerResources.serviceUnitId })
        .from(providerResources)
        .where(eq(providerResources.implementationId, implementations[0]!.id));
      expect(resources.map((r) => r.unit).sort()).toEqual([a.unitId, b.unitId].sort());

      const again = await planGoLive(tx, staff, csv, { today: TODAY });
      expect([again.summary!.open, again.summary!.already]).toEqual([0, 2]);
    });
  });

  it("reports a malformed row with its line number and applies nothing", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const staff = await actorOf(tx, DEMO_USERS.projectStaff);
      const { a } = await units(tx);
      const bad = hetu(3).slice(0, 10) + (hetu(3).endsWith("A") ? "B" : "A");
      const csv = file(
        line(caseOid(1), "Anna Testinen", hetu(1), "Yhteisöllinen asuminen", a.oid!),
        line(caseOid(2), "Bertta Testinen", hetu(2), "Yhteisöllinen asuminen", a.oid!),
        line(caseOid(3), "Cecilia Testinen", bad, "Yhteisöllinen asuminen", a.oid!),
      );
      const before = await counts(tx);
      const dry = await planGoLive(tx, staff, csv, { today: TODAY });
      expect(dry.ok).toBe(false);
      expect(dry.summary).toBeNull();
      expect(dry.issues).toEqual([{ line: 4, field: "hetu", key: "hetu.checkCharacter" }]);

      const applied = await applyGoLive(tx, staff, csv, undefined, { today: TODAY });
      expect(applied).toMatchObject({ ok: false, applied: false, issueCount: 1 });
      expect(applied.issues[0]).toMatchObject({ line: 4, field: "hetu" });
      expect(await counts(tx)).toEqual(before);
      const [audit] = await tx.select().from(auditLog).where(eq(auditLog.action, "golive.apply"));
      expect(audit).toMatchObject({ outcome: "failure" });
    });
  });

  it("refuses actors other than project staff and admins inside the operation", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const { a } = await units(tx);
      const csv = file(
        line(caseOid(1), "Anna Testinen", hetu(1), "Yhteisöllinen asuminen", a.oid!),
      );
      const before = await counts(tx);
      for (const id of [DEMO_USERS.caseworker, DEMO_USERS.providerContact]) {
        const actor = await actorOf(tx, id);
        const dry = await planGoLive(tx, actor, csv, { today: TODAY });
        expect(dry).toMatchObject({ ok: false, error: "forbidden", summary: null });
        const applied = await applyGoLive(tx, actor, csv, undefined, { today: TODAY });
        expect(applied).toMatchObject({ ok: false, applied: false, error: "forbidden" });
      }
      expect(await counts(tx)).toEqual(before);
      const denied = await tx
        .select()
        .from(auditLog)
        .where(and(like(auditLog.action, "golive.%"), eq(auditLog.outcome, "denied")));
      expect(denied).toHaveLength(4);

      const admin = await actorOf(tx, DEMO_USERS.admin);
      const ok = await applyGoLive(tx, admin, csv, undefined, { today: TODAY });
      expect(ok.summary!.open).toBe(1);
    });
  });

  it("writes audit rows with ids and counts only, never an identity code or a name", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const staff = await actorOf(tx, DEMO_USERS.projectStaff);
      const { a, untested } = await units(tx);
      const csv = file(
        line(caseOid(1), "Salli Salainen", hetu(11), "Yhteisöllinen asuminen", a.oid!),
        line(caseOid(2), "Taisto Salainen", hetu(12), "Yhteisöllinen asuminen", untested.oid!),
      );
      await planGoLive(tx, staff, csv, { today: TODAY });
      await applyGoLive(tx, staff, csv, undefined, { today: TODAY });
      await planGoLive(
        tx,
        staff,
        file(line(caseOid(3), "Uuno Salainen", "010150-90", "x", a.oid!)),
      );
      // Rows of one transaction share created_at: the serial id gives their order.
      const rows = await tx
        .select()
        .from(auditLog)
        .where(like(auditLog.action, "golive.%"))
        .orderBy(asc(auditLog.id));
      expect(rows.map((r) => `${r.action}:${r.outcome}`)).toEqual([
        "golive.dryRun:success",
        "golive.apply:success",
        "golive.dryRun:failure",
      ]);
      const text = JSON.stringify(rows);
      for (const secret of [hetu(11), hetu(12), "010150-90", "Salainen", "Salli", a.providerName])
        expect(text).not.toContain(secret);
      expect(rows[1]!.details).toMatchObject({ open: 1, refused: 1, created: { windows: 1 } });
    });
  });

  it.runIf(process.env.GOLIVE_BENCH)(
    "handles a large file",
    async () => {
      const n = Number(process.env.GOLIVE_BENCH);
      await withRollback(t.db, async (tx) => {
        await seedDemo(tx);
        const staff = await actorOf(tx, DEMO_USERS.projectStaff);
        const { a, b } = await units(tx);
        const rows: string[] = [];
        for (let i = 0; i < n; i++)
          rows.push(
            line(
              caseOid(100000 + i),
              `Asiakas ${i}`,
              hetu(i),
              "Yhteisöllinen asuminen",
              i % 2 ? a.oid! : b.oid!,
            ),
          );
        const csv = new TextEncoder().encode([HEADER, ...rows].join("\n") + "\n");
        let started = Date.now();
        const dry = await planGoLive(tx, staff, csv, { today: TODAY });
        console.log(`dry run ${n} rows: ${Date.now() - started} ms`);
        started = Date.now();
        const applied = await applyGoLive(tx, staff, csv, undefined, { today: TODAY });
        console.log(`apply ${n} rows: ${Date.now() - started} ms`);
        expect(applied.summary).toEqual(dry.summary);
        started = Date.now();
        const again = await planGoLive(tx, staff, csv, { today: TODAY });
        console.log(`second dry run ${n} rows: ${Date.now() - started} ms`);
        expect(again.summary!.already).toBe(applied.summary!.open);
      });
    },
    600_000,
  );
});
