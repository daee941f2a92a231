import { randomBytes } from "node:crypto";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Executor } from "@/db";
import { userSessions, type UserSession } from "@/db/schema";

/** Server-side sessions behind the JWT (ADR 11). */

export type SessionLimits = { idleMinutes: number; maxHours: number };

export type SessionCheck =
  | { ok: true; session: UserSession }
  | { ok: false; reason: "missing" | "revoked" | "idle" | "absolute" };

/** last_seen_at is written at most this often, so a busy page does not write on every request. */
export const TOUCH_EVERY_MS = 60_000;

export function newSessionId(): string {
  return randomBytes(32).toString("base64url");
}

/** Pure: whether a session row still counts at `now`. */
export function judgeSession(
  row: UserSession | undefined,
  userId: string,
  now: Date,
  limits: SessionLimits,
): SessionCheck {
  if (!row || row.userId !== userId) return { ok: false, reason: "missing" };
  if (row.revokedAt) return { ok: false, reason: "revoked" };
  if (now.getTime() - row.createdAt.getTime() > limits.maxHours * 3_600_000)
    return { ok: false, reason: "absolute" };
  if (now.getTime() - row.lastSeenAt.getTime() > limits.idleMinutes * 60_000)
    return { ok: false, reason: "idle" };
  return { ok: true, session: row };
}

/** One row per sign-in; the id goes into the JWT as `sid`. */
export async function createSession(
  db: Executor,
  userId: string,
  now: Date = new Date(),
): Promise<string> {
  const id = newSessionId();
  await db.insert(userSessions).values({ id, userId, createdAt: now, lastSeenAt: now });
  return id;
}

/**
 * Checks the session `sid` of `userId` at `now` and, when it counts, refreshes last_seen_at
 * (at most once a minute).
 */
export async function checkSession(
  db: Executor,
  sid: string | undefined,
  userId: string,
  limits: SessionLimits,
  now: Date = new Date(),
): Promise<SessionCheck> {
  if (!sid) return { ok: false, reason: "missing" };
  const [row] = await db.select().from(userSessions).where(eq(userSessions.id, sid));
  return settleSession(db, row, userId, limits, now);
}

/**
 * checkSession for a row the caller has already read (the request's session state reads it in
 * one query with its user): judges it and, when it counts, refreshes last_seen_at.
 */
export async function settleSession(
  db: Executor,
  row: UserSession | undefined,
  userId: string,
  limits: SessionLimits,
  now: Date = new Date(),
): Promise<SessionCheck> {
  const check = judgeSession(row, userId, now, limits);
  if (check.ok && now.getTime() - check.session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    const sid = check.session.id;
    // Only moves forward and never revives a session revoked in the meantime.
    await db
      .update(userSessions)
      .set({ lastSeenAt: now })
      .where(
        and(
          eq(userSessions.id, sid),
          isNull(userSessions.revokedAt),
          lt(userSessions.lastSeenAt, now),
        ),
      );
  }
  return check;
}

export async function revokeSession(
  db: Executor,
  sid: string,
  reason: string,
  now: Date = new Date(),
): Promise<void> {
  await db
    .update(userSessions)
    .set({ revokedAt: now, revokeReason: reason })
    .where(and(eq(userSessions.id, sid), isNull(userSessions.revokedAt)));
}

/** Ends every live session of a user (disabled, TOTP reset, …); returns how many. */
export async function revokeUserSessions(
  db: Executor,
  userId: string,
  reason: string,
  now: Date = new Date(),
): Promise<number> {
  const rows = await db
    .update(userSessions)
    .set({ revokedAt: now, revokeReason: reason })
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt)))
    .returning({ id: userSessions.id });
  return rows.length;
}

export async function markMfaVerified(
  db: Executor,
  sid: string,
  now: Date = new Date(),
): Promise<void> {
  await db.update(userSessions).set({ mfaVerifiedAt: now }).where(eq(userSessions.id, sid));
}

/** Removes sessions that ended more than a day ago (called at server start with purgeOld). */
export async function purgeSessions(
  db: Executor,
  limits: SessionLimits,
  now: Date = new Date(),
): Promise<number> {
  const dayAgo = new Date(now.getTime() - 86_400_000);
  const rows = await db
    .delete(userSessions)
    .where(
      or(
        lt(userSessions.revokedAt, dayAgo),
        lt(userSessions.createdAt, new Date(dayAgo.getTime() - limits.maxHours * 3_600_000)),
      ),
    )
    .returning({ id: userSessions.id });
  return rows.length;
}
