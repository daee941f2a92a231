import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { rateLimits, verificationTokens } from "@/db/schema";
import { hit, LIMITS, purgeOld, rateLimitKey, slidingDecision } from "@/lib/auth/rate-limit";
import { openTestDb } from "../helpers/db";

let t: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t?.close());

/** A key of its own for each test, so tests (and runs on a shared database) never collide. */
const freshKey = () => rateLimitKey("test", randomUUID());
const LIMIT = { limit: 5, windowSeconds: 15 * 60 };
/** 10:03:20 UTC: the 15-minute window runs 10:00–10:15. */
const T0 = new Date("2026-03-02T10:03:20Z");

describe("sliding-window rate limit", () => {
  it("allows exactly N hits and refuses the (N+1)th until an attempt would fit again", async () => {
    const key = freshKey();
    for (let i = 1; i <= LIMIT.limit; i++) {
      expect(await hit(t.db, key, LIMIT, T0), `hit ${i}`).toEqual({
        allowed: true,
        retryAfterSeconds: 0,
      });
    }
    // Not before 10:15, and then the 6 hits of this window still weigh until 10:20 (900 s × 1/3).
    expect(await hit(t.db, key, LIMIT, T0)).toEqual({
      allowed: false,
      retryAfterSeconds: 11 * 60 + 40 + 5 * 60,
    });
    expect((await hit(t.db, key, LIMIT, T0)).allowed).toBe(false);
  });

  it("carries the previous window's count over the boundary, fading (injected clock)", async () => {
    const key = freshKey();
    for (let i = 0; i <= LIMIT.limit; i++) await hit(t.db, key, LIMIT, T0);
    expect(await hit(t.db, key, LIMIT, new Date("2026-03-02T10:14:59Z"))).toMatchObject({
      allowed: false,
    });
    // 7 hits in 10:00–10:15. A fixed window would let 5 more through at 10:15:00.
    expect((await hit(t.db, key, LIMIT, new Date("2026-03-02T10:15:00Z"))).allowed).toBe(false);
    // 10:20: 1 + 1 (this one) + 7 × 2/3 = 6.67 > 5.
    expect(await hit(t.db, key, LIMIT, new Date("2026-03-02T10:20:00Z"))).toEqual({
      allowed: false,
      // 3 + 7 × (1 − s/900) ≤ 5 from s = 643 (10:25:43), 343 s on.
      retryAfterSeconds: 343,
    });
    expect((await hit(t.db, key, LIMIT, new Date("2026-03-02T10:25:43Z"))).allowed).toBe(true);
    const rows = await t.db.select().from(rateLimits).where(eq(rateLimits.key, key));
    expect(rows.map((r) => r.count).sort()).toEqual([3, LIMIT.limit + 2]);
  });

  it("the estimate: a burst on either side of a boundary cannot pass twice the limit", () => {
    const W = 900_000;
    // Just after the boundary a full previous window blocks everything.
    expect(slidingDecision(1, 5, 1000, W, 5).allowed).toBe(false);
    // Half-way, half of it still counts.
    expect(slidingDecision(3, 4, W / 2, W, 5).allowed).toBe(true);
    expect(slidingDecision(4, 4, W / 2, W, 5).allowed).toBe(false);
    // With no history it is the plain count.
    expect(slidingDecision(5, 0, 0, W, 5)).toEqual({ allowed: true, retryAfterSeconds: 0 });
    // Whatever the split, the hits allowed within any W never exceed the limit by more than 1.
    for (let split = 0; split <= 5; split++) {
      let allowed = 0;
      for (let i = 1; i <= 10; i++)
        if (slidingDecision(i, split, 0.01 * W, W, 5).allowed) allowed++;
      expect(split + allowed).toBeLessThanOrEqual(6);
    }
  });

  it("counts two concurrent hits twice", async () => {
    const key = freshKey();
    await Promise.all([hit(t.db, key, LIMIT, T0), hit(t.db, key, LIMIT, T0)]);
    const [row] = await t.db.select().from(rateLimits).where(eq(rateLimits.key, key));
    expect(row?.count).toBe(2);
    const many = await Promise.all(Array.from({ length: 10 }, () => hit(t.db, key, LIMIT, T0)));
    // 12 hits in all: hits 3–5 pass, hits 6–12 are refused, whatever order they ran in.
    expect(many.filter((r) => r.allowed)).toHaveLength(3);
  });

  it("keys hold no e-mail address, only a hash of it", async () => {
    const address = `Rate.Limit.${randomUUID()}@Example.test`;
    const key = rateLimitKey("magic-link:address", address);
    expect(key).toBe(rateLimitKey("magic-link:address", address.toLowerCase()));
    await hit(t.db, key, LIMITS.magicLinkAddress, T0);
    const rows = await t.db.select().from(rateLimits);
    expect(rows.length).toBeGreaterThan(0);
    const dump = JSON.stringify(rows).toLowerCase();
    expect(dump).not.toContain(address.toLowerCase());
    expect(dump).not.toContain("@");
    expect(key).toMatch(/^magic-link:address:[0-9a-f]{64}$/);
  });

  it("purgeOld removes old windows and expired magic-link tokens only", async () => {
    const oldKey = freshKey();
    const currentKey = freshKey();
    const now = new Date("2026-03-05T12:00:00Z");
    await hit(t.db, oldKey, LIMIT, new Date("2026-03-03T12:00:00Z"));
    await hit(t.db, currentKey, LIMIT, now);
    const identifier = `purge-${randomUUID()}`;
    await t.db.insert(verificationTokens).values([
      { identifier, token: "expired", expires: new Date("2026-03-05T11:59:00Z") },
      { identifier, token: "valid", expires: new Date("2026-03-05T12:10:00Z") },
    ]);
    const purged = await purgeOld(t.db, now);
    expect(purged.rateLimits).toBeGreaterThanOrEqual(1);
    expect(purged.verificationTokens).toBeGreaterThanOrEqual(1);
    const keys = (await t.db.select({ key: rateLimits.key }).from(rateLimits)).map((r) => r.key);
    expect(keys).not.toContain(oldKey);
    expect(keys).toContain(currentKey);
    const tokens = await t.db
      .select({ token: verificationTokens.token })
      .from(verificationTokens)
      .where(eq(verificationTokens.identifier, identifier));
    expect(tokens.map((r) => r.token)).toEqual(["valid"]);
    await t.db.execute(sql`delete from verification_tokens where identifier = ${identifier}`);
  });
});
