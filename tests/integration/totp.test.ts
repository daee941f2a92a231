import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, organisers, users, userSessions, userTotp } from "@/db/schema";
import { DEMO_ORGANISERS, DEMO_USERS, seedDemo, seedId } from "@/db/seed/demo";
import type { Executor } from "@/db";
import { createSession } from "@/lib/auth/sessions";
import {
  enrolment,
  mfaRequirement,
  setRequireProviderTotp,
  TOTP_LIMIT,
  totpOf,
  verifyTotp,
} from "@/lib/auth/totp";
import { actorOf, openTestDb, withRollback } from "../helpers/db";

let t: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t?.close());

const CONTACT = DEMO_USERS.providerContact; // provider 0: works with both organisers
const T0 = new Date("2026-03-02T10:00:10Z");
const at = (s: number) => new Date(T0.getTime() + s * 1000);
const code = (secret: string, d: Date) => totpOf(secret, "x").generate({ timestamp: d.getTime() });
/** A code the check refuses at d: the enrolment's secret is random, so "000000" could be right. */
const wrongCode = (secret: string, d: Date) => {
  const window = [-30, 0, 30].map((s) => code(secret, new Date(d.getTime() + s * 1000)));
  return ["000000", "111111", "222222", "333333"].find((c) => !window.includes(c))!;
};

async function contactActor(tx: Executor) {
  const a = await actorOf(tx, CONTACT);
  return { ...a, userId: CONTACT };
}

const verified = async (tx: Executor, sid: string) =>
  (await tx.select().from(userSessions).where(eq(userSessions.id, sid)))[0]!.mfaVerifiedAt;

describe("TOTP second factor for provider contacts", () => {
  it("is required when any organiser the provider works with requires it, and never for staff", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      expect(await mfaRequirement(tx, CONTACT, null)).toBeNull();
      const admin = await actorOf(tx, DEMO_USERS.admin);
      // The small organiser alone requiring it is enough for the shared provider's contact.
      await setRequireProviderTotp(tx, admin, DEMO_ORGANISERS.small, true);
      expect(await mfaRequirement(tx, CONTACT, null)).toBe("enrol");
      expect(await mfaRequirement(tx, CONTACT, new Date())).toBeNull();
      expect(await mfaRequirement(tx, DEMO_USERS.caseworker, null)).toBeNull();
      // Provider 7 works only with the main organiser, which does not require it.
      await tx.insert(users).values({
        id: "test-contact-7",
        email: "test7@provider7.example",
        role: "provider_contact",
        providerId: seedId("provider:7"),
      });
      expect(await mfaRequirement(tx, "test-contact-7", null)).toBeNull();
      const [audit] = await tx
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, "settings.providerTotp"));
      expect(audit).toMatchObject({ outcome: "success", details: { from: false, to: true } });
    });
  });

  it("enrols with a right code: secret encrypted at rest, session verified, then a code is asked", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      await tx.update(organisers).set({ requireProviderTotp: true });
      const sid = await createSession(tx, CONTACT, T0);
      const e = await enrolment(tx, CONTACT, "anna@example");
      expect(e.uri).toMatch(/^otpauth:\/\/totp\//);
      expect(e.qrDataUrl).toMatch(/^data:image\/png;base64,/);
      // The same secret on a reload; stored only encrypted.
      expect((await enrolment(tx, CONTACT, "anna@example")).secret).toBe(e.secret);
      const [row] = await tx.select().from(userTotp).where(eq(userTotp.userId, CONTACT));
      expect(row?.secret).toMatch(/^v1\./);
      expect(row?.secret).not.toContain(e.secret);

      const actor = await contactActor(tx);
      expect(await verifyTotp(tx, actor, sid, wrongCode(e.secret, T0), T0)).toEqual({
        ok: false,
        reason: "code",
      });
      expect(await verified(tx, sid)).toBeNull();
      expect(await verifyTotp(tx, actor, sid, code(e.secret, T0), T0)).toEqual({ ok: true });
      expect(await verified(tx, sid)).toEqual(T0);
      expect(await mfaRequirement(tx, CONTACT, null)).toBe("code");
      const actions = (
        await tx
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.entityId, CONTACT), eq(auditLog.entityType, "user")))
      ).map((r) => `${r.action}:${r.outcome}`);
      expect(actions).toEqual(
        expect.arrayContaining(["auth.totp.verify:failure", "auth.totp.enrol:success"]),
      );
    });
  });

  it("never accepts the same code twice, even in another session", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      await tx.update(organisers).set({ requireProviderTotp: true });
      const e = await enrolment(tx, CONTACT, "anna@example");
      const actor = await contactActor(tx);
      const s1 = await createSession(tx, CONTACT, T0);
      expect((await verifyTotp(tx, actor, s1, code(e.secret, T0), T0)).ok).toBe(true);
      const s2 = await createSession(tx, CONTACT, at(5));
      expect(await verifyTotp(tx, actor, s2, code(e.secret, T0), at(5))).toEqual({
        ok: false,
        reason: "code",
      });
      expect(await verified(tx, s2)).toBeNull();
      // The next time step's code works.
      expect((await verifyTotp(tx, actor, s2, code(e.secret, at(30)), at(30))).ok).toBe(true);
    });
  });

  it("is rate-limited per user: after the limit even a right code is refused", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      await tx.update(organisers).set({ requireProviderTotp: true });
      const e = await enrolment(tx, CONTACT, "anna@example");
      const actor = await contactActor(tx);
      const sid = await createSession(tx, CONTACT, T0);
      for (let i = 0; i < TOTP_LIMIT.limit; i++)
        expect((await verifyTotp(tx, actor, sid, wrongCode(e.secret, T0), T0)).ok).toBe(false);
      expect(await verifyTotp(tx, actor, sid, code(e.secret, T0), T0)).toEqual({
        ok: false,
        reason: "rateLimited",
      });
      expect(await verified(tx, sid)).toBeNull();
      const denied = await tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "auth.totp.verify"), eq(auditLog.outcome, "denied")));
      expect(denied).toHaveLength(1);
    });
  });
});
