import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, organisers, outboxMessages, users } from "@/db/schema";
import type { Executor } from "@/db";
import {
  DEMO_ORGANISERS,
  DEMO_USERS,
  demoClientName,
  demoHetu,
  seedDemo,
  seedId,
} from "@/db/seed/demo";
import { listPickups, pickUp, retryDelivery } from "@/lib/delivery/operations";
import { caseDeliveries, listDeliveries } from "@/lib/delivery/queries";
import { setDeliveryIdentifier } from "@/lib/delivery/settings";
import { actorOf, openTestDb, withRollback } from "../helpers/db";

let t: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t?.close());

const PICKUP = seedId("outbox:pickup:0");
const CASE_OID = "1.2.246.10.2840015.15.2026.1000";

/** The actor with the e-mail the pickup pages match contact people by. */
async function withEmail(tx: Executor, id: string) {
  const [u] = await tx.select({ email: users.email }).from(users).where(eq(users.id, id));
  return { ...(await actorOf(tx, id)), email: u?.email ?? null };
}

/** A failed S/MIME message of the given organiser (as the worker leaves one after maxAttempts). */
async function failedMessage(tx: Executor, organiserId: string, n: number) {
  const id = seedId(`test:failed:${n}`);
  await tx.insert(outboxMessages).values({
    id,
    organiserId,
    kind: "case_oid",
    caseId: organiserId === DEMO_ORGANISERS.main ? seedId("case:1") : seedId("case:100"),
    providerId: seedId("provider:0"),
    contactId: seedId("contact:0:0"),
    recipient: "anna.virtanen@kotikallio.example",
    method: "smime",
    status: "failed",
    attempts: 8,
    maxAttempts: 8,
    messageId: `<test-failed-${n}@hyvinvointialue.example>`,
    requestKey: `test:failed:${n}`,
    subject: "Asian OID-tunnus",
    raw: "(encrypted)",
    lastError: "connect ECONNREFUSED 127.0.0.1:25",
  });
  return id;
}

async function auditRows(tx: Executor, action: string, entityId?: string) {
  return tx
    .select()
    .from(auditLog)
    .where(
      entityId
        ? and(eq(auditLog.action, action), eq(auditLog.entityId, entityId))
        : eq(auditLog.action, action),
    );
}

describe("the Deliveries view", () => {
  it("lists only the actor's organiser's messages, with filters", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const main = await actorOf(tx, DEMO_USERS.caseworker);
      const small = await actorOf(tx, DEMO_USERS.otherCaseworker);
      const failedMain = await failedMessage(tx, DEMO_ORGANISERS.main, 1);
      const failedSmall = await failedMessage(tx, DEMO_ORGANISERS.small, 2);

      const all = await listDeliveries(tx, main, { limit: 500 });
      expect(all.map((r) => r.id).sort()).toEqual([PICKUP, failedMain].sort());
      const seeded = all.find((r) => r.id === PICKUP)!;
      expect(seeded).toMatchObject({
        kind: "case_oid",
        caseId: seedId("case:0"),
        caseOid: CASE_OID,
        providerName: "Kotikallio Oy",
        contactName: "Anna Virtanen",
        recipient: "anna.virtanen@kotikallio.example",
        method: "pickup",
        status: "sent",
        smtpResponse: "250 2.0.0 Ok: queued (demo)",
      });
      expect(seeded.sentAt).toBeInstanceOf(Date);
      // Never the content: staff see routing and status only.
      expect(Object.keys(seeded)).not.toContain("pickupEnc");
      expect(Object.keys(seeded)).not.toContain("raw");

      // The other organiser sees none of the main organiser's messages.
      const other = await listDeliveries(tx, small, { limit: 500 });
      expect(other.map((r) => r.id)).toEqual([failedSmall]);

      expect(
        (await listDeliveries(tx, main, { status: "failed", limit: 500 })).map((r) => r.id),
      ).toEqual([failedMain]);
      expect(
        (await listDeliveries(tx, main, { status: "sent", limit: 500 })).map((r) => r.id),
      ).toEqual([PICKUP]);
      expect(await listDeliveries(tx, main, { status: "queued", limit: 500 })).toEqual([]);
      expect(
        (await listDeliveries(tx, main, { method: "pickup", limit: 500 })).map((r) => r.id),
      ).toEqual([PICKUP]);
      expect(
        (await listDeliveries(tx, main, { status: "sent", method: "smime", limit: 500 })).length,
      ).toBe(0);
      expect(await listDeliveries(tx, main, { limit: 1 })).toHaveLength(1);

      // A case's delivery history, also scoped.
      expect((await caseDeliveries(tx, main, seedId("case:0"))).map((r) => r.id)).toEqual([PICKUP]);
      expect(await caseDeliveries(tx, small, seedId("case:0"))).toEqual([]);
    });
  });

  it("a query without an organiser fails instead of reading across tenants", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const anna = await actorOf(tx, DEMO_USERS.providerContact);
      await expect(listDeliveries(tx, anna, { limit: 10 })).rejects.toThrow(/organiser scope/);
    });
  });
});

describe("retrying a delivery", () => {
  it("puts only a failed message back in the queue, by staff of its organiser, audited", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const staff = await actorOf(tx, DEMO_USERS.projectStaff);
      const failed = await failedMessage(tx, DEMO_ORGANISERS.main, 3);

      // A sent message is not retried.
      expect(await retryDelivery(tx, staff, { id: PICKUP })).toEqual({
        ok: false,
        message: "delivery.notFailed",
      });

      // The other organiser's case worker cannot reach it: not found, audited as out of scope.
      const other = await actorOf(tx, DEMO_USERS.otherCaseworker);
      expect(await retryDelivery(tx, other, { id: failed })).toEqual({
        ok: false,
        message: "validation.notFound",
      });
      const outOfScope = await auditRows(tx, "deliveries.retry", failed);
      expect(outOfScope).toHaveLength(1);
      expect(outOfScope[0]).toMatchObject({ outcome: "denied", actorUserId: other.userId });

      // A provider contact may not retry at all.
      const anna = await actorOf(tx, DEMO_USERS.providerContact);
      expect(await retryDelivery(tx, anna, { id: failed })).toEqual({
        ok: false,
        message: "validation.forbidden",
      });
      const refused = (await auditRows(tx, "deliveries.retry")).filter(
        (r) => r.actorUserId === anna.userId,
      );
      expect(refused).toHaveLength(1);
      expect(refused[0]!.outcome).toBe("denied");

      const now = new Date("2026-07-01T09:00:00Z");
      expect(await retryDelivery(tx, staff, { id: failed }, now)).toEqual({ ok: true });
      const [row] = await tx.select().from(outboxMessages).where(eq(outboxMessages.id, failed));
      expect(row).toMatchObject({ status: "queued", attempts: 0 });
      expect(row!.nextAttemptAt.getTime()).toBe(now.getTime());
      const done = (await auditRows(tx, "deliveries.retry", failed)).filter(
        (r) => r.outcome === "success",
      );
      expect(done).toHaveLength(1);
      expect(done[0]!.actorUserId).toBe(staff.userId);
      expect(done[0]!.organiserId).toBe(DEMO_ORGANISERS.main);
    });
  });
});

describe("portal pickup", () => {
  it("the right contact sees and opens the seeded message; every pickup is audited", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const anna = await withEmail(tx, DEMO_USERS.providerContact);
      const list = await listPickups(tx, anna);
      expect(list.map((m) => m.id)).toEqual([PICKUP]);
      expect(list[0]!.pickedUpAt).toBeNull();
      expect(list[0]!.organiserFi).toBe("Järvi-Pohjan hyvinvointialue");
      // The subject never carries client data or the case OID.
      expect(list[0]!.subject).not.toContain(CASE_OID);
      expect(list[0]!.subject).not.toContain(demoClientName(0));

      const opened = await pickUp(tx, anna, PICKUP);
      expect(opened).not.toBeNull();
      expect(opened!.content.text).toContain(CASE_OID);
      expect(opened!.content.text).toContain(demoClientName(0));
      // The organiser's default identifier is the birth date, not the identity code.
      expect(opened!.content.text).not.toContain(demoHetu(0));
      expect(opened!.content.text).toContain("1.1.1930");

      await pickUp(tx, anna, PICKUP);
      const audits = await auditRows(tx, "deliveries.pickup", PICKUP);
      expect(audits).toHaveLength(2);
      expect(audits.every((a) => a.outcome === "success" && a.actorUserId === anna.userId)).toBe(
        true,
      );
      expect(audits[0]!.organiserId).toBe(DEMO_ORGANISERS.main);
      const [after] = await listPickups(tx, anna);
      expect(after!.pickedUpAt).toBeInstanceOf(Date);
    });
  });

  it("another provider's contact and staff get nothing, and the attempt is audited", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      for (const id of [DEMO_USERS.providerContact2, DEMO_USERS.caseworker, DEMO_USERS.admin]) {
        const actor = await withEmail(tx, id);
        expect(await listPickups(tx, actor)).toEqual([]);
        expect(await pickUp(tx, actor, PICKUP)).toBeNull();
        const denied = (await auditRows(tx, "deliveries.pickup", PICKUP)).filter(
          (r) => r.actorUserId === id,
        );
        expect(denied).toHaveLength(1);
        expect(denied[0]!.outcome).toBe("denied");
      }
      const [m] = await tx.select().from(outboxMessages).where(eq(outboxMessages.id, PICKUP));
      expect(m!.pickedUpAt).toBeNull();
    });
  });
});

describe("the client identifier setting", () => {
  it("only an admin changes it, for their own organiser, audited with from and to", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const identifierOf = async (id: string) =>
        (
          await tx
            .select({ v: organisers.deliveryIdentifier })
            .from(organisers)
            .where(eq(organisers.id, id))
        )[0]!.v;

      const worker = await actorOf(tx, DEMO_USERS.caseworker);
      expect(await setDeliveryIdentifier(tx, worker, "hetu")).toEqual({
        ok: false,
        message: "validation.forbidden",
      });
      expect(await identifierOf(DEMO_ORGANISERS.main)).toBe("birth_date");
      const denied = await auditRows(tx, "settings.deliveryIdentifier");
      expect(denied).toHaveLength(1);
      expect(denied[0]).toMatchObject({ outcome: "denied", actorUserId: worker.userId });

      const admin = await actorOf(tx, DEMO_USERS.admin);
      expect(await setDeliveryIdentifier(tx, admin, "hetu")).toEqual({ ok: true, changed: true });
      expect(await identifierOf(DEMO_ORGANISERS.main)).toBe("hetu");
      expect(await identifierOf(DEMO_ORGANISERS.small)).toBe("birth_date");
      const saved = (await auditRows(tx, "settings.deliveryIdentifier")).filter(
        (r) => r.outcome === "success",
      );
      expect(saved).toHaveLength(1);
      expect(saved[0]).toMatchObject({
        actorUserId: admin.userId,
        organiserId: DEMO_ORGANISERS.main,
        entityType: "organiser",
        entityId: DEMO_ORGANISERS.main,
        details: { from: "birth_date", to: "hetu" },
      });

      expect(await setDeliveryIdentifier(tx, admin, "hetu")).toEqual({ ok: true, changed: false });
    });
  });
});
