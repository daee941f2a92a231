import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, users, userSessions, userTotp } from "@/db/schema";
import { DEMO_ORGANISERS, DEMO_USERS, seedDemo, seedId } from "@/db/seed/demo";
import type { Executor } from "@/db";
import { checkSession, createSession } from "@/lib/auth/sessions";
import { listManagedUsers, resetUserTotp, setUserDisabled } from "@/lib/users/admin";
import { actorOf, openTestDb, withRollback } from "../helpers/db";

let t: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t?.close());

const LIMITS = { idleMinutes: 30, maxHours: 10 };
const SMALL_ADMIN = "test-admin-rannikko";
/** A contact of provider 7, which works only with the main organiser. */
const MAIN_ONLY_CONTACT = "test-contact-provider-7";

async function seed(tx: Executor) {
  await seedDemo(tx);
  await tx.insert(users).values([
    {
      id: SMALL_ADMIN,
      name: "Rita Rannikko",
      email: "rita@rannikko.example",
      role: "admin",
      organiserId: DEMO_ORGANISERS.small,
    },
    {
      id: MAIN_ONLY_CONTACT,
      name: "Veera Vain",
      email: "veera@provider7.example",
      role: "provider_contact",
      providerId: seedId("provider:7"),
    },
  ]);
}

const auditRows = (tx: Executor, action: string) =>
  tx.select().from(auditLog).where(eq(auditLog.action, action));

describe("user administration", () => {
  it("lists the organiser's staff and its providers' contacts only, with search", async () => {
    await withRollback(t.db, async (tx) => {
      await seed(tx);
      const main = await actorOf(tx, DEMO_USERS.admin);
      const small = await actorOf(tx, SMALL_ADMIN);
      const mainIds = (await listManagedUsers(tx, main)).map((u) => u.id);
      expect(mainIds).toEqual(
        expect.arrayContaining([
          DEMO_USERS.caseworker,
          DEMO_USERS.admin,
          DEMO_USERS.providerContact,
          MAIN_ONLY_CONTACT,
        ]),
      );
      expect(mainIds).not.toContain(DEMO_USERS.otherCaseworker);
      expect(mainIds).not.toContain(SMALL_ADMIN);
      const smallIds = (await listManagedUsers(tx, small)).map((u) => u.id);
      // Provider 0 works with both organisers; provider 7 only with the main one.
      expect(smallIds).toEqual(
        expect.arrayContaining([
          DEMO_USERS.otherCaseworker,
          SMALL_ADMIN,
          DEMO_USERS.providerContact,
        ]),
      );
      expect(smallIds).not.toContain(MAIN_ONLY_CONTACT);
      expect(smallIds).not.toContain(DEMO_USERS.caseworker);
      expect((await listManagedUsers(tx, main, "virtanen")).map((u) => u.id)).toEqual([
        DEMO_USERS.providerContact,
      ]);
      // A LIKE wildcard in the search is taken literally.
      expect(await listManagedUsers(tx, main, "%")).toEqual([]);
    });
  });

  it("disabling ends every session of the user in the same transaction, audited; enabling undoes it", async () => {
    await withRollback(t.db, async (tx) => {
      await seed(tx);
      const admin = { ...(await actorOf(tx, DEMO_USERS.admin)), sourceIp: "192.0.2.1" };
      const s1 = await createSession(tx, DEMO_USERS.providerContact);
      const s2 = await createSession(tx, DEMO_USERS.providerContact);
      expect(
        await setUserDisabled(tx, admin, { userId: DEMO_USERS.providerContact, disabled: true }),
      ).toEqual({ ok: true });
      for (const sid of [s1, s2])
        expect(await checkSession(tx, sid, DEMO_USERS.providerContact, LIMITS)).toEqual({
          ok: false,
          reason: "revoked",
        });
      const rows = await tx
        .select()
        .from(userSessions)
        .where(eq(userSessions.userId, DEMO_USERS.providerContact));
      expect(rows.map((r) => r.revokeReason)).toEqual(["user_disabled", "user_disabled"]);
      const [u] = await tx.select().from(users).where(eq(users.id, DEMO_USERS.providerContact));
      expect(u?.disabledAt).toBeInstanceOf(Date);
      const [audit] = await auditRows(tx, "users.disable");
      expect(audit).toMatchObject({
        actorUserId: DEMO_USERS.admin,
        outcome: "success",
        entityType: "user",
        entityId: DEMO_USERS.providerContact,
        sourceIp: "192.0.2.1",
        details: { changes: { disabled: { from: false, to: true } }, revokedSessions: 2 },
      });
      expect(
        await setUserDisabled(tx, admin, { userId: DEMO_USERS.providerContact, disabled: false }),
      ).toEqual({ ok: true });
      const [again] = await tx.select().from(users).where(eq(users.id, DEMO_USERS.providerContact));
      expect(again?.disabledAt).toBeNull();
      expect(await auditRows(tx, "users.enable")).toHaveLength(1);
    });
  });

  it("an admin cannot touch another organiser's users, nor disable themselves; refusals change nothing and are audited", async () => {
    await withRollback(t.db, async (tx) => {
      await seed(tx);
      const small = await actorOf(tx, SMALL_ADMIN);
      const sid = await createSession(tx, MAIN_ONLY_CONTACT);
      for (const userId of [MAIN_ONLY_CONTACT, DEMO_USERS.caseworker]) {
        expect(await setUserDisabled(tx, small, { userId, disabled: true })).toEqual({
          ok: false,
          message: "validation.notFound",
        });
        const [u] = await tx.select().from(users).where(eq(users.id, userId));
        expect(u?.disabledAt).toBeNull();
      }
      expect((await checkSession(tx, sid, MAIN_ONLY_CONTACT, LIMITS)).ok).toBe(true);
      const denied = await tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "users.disable"), eq(auditLog.outcome, "denied")));
      expect(denied.map((r) => r.entityId).sort()).toEqual(
        [DEMO_USERS.caseworker, MAIN_ONLY_CONTACT].sort(),
      );
      // The shared provider's contact is the small organiser's to manage too.
      expect(
        await setUserDisabled(tx, small, { userId: DEMO_USERS.providerContact, disabled: true }),
      ).toEqual({ ok: true });

      const main = await actorOf(tx, DEMO_USERS.admin);
      expect(await setUserDisabled(tx, main, { userId: DEMO_USERS.admin, disabled: true })).toEqual(
        { ok: false, message: "users.notSelf" },
      );
      const [self] = await tx.select().from(users).where(eq(users.id, DEMO_USERS.admin));
      expect(self?.disabledAt).toBeNull();
      // Only admins: a case worker is refused by role.
      const worker = await actorOf(tx, DEMO_USERS.caseworker);
      expect(
        await setUserDisabled(tx, worker, { userId: MAIN_ONLY_CONTACT, disabled: true }),
      ).toEqual({ ok: false, message: "validation.forbidden" });
    });
  });

  it("resetting a contact's TOTP removes it and ends their sessions, audited", async () => {
    await withRollback(t.db, async (tx) => {
      await seed(tx);
      const admin = await actorOf(tx, DEMO_USERS.admin);
      await tx
        .insert(userTotp)
        .values({ userId: DEMO_USERS.providerContact, secret: "x", confirmedAt: new Date() });
      const sid = await createSession(tx, DEMO_USERS.providerContact);
      expect(await resetUserTotp(tx, admin, { userId: DEMO_USERS.providerContact })).toEqual({
        ok: true,
      });
      expect(
        await tx.select().from(userTotp).where(eq(userTotp.userId, DEMO_USERS.providerContact)),
      ).toEqual([]);
      expect((await checkSession(tx, sid, DEMO_USERS.providerContact, LIMITS)).ok).toBe(false);
      const [audit] = await auditRows(tx, "users.resetTotp");
      expect(audit).toMatchObject({ outcome: "success", details: { hadTotp: true } });
      const small = await actorOf(tx, SMALL_ADMIN);
      expect(await resetUserTotp(tx, small, { userId: MAIN_ONLY_CONTACT })).toEqual({
        ok: false,
        message: "validation.notFound",
      });
    });
  });
});
