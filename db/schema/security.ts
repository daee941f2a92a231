import { integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

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
