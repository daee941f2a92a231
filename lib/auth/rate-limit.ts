import { createHash } from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { rateLimits, verificationTokens } from "@/db/schema";

export type RateLimit = { limit: number; windowSeconds: number };
export type RateLimitResult = { allowed: boolean; retryAfterSeconds: number };

/** The limits the sign-in pages apply (issue 7). */
export const LIMITS = {
  /** Magic-link requests for one e-mail address. */
  magicLinkAddress: { limit: 5, windowSeconds: 15 * 60 },
  /** Magic-link requests from one IP address. */
  magicLinkIp: { limit: 30, windowSeconds: 15 * 60 },
  /** OIDC sign-in starts from one IP address. */
  signInIp: { limit: 60, windowSeconds: 15 * 60 },
} as const satisfies Record<string, RateLimit>;

/** Windows older than this are removed by purgeOld (longer than any window in use). */
const KEEP_SECONDS = 24 * 60 * 60;

/**
 * A rate-limit key: a scope and the sha256 of the value, so the table never holds an
 * e-mail or IP address in clear. E-mail addresses are normalised before hashing.
 */
export function rateLimitKey(scope: string, value: string): string {
  const hash = createHash("sha256").update(value.trim().toLowerCase()).digest("hex");
  return `${scope}:${hash}`;
}

/**
 * The sliding-window estimate (as in Cloudflare's limiter): the hits in the current fixed window
 * plus the previous window's hits weighted by how much of it still lies within the last
 * `windowMs`. A plain fixed window lets a client spend the limit twice around a boundary (at
 * 10:14:59 and again at 10:15:00); the estimate does not. Pure, so it is tested directly.
 *
 * `current` includes this hit; refused hits count too, so hammering on extends the wait.
 * `retryAfterSeconds` is when one more attempt would be within the limit.
 */
export function slidingDecision(
  current: number,
  previous: number,
  elapsedMs: number,
  windowMs: number,
  limit: number,
): RateLimitResult {
  const estimate = current + previous * (1 - elapsedMs / windowMs);
  if (estimate <= limit) return { allowed: true, retryAfterSeconds: 0 };
  let waitMs: number;
  if (current + 1 <= limit) {
    // Later in this window: the previous window's weight must fall to what is left.
    waitMs = windowMs * (1 - (limit - current - 1) / previous) - elapsedMs;
  } else {
    // Not before the next window, where this window's hits weigh in as the previous ones.
    waitMs = windowMs - elapsedMs + Math.max(0, windowMs * (1 - (limit - 1) / current));
  }
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
}

/**
 * Counts one attempt for `key` and tells whether it is within the limit (sliding window, see
 * slidingDecision). The count is one atomic upsert into the fixed window containing `now`, so
 * concurrent hits from several app instances each count exactly once.
 */
export async function hit(
  db: Executor,
  key: string,
  { limit, windowSeconds }: RateLimit,
  now: Date = new Date(),
): Promise<RateLimitResult> {
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimits.key, rateLimits.windowStart],
      set: { count: sql`rate_limits.count + 1` },
    })
    .returning({ count: rateLimits.count });
  const [prev] = await db
    .select({ count: rateLimits.count })
    .from(rateLimits)
    .where(
      and(
        eq(rateLimits.key, key),
        eq(rateLimits.windowStart, new Date(windowStart.getTime() - windowMs)),
      ),
    );
  return slidingDecision(
    row?.count ?? 1,
    prev?.count ?? 0,
    now.getTime() - windowStart.getTime(),
    windowMs,
    limit,
  );
}

/**
 * Removes rate-limit windows older than a day and expired magic-link tokens (Auth.js deletes a
 * token itself when it is used). Called at server start (scripts/serve.ts).
 */
export async function purgeOld(
  db: Executor,
  now: Date = new Date(),
): Promise<{ rateLimits: number; verificationTokens: number }> {
  const windows = await db
    .delete(rateLimits)
    .where(lt(rateLimits.windowStart, new Date(now.getTime() - KEEP_SECONDS * 1000)))
    .returning({ key: rateLimits.key });
  const tokens = await db
    .delete(verificationTokens)
    .where(lt(verificationTokens.expires, now))
    .returning({ token: verificationTokens.token });
  return { rateLimits: windows.length, verificationTokens: tokens.length };
}
