import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog } from "@/db/schema";
import type { Executor } from "@/db";
import { DEMO_ORGANISERS, DEMO_USERS, demoHetu, seedDemo, seedId } from "@/db/seed/demo";
import type { AuditActor } from "@/lib/audit";
import { clientAccessLog } from "@/lib/audit/client-access";
import { helsinkiDayStart, listAudit, parseAuditFilter } from "@/lib/audit/queries";
import { actorOf, openTestDb, withRollback } from "../helpers/db";

let t: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t?.close());

const MAIN = DEMO_ORGANISERS.main;
const CASE_OID_0 = "1.2.246.10.2840015.15.2026.1000";

/** One audit row at a given instant (the real writers stamp now(); tests need other days). */
async function row(
  tx: Executor,
  at: string,
  v: {
    action: string;
    actor?: string;
    role?: string;
    entityType?: string;
    entityId?: string;
    organiserId?: string | null;
    providerId?: string | null;
    outcome?: "success" | "denied" | "failure";
    purpose?: string;
  },
) {
  const [r] = await tx
    .insert(auditLog)
    .values({
      at: new Date(at),
      organiserId: v.organiserId === undefined ? MAIN : v.organiserId,
      providerId: v.providerId ?? null,
      actorUserId: v.actor ?? DEMO_USERS.caseworker,
      actorRole: v.role ?? "caseworker",
      action: v.action,
      entityType: v.entityType ?? null,
      entityId: v.entityId ?? null,
      outcome: v.outcome ?? "success",
      purpose: v.purpose ?? null,
    })
    .returning({ id: auditLog.id });
  return r!.id;
}

/** Rows of client 0 (main organiser) and of client 1, in March 2099: no seeded or real rows. */
async function scenario(tx: Executor) {
  await seedDemo(tx);
  const ids = {
    view: await row(tx, "2099-03-02T10:00:00Z", {
      action: "cases.view",
      entityType: "case",
      entityId: seedId("case:0"),
      purpose: "case_work",
    }),
    reveal: await row(tx, "2099-03-03T10:00:00Z", {
      action: "clients.reveal",
      entityType: "client",
      entityId: seedId("client:0"),
    }),
    send: await row(tx, "2099-03-04T10:00:00Z", {
      action: "deliveries.send",
      entityType: "access_window",
      entityId: seedId("window:0"),
    }),
    pickup: await row(tx, "2099-03-05T10:00:00Z", {
      action: "deliveries.pickup",
      actor: DEMO_USERS.providerContact,
      role: "provider_contact",
      providerId: seedId("provider:0"),
      entityType: "outbox_message",
      entityId: seedId("outbox:pickup:0"),
    }),
    // 1 April 00:30 Helsinki (EEST, +3) is still 31 March in UTC: inside April, not March.
    april: await row(tx, "2099-03-31T21:30:00Z", {
      action: "cases.view",
      entityType: "case",
      entityId: seedId("case:0"),
    }),
    otherClient: await row(tx, "2099-03-03T11:00:00Z", {
      action: "cases.view",
      entityType: "case",
      entityId: seedId("case:1"),
    }),
    staffDenied: await row(tx, "2099-03-06T10:00:00Z", {
      action: "policy.save",
      actor: DEMO_USERS.projectStaff,
      role: "project_staff",
      outcome: "denied",
    }),
    otherOrganiser: await row(tx, "2099-03-03T12:00:00Z", {
      action: "cases.view",
      actor: DEMO_USERS.otherCaseworker,
      organiserId: DEMO_ORGANISERS.small,
      entityType: "case",
      entityId: seedId("case:100"),
    }),
  };
  return ids;
}

const march = { from: "2099-03-01", to: "2099-03-31" };

describe("the audit trail filters", () => {
  it("parses URL params, dropping anything malformed", () => {
    expect(
      parseAuditFilter({
        action: "cases.view",
        outcome: "nope",
        user: "demo-caseworker",
        entity: " 1.2.246.10.2840015.15.2026.1000 ",
        provider: "not-a-uuid",
        from: "2099-03-31",
        to: "2099-03-01",
      }),
    ).toEqual({
      action: "cases.view",
      outcome: undefined,
      user: "demo-caseworker",
      caseOid: CASE_OID_0,
      providerId: undefined,
      from: "2099-03-01",
      to: "2099-03-31",
    });
    expect(parseAuditFilter({ from: "2099-02-30", action: "x'; drop" })).toMatchObject({
      from: undefined,
      action: undefined,
    });
  });

  it("uses Helsinki day boundaries across daylight saving", () => {
    expect(helsinkiDayStart("2099-01-15").toISOString()).toBe("2099-01-14T22:00:00.000Z");
    expect(helsinkiDayStart("2099-07-15").toISOString()).toBe("2099-07-14T21:00:00.000Z");
    expect(helsinkiDayStart("2099-03-31", 1).toISOString()).toBe("2099-03-31T21:00:00.000Z");
  });

  it("filters by action, date, user, case, provider and outcome", async () => {
    await withRollback(t.db, async (tx) => {
      const ids = await scenario(tx);
      const staff = await actorOf(tx, DEMO_USERS.projectStaff);
      const got = async (f: Parameters<typeof listAudit>[3]) =>
        (await listAudit(tx, staff, 1, f)).rows.map((r) => r.id).sort();

      expect(await got({ action: "cases.view", ...march })).toEqual(
        [ids.view, ids.otherClient].sort(),
      );
      expect(await got({ action: "cases.view", from: "2099-04-01", to: "2099-04-01" })).toEqual([
        ids.april,
      ]);
      expect(await got({ user: DEMO_USERS.projectStaff, ...march })).toEqual([ids.staffDenied]);
      expect(await got({ outcome: "denied", ...march })).toEqual([ids.staffDenied]);
      expect(await got({ caseOid: CASE_OID_0, ...march })).toEqual(
        [ids.view, ids.send, ids.pickup].sort(),
      );
      expect(await got({ providerId: seedId("provider:0"), ...march })).toEqual([ids.pickup]);
      // Another organiser's case OID matches nothing here.
      expect(await got({ caseOid: "1.2.246.10.2840023.15.2026.1100", ...march })).toEqual([]);
      const { total } = await listAudit(tx, staff, 1, { ...march });
      // March: six rows of this organiser (the other organiser's row and April's are not).
      expect(total).toBe(6);
    });
  });
});

describe("who saw or was sent a client's data", () => {
  it("returns the client's reads, disclosures and changes in the range, nothing else", async () => {
    await withRollback(t.db, async (tx) => {
      const ids = await scenario(tx);
      const staff = await actorOf(tx, DEMO_USERS.projectStaff);
      const r = await clientAccessLog(tx, staff, { hetu: demoHetu(0), ...march });
      if (!r.ok) throw new Error(r.message);
      expect(r.clientFound).toBe(true);
      expect(r.rows.map((x) => x.id).sort()).toEqual(
        [ids.view, ids.reveal, ids.send, ids.pickup].sort(),
      );
      const byId = new Map(r.rows.map((x) => [x.id, x]));
      expect(byId.get(ids.view)).toMatchObject({
        kind: "read",
        actorName: expect.any(String),
        actorRole: "caseworker",
        purpose: "case_work",
        organiserNameFi: expect.any(String),
      });
      expect(byId.get(ids.send)?.kind).toBe("disclosure");
      expect(byId.get(ids.pickup)).toMatchObject({
        kind: "disclosure",
        actorRole: "provider_contact",
        providerName: expect.any(String),
      });
      // April only: the row just after midnight in Helsinki.
      const april = await clientAccessLog(tx, staff, {
        hetu: demoHetu(0),
        from: "2099-04-01",
        to: "2099-04-30",
      });
      expect(april.ok && april.rows.map((x) => x.id)).toEqual([ids.april]);
    });
  });

  it("is audited with counts only, never the identity code", async () => {
    await withRollback(t.db, async (tx) => {
      await scenario(tx);
      const staff = await actorOf(tx, DEMO_USERS.projectStaff);
      await clientAccessLog(tx, staff, { hetu: demoHetu(0), ...march });
      const rows = await tx
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.action, "audit.clientAccess"),
            eq(auditLog.actorUserId, DEMO_USERS.projectStaff),
          ),
        );
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        outcome: "success",
        entityType: "client",
        entityId: seedId("client:0"),
        organiserId: MAIN,
      });
      expect(rows[0]!.details).toMatchObject({ found: 1, rows: 4, reads: 2, disclosures: 2 });
      const text = JSON.stringify(rows[0]);
      expect(text).not.toContain(demoHetu(0));
      expect(text).not.toContain(demoHetu(0).slice(0, 6));
    });
  });

  it("shows another organiser's staff nothing", async () => {
    await withRollback(t.db, async (tx) => {
      await scenario(tx);
      const otherStaff: AuditActor = {
        userId: "test-staff-rannikko",
        role: "project_staff",
        organiserId: DEMO_ORGANISERS.small,
        providerId: null,
      };
      const r = await clientAccessLog(tx, otherStaff, { hetu: demoHetu(0), ...march });
      expect(r).toEqual({ ok: true, clientFound: false, rows: [], truncated: false });
      // Their own client 100 shows only their own organiser's row.
      const own = await clientAccessLog(tx, otherStaff, { hetu: demoHetu(100), ...march });
      expect(own.ok && own.rows.map((x) => x.action)).toEqual(["cases.view"]);
      expect(own.ok && own.rows[0]!.organiserNameFi).not.toBeNull();
    });
  });

  it("refuses a caseworker, and audits the refusal", async () => {
    await withRollback(t.db, async (tx) => {
      await scenario(tx);
      const worker = await actorOf(tx, DEMO_USERS.caseworker);
      const r = await clientAccessLog(tx, worker, { hetu: demoHetu(0), ...march });
      expect(r).toEqual({ ok: false, message: "validation.forbidden" });
      const denied = await tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "audit.clientAccess"), eq(auditLog.outcome, "denied")));
      expect(denied).toHaveLength(1);
      expect(denied[0]!.actorUserId).toBe(DEMO_USERS.caseworker);
    });
  });

  it("refuses a bad identity code or range without searching", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const staff = await actorOf(tx, DEMO_USERS.projectStaff);
      expect(await clientAccessLog(tx, staff, { hetu: "010101-0000", ...march })).toMatchObject({
        ok: false,
      });
      expect(
        await clientAccessLog(tx, staff, {
          hetu: demoHetu(0),
          from: "2099-04-01",
          to: "2099-03-01",
        }),
      ).toEqual({ ok: false, message: "auditView.clientAccess.badRange" });
    });
  });
});
