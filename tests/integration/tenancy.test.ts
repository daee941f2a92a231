import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { contactPeople, auditLog } from "@/db/schema";
import { DEMO_USERS, seedDemo, seedId } from "@/db/seed/demo";
import { writeAudit } from "@/lib/audit";
import { listAudit } from "@/lib/audit/queries";
import { listCases, listWindows } from "@/lib/cases/queries";
import {
  getOrganiserProvider,
  getOwnUnit,
  listOrganiserProviders,
  listOwnContacts,
} from "@/lib/providers/queries";
import { updateOwnContact } from "@/lib/providers/operations";
import { actorOf, openTestDb, withRollback } from "../helpers/db";

let t: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t?.close());

describe("organisers are tenants", () => {
  it("neither organiser sees the other's cases, windows or audit rows", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const main = await actorOf(tx, DEMO_USERS.caseworker);
      const small = await actorOf(tx, DEMO_USERS.otherCaseworker);
      await writeAudit(tx, main, { action: "test.main", outcome: "success" });
      await writeAudit(tx, small, { action: "test.small", outcome: "success" });

      const [casesMain, casesSmall] = [await listCases(tx, main), await listCases(tx, small)];
      expect(casesMain.length).toBe(8);
      expect(casesSmall.length).toBe(2);
      expect(casesMain.map((c) => c.id)).not.toEqual(expect.arrayContaining([casesSmall[0]!.id]));

      const [winMain, winSmall] = [await listWindows(tx, main), await listWindows(tx, small)];
      expect(winMain.length).toBe(8);
      expect(winSmall.length).toBe(2);
      const smallIds = new Set(winSmall.map((w) => w.id));
      expect(winMain.some((w) => smallIds.has(w.id))).toBe(false);

      const auditMain = (await listAudit(tx, main, 1)).rows.map((r) => r.action);
      const auditSmall = (await listAudit(tx, small, 1)).rows.map((r) => r.action);
      expect(auditMain).toContain("test.main");
      expect(auditMain).not.toContain("test.small");
      expect(auditSmall).toContain("test.small");
      expect(auditSmall).not.toContain("test.main");
    });
  });

  it("an organiser sees only the providers it has a relationship with", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const main = await actorOf(tx, DEMO_USERS.caseworker);
      const small = await actorOf(tx, DEMO_USERS.otherCaseworker);
      expect((await listOrganiserProviders(tx, main, { page: 1 })).total).toBe(30);
      expect((await listOrganiserProviders(tx, small, { page: 1 })).total).toBe(5);
      // Provider 10 works only with the main organiser.
      expect(await getOrganiserProvider(tx, main, seedId("provider:10"))).not.toBeNull();
      expect(await getOrganiserProvider(tx, small, seedId("provider:10"))).toBeNull();
      // Search and paging are server-side.
      const found = await listOrganiserProviders(tx, main, { q: "Kuusela", page: 1 });
      expect(found.rows.map((r) => r.name)).toEqual(["Hoivakoti Kuusela Oy"]);
      expect(found.total).toBe(1);
      // Without a search the total is counted from the relationships alone: still in scope.
      for (const actor of [main, small]) {
        const missing = await listOrganiserProviders(tx, actor, { status: "missing", all: true });
        expect(missing.total).toBeGreaterThan(0);
        expect(missing.rows).toHaveLength(missing.total);
      }
      expect((await listOrganiserProviders(tx, main, { page: 2 })).rows).toHaveLength(5);
    });
  });

  it("a query without the needed scope fails instead of reading across tenants", async () => {
    const nobody = { userId: "x", role: "caseworker", organiserId: null, providerId: null };
    await expect(listCases(t.db, nobody)).rejects.toThrow(/organiser scope/);
  });
});

describe("provider contacts see and change only their own provider", () => {
  it("another provider's unit id finds nothing", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const a = await actorOf(tx, DEMO_USERS.providerContact);
      expect(await getOwnUnit(tx, a, seedId("unit:0:1"))).not.toBeNull();
      expect(await getOwnUnit(tx, a, seedId("unit:1:1"))).toBeNull();
      const own = await listOwnContacts(tx, a);
      expect(own.every((c) => c.providerId === seedId("provider:0"))).toBe(true);
    });
  });

  it("an update aimed at another provider's contact is refused, changes nothing and is audited", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const a = await actorOf(tx, DEMO_USERS.providerContact);
      const foreignId = seedId("contact:1:0");
      const [before] = await tx.select().from(contactPeople).where(eq(contactPeople.id, foreignId));
      const result = await updateOwnContact(tx, a, {
        contactId: foreignId,
        name: "Hijacked",
        phone: "",
        language: "fi",
        title: "",
      });
      expect(result.status).toBe("denied");
      const [after] = await tx.select().from(contactPeople).where(eq(contactPeople.id, foreignId));
      expect(after).toEqual(before);
      const audit = await tx.select().from(auditLog).where(eq(auditLog.entityId, foreignId));
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        action: "provider.updateContact",
        outcome: "denied",
        actorUserId: DEMO_USERS.providerContact,
        providerId: seedId("provider:0"),
      });
    });
  });

  it("an update of an own contact changes it and audits old and new values", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const a = await actorOf(tx, DEMO_USERS.providerContact);
      const ownId = seedId("contact:0:0");
      const result = await updateOwnContact(tx, a, {
        contactId: ownId,
        name: "Anna Virtanen",
        phone: "+358 40 765 4321",
        language: "sv",
        title: "Toiminnanjohtaja",
      });
      expect(result.status).toBe("updated");
      const [row] = await tx.select().from(contactPeople).where(eq(contactPeople.id, ownId));
      expect(row).toMatchObject({ phone: "+358 40 765 4321", language: "sv" });
      const [audit] = await tx.select().from(auditLog).where(eq(auditLog.entityId, ownId));
      expect(audit?.outcome).toBe("success");
      expect(audit?.details).toMatchObject({ changes: { language: { from: "fi", to: "sv" } } });
    });
  });
});
