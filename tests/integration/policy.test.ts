import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, eligibilityPolicies } from "@/db/schema";
import { DEMO_ORGANISERS, DEMO_USERS, seedDemo } from "@/db/seed/demo";
import { defaultPolicySettings } from "@/lib/eligibility/policy";
import { savePolicy } from "@/lib/policy/operations";
import { currentPolicy, listPolicyVersions } from "@/lib/policy/queries";
import { policyFormSchema } from "@/lib/policy/schemas";
import { actorOf, openTestDb, withRollback } from "../helpers/db";

let t: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t?.close());

const ORG = DEMO_ORGANISERS.main;

/** The defaults with some changes, as the form would send them. */
function form(over: Record<string, string> = {}) {
  const raw: Record<string, string> = {
    expectedVersion: "0",
    daysBeforeStart: "7",
    daysAfterEnd: "14",
    goLiveDate: "2026-06-15",
    caseNumberDeadline: "2026-08-31",
    useByDate: "2026-09-01",
  };
  for (const [code, needs] of Object.entries(defaultPolicySettings.needsCis))
    if (needs) raw[`needsCis:${code}`] = "on";
  return policyFormSchema.parse({ ...raw, ...over });
}

async function policyAudit(tx: Parameters<Parameters<typeof withRollback>[1]>[0]) {
  return tx
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, "policy.save"), eq(auditLog.organiserId, ORG)))
    .orderBy(auditLog.id);
}

describe("policy form schema", () => {
  it("reads strings as the validator's input; an unchecked service is false", () => {
    const input = form({ daysBeforeStart: " 10 ", "needsCis:communal_housing": "" });
    expect(input.expectedVersion).toBe(0);
    expect(input.settings.daysBeforeStart).toBe("10");
    expect(input.settings.needsCis.communal_housing).toBe(false);
    expect(input.settings.needsCis.round_the_clock_housing).toBe(true);
    expect(input.settings.needsCis.meal_service).toBe(false);
    // An empty field is missing (the validator says "required").
    expect(form({ goLiveDate: "" }).settings.goLiveDate).toBeUndefined();
    // Only catalogue codes are read.
    expect(Object.keys(form({ "needsCis:evil": "on" }).settings.needsCis)).not.toContain("evil");
    expect(policyFormSchema.safeParse({ expectedVersion: "x" }).success).toBe(false);
  });
});

describe("eligibility policy versions", () => {
  it("saves version 1 then 2, audits the changed fields, and currentPolicy returns the latest", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const admin = await actorOf(tx, DEMO_USERS.admin);
      expect((await currentPolicy(tx, ORG)).version).toBe(0);

      const first = form({ daysBeforeStart: "10", "needsCis:meal_service": "on" });
      const r1 = await savePolicy(tx, admin, first.settings, first.expectedVersion);
      expect(r1).toEqual({ ok: true, version: 1, changed: true });
      const v1 = await currentPolicy(tx, ORG);
      expect(v1.version).toBe(1);
      expect(v1.settings.daysBeforeStart).toBe(10);
      expect(v1.settings.needsCis.meal_service).toBe(true);

      const second = form({ expectedVersion: "1", daysBeforeStart: "10", daysAfterEnd: "21" });
      const r2 = await savePolicy(tx, admin, second.settings, second.expectedVersion);
      expect(r2).toEqual({ ok: true, version: 2, changed: true });
      const v2 = await currentPolicy(tx, ORG);
      expect(v2.version).toBe(2);
      expect(v2.settings).toMatchObject({ daysBeforeStart: 10, daysAfterEnd: 21 });
      expect(v2.settings.needsCis.meal_service).toBe(false);

      const audit = await policyAudit(tx);
      expect(audit).toHaveLength(2);
      expect(audit[0]).toMatchObject({
        outcome: "success",
        actorUserId: DEMO_USERS.admin,
        entityType: "eligibility_policy",
        details: {
          version: 1,
          previousVersion: 0,
          changes: {
            daysBeforeStart: { from: 7, to: 10 },
            "needsCis.meal_service": { from: false, to: true },
          },
        },
      });
      expect(Object.keys((audit[1]!.details as { changes: object }).changes).sort()).toEqual([
        "daysAfterEnd",
        "needsCis.meal_service",
      ]);

      const history = await listPolicyVersions(tx, ORG);
      expect(history.map((h) => h.version)).toEqual([2, 1]);
      expect(history[0]).toMatchObject({
        createdBy: DEMO_USERS.admin,
        createdByName: "Helena Hallinto",
      });
      // The other organiser still has the defaults.
      expect((await currentPolicy(tx, DEMO_ORGANISERS.small)).version).toBe(0);
    });
  });

  it("adds no version when nothing changed", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const admin = await actorOf(tx, DEMO_USERS.admin);
      const same = form();
      expect(await savePolicy(tx, admin, same.settings, 0)).toEqual({
        ok: true,
        version: 0,
        changed: false,
      });
      expect(await listPolicyVersions(tx, ORG)).toHaveLength(0);
      expect(await policyAudit(tx)).toHaveLength(0);
    });
  });

  it("refuses invalid settings with field errors naming the fields, and changes nothing", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const admin = await actorOf(tx, DEMO_USERS.admin);
      const bad = form({
        daysBeforeStart: "61",
        daysAfterEnd: "",
        goLiveDate: "2026-02-30",
        caseNumberDeadline: "2026-06-01",
        useByDate: "2026-05-01",
      });
      const r = await savePolicy(tx, admin, bad.settings, 0);
      expect(r).toEqual({
        ok: false,
        message: "validation.invalid",
        fieldErrors: {
          daysBeforeStart: "policySettings.outOfRange",
          daysAfterEnd: "policySettings.required",
          goLiveDate: "policySettings.dateNotReal",
          useByDate: "policySettings.useByNotAfterCaseNumberDeadline",
        },
      });
      const order = await savePolicy(
        tx,
        admin,
        form({ caseNumberDeadline: "2026-06-14" }).settings,
        0,
      );
      expect(order).toMatchObject({
        ok: false,
        fieldErrors: { caseNumberDeadline: "policySettings.caseNumberDeadlineBeforeGoLive" },
      });
      const unknown = await savePolicy(
        tx,
        admin,
        { ...form().settings, needsCis: { evil: true } },
        0,
      );
      expect(unknown).toMatchObject({
        ok: false,
        fieldErrors: { "needsCis.evil": "policySettings.unknownService" },
      });
      expect(await tx.select().from(eligibilityPolicies)).toHaveLength(0);
      expect((await currentPolicy(tx, ORG)).version).toBe(0);
    });
  });

  it("gives the second of two admins editing the same version a conflict and keeps the first save", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const admin = await actorOf(tx, DEMO_USERS.admin);
      // Both opened the form at version 0.
      const a = form({ daysBeforeStart: "5" });
      const b = form({ daysBeforeStart: "3", daysAfterEnd: "30" });
      expect(await savePolicy(tx, admin, a.settings, a.expectedVersion)).toMatchObject({
        ok: true,
        version: 1,
      });
      expect(await savePolicy(tx, admin, b.settings, b.expectedVersion)).toEqual({
        ok: false,
        message: "validation.conflict",
      });
      const now = await currentPolicy(tx, ORG);
      expect(now.version).toBe(1);
      expect(now.settings).toMatchObject({ daysBeforeStart: 5, daysAfterEnd: 14 });
      expect(await listPolicyVersions(tx, ORG)).toHaveLength(1);
      const audit = await policyAudit(tx);
      expect(audit.map((x) => x.outcome)).toEqual(["success", "failure"]);
      expect(audit[1]?.details).toMatchObject({
        reason: "conflict",
        expectedVersion: 0,
        currentVersion: 1,
      });
      // A stale version number from the future is refused too.
      expect(await savePolicy(tx, admin, b.settings, 7)).toMatchObject({
        message: "validation.conflict",
      });
    });
  });

  it("refuses a case worker and audits the attempt", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const caseworker = await actorOf(tx, DEMO_USERS.caseworker);
      const input = form({ daysBeforeStart: "1" });
      expect(await savePolicy(tx, caseworker, input.settings, 0)).toEqual({
        ok: false,
        message: "validation.forbidden",
      });
      expect(await tx.select().from(eligibilityPolicies)).toHaveLength(0);
      const audit = await policyAudit(tx);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        outcome: "denied",
        actorUserId: DEMO_USERS.caseworker,
        actorRole: "caseworker",
        details: { reason: "role" },
      });
    });
  });
});
