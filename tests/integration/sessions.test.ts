import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { userSessions } from "@/db/schema";
import { DEMO_USERS, seedDemo } from "@/db/seed/demo";
import {
  checkSession,
  createSession,
  purgeSessions,
  revokeSession,
  revokeUserSessions,
} from "@/lib/auth/sessions";
import { openTestDb, withRollback } from "../helpers/db";

let t: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t?.close());

const LIMITS = { idleMinutes: 30, maxHours: 10 };
const T0 = new Date("2026-03-02T08:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const USER = DEMO_USERS.caseworker;

describe("server-side sessions (injected clock)", () => {
  it("a fresh session counts; an unknown id or another user's id does not", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const sid = await createSession(tx, USER, T0);
      expect((await checkSession(tx, sid, USER, LIMITS, at(1))).ok).toBe(true);
      expect(await checkSession(tx, "no-such-session", USER, LIMITS, at(1))).toEqual({
        ok: false,
        reason: "missing",
      });
      expect(await checkSession(tx, undefined, USER, LIMITS, at(1))).toEqual({
        ok: false,
        reason: "missing",
      });
      expect(await checkSession(tx, sid, DEMO_USERS.admin, LIMITS, at(1))).toEqual({
        ok: false,
        reason: "missing",
      });
    });
  });

  it("ends after the idle timeout; each request within it moves last_seen_at (at most once a minute)", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const sid = await createSession(tx, USER, T0);
      const seen = async () =>
        (await tx.select().from(userSessions).where(eq(userSessions.id, sid)))[0]!.lastSeenAt;
      // 30 seconds in: valid, but not written again yet.
      expect((await checkSession(tx, sid, USER, LIMITS, new Date(T0.getTime() + 30_000))).ok).toBe(
        true,
      );
      expect(await seen()).toEqual(T0);
      // Every 25 minutes a request: the session lives on past 30 minutes from sign-in.
      for (const m of [25, 50, 75]) {
        expect((await checkSession(tx, sid, USER, LIMITS, at(m))).ok, `at ${m} min`).toBe(true);
        expect(await seen()).toEqual(at(m));
      }
      // 30 minutes after the last request is still within; a minute more is not.
      expect((await checkSession(tx, sid, USER, LIMITS, at(75 + 30))).ok).toBe(true);
      expect(await checkSession(tx, sid, USER, LIMITS, at(75 + 30 + 31))).toEqual({
        ok: false,
        reason: "idle",
      });
    });
  });

  it("ends at the absolute timeout however active", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const sid = await createSession(tx, USER, T0);
      for (let m = 20; m <= 10 * 60; m += 20)
        expect((await checkSession(tx, sid, USER, LIMITS, at(m))).ok, `at ${m} min`).toBe(true);
      expect(await checkSession(tx, sid, USER, LIMITS, at(10 * 60 + 1))).toEqual({
        ok: false,
        reason: "absolute",
      });
    });
  });

  it("a revoked session stays ended and is never revived by a late refresh", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const sid = await createSession(tx, USER, T0);
      const other = await createSession(tx, USER, T0);
      await revokeSession(tx, sid, "sign_out", at(2));
      expect(await checkSession(tx, sid, USER, LIMITS, at(3))).toEqual({
        ok: false,
        reason: "revoked",
      });
      // The user's other sign-in is untouched.
      expect((await checkSession(tx, other, USER, LIMITS, at(3))).ok).toBe(true);
      const [row] = await tx.select().from(userSessions).where(eq(userSessions.id, sid));
      expect(row).toMatchObject({ revokedAt: at(2), revokeReason: "sign_out" });
      // Revoking all of a user's sessions ends the other one and counts only live ones.
      expect(await revokeUserSessions(tx, USER, "user_disabled", at(4))).toBe(1);
      expect(await checkSession(tx, other, USER, LIMITS, at(5))).toEqual({
        ok: false,
        reason: "revoked",
      });
      const [first] = await tx.select().from(userSessions).where(eq(userSessions.id, sid));
      expect(first?.revokeReason).toBe("sign_out");
    });
  });

  it("purges sessions that ended over a day ago and keeps live ones", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const old = await createSession(tx, USER, T0);
      await revokeSession(tx, old, "sign_out", at(1));
      const live = await createSession(tx, USER, at(24 * 60 + 10));
      await purgeSessions(tx, LIMITS, at(24 * 60 + 20));
      const ids = (await tx.select({ id: userSessions.id }).from(userSessions)).map((r) => r.id);
      expect(ids).not.toContain(old);
      expect(ids).toContain(live);
    });
  });
});
