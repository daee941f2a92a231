import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { rateLimits, verificationTokens } from "@/db/schema";
import { hit, LIMITS, purgeOld, rateLimitKey } from "@/lib/auth/rate-limit";
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

describe("fixed-window rate limit", () => {
  it("allows exactly N hits and refuses the (N+1)th with the time left in the window", async () => {
    const key = freshKey();
    for (let i = 1; i <= LIMIT.limit; i++) {
      expect(await hit(t.db, key, LIMIT, T0), `hit ${i}`).toEqual({
        allowed: true,
        retryAfterSeconds: 0,
      });
    }
    expect(await hit(t.db, key, LIMIT, T0)).toEqual({
      allowed: false,
      retryAfterSeconds: 11 * 60 + 40,
    });
    expect((await hit(t.db, key, LIMIT, T0)).allowed).toBe(false);
  });

  it("starts a new count when the window rolls over (injected clock)", async () => {
    const key = freshKey();
    for (let i = 0; i <= LIMIT.limit; i++) await hit(t.db, key, LIMIT, T0);
    const lastSecond = new Date("2026-03-02T10:14:59Z");
    expect(await hit(t.db, key, LIMIT, lastSecond)).toEqual({
      allowed: false,
      retryAfterSeconds: 1,
    });
    const next = new Date("2026-03-02T10:15:00Z");
    expect((await hit(t.db, key, LIMIT, next)).allowed).toBe(true);
    const rows = await t.db.select().from(rateLimits).where(eq(rateLimits.key, key));
    expect(rows.map((r) => r.count).sort()).toEqual([1, LIMIT.limit + 2]);
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
