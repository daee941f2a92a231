import { createHash } from "node:crypto";
import { lt, sql } from "drizzle-orm";
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
 * Counts one attempt for `key` in the fixed window containing `now` and tells whether it is
 * within the limit. One atomic upsert, so concurrent hits from several app instances each
 * count exactly once. The (limit+1)th hit in a window is the first one refused.
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
  const count = row?.count ?? 1;
  if (count <= limit) return { allowed: true, retryAfterSeconds: 0 };
  const retryAfterSeconds = Math.max(
    1,
    Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000),
  );
  return { allowed: false, retryAfterSeconds };
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
