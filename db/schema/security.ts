import { index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";

/**
 * Fixed-window rate-limit counters shared by every app instance (lib/auth/rate-limit.ts).
 * One row per key and window; `key` is a scope prefix plus a sha256 hash, so the table never
 * holds an e-mail address or an IP address in clear. Old windows are removed by purgeOld.
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text().notNull(),
    windowStart: timestamp({ mode: "date", withTimezone: true }).notNull(),
    count: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

/**
 * Server-side sessions behind the JWT (issue 7, ADR 11). The JWT carries only `sid`; a session
 * counts while its row exists, is not revoked and is within the idle and absolute timeouts, so
 * sign-out, disabling a user or an administrator's revocation end it at the next request.
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    /** 256 random bits, base64url; never shown to anyone but the cookie's owner. */
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp({ mode: "date", withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ mode: "date", withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp({ mode: "date", withTimezone: true }),
    /** sign_out, user_disabled, … */
    revokeReason: text(),
    /** When the session passed the second factor (provider contacts who need TOTP). */
    mfaVerifiedAt: timestamp({ mode: "date", withTimezone: true }),
  },
  (t) => [index("user_sessions_user_idx").on(t.userId)],
);

export type UserSession = typeof userSessions.$inferSelect;

/**
 * A provider contact's TOTP second factor (ADR 11). The secret is encrypted with the field key
 * (lib/crypto/field.ts); `confirmedAt` is null until the contact has entered one good code;
 * `lastStep` is the time step of the last accepted code, so a code is never accepted twice.
 */
export const userTotp = pgTable("user_totp", {
  userId: text()
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  secret: text().notNull(),
  createdAt: timestamp({ mode: "date", withTimezone: true }).notNull().defaultNow(),
  confirmedAt: timestamp({ mode: "date", withTimezone: true }),
  lastStep: integer(),
});

export type UserTotp = typeof userTotp.$inferSelect;
