import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { organisers } from "./organisers";
import { providers } from "./providers";

export const roles = ["caseworker", "project_staff", "admin", "provider_contact"] as const;
export type Role = (typeof roles)[number];
export const staffRoles = ["caseworker", "project_staff", "admin"] as const;
export type StaffRole = (typeof staffRoles)[number];

/**
 * Auth.js users, extended with the portal's role and scope. Staff belong to one
 * organiser; a provider contact belongs to exactly one provider (the check
 * constraint makes any other combination impossible).
 */
export const users = pgTable(
  "users",
  {
    id: text()
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    name: text(),
    email: text().unique(),
    emailVerified: timestamp({ mode: "date", withTimezone: true }),
    image: text(),
    role: text({ enum: roles }),
    organiserId: uuid().references(() => organisers.id),
    providerId: uuid().references(() => providers.id),
    locale: text({ enum: ["fi", "sv", "en"] }),
    isDemo: boolean().notNull().default(false),
    disabledAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      "users_scope_matches_role",
      sql`(${t.role} is null and ${t.organiserId} is null and ${t.providerId} is null)
        or (${t.role} = 'provider_contact' and ${t.providerId} is not null and ${t.organiserId} is null)
        or (${t.role} in ('caseworker','project_staff','admin') and ${t.organiserId} is not null and ${t.providerId} is null)`,
    ),
    index("users_organiser_idx").on(t.organiserId),
    index("users_provider_idx").on(t.providerId),
  ],
);

export const accounts = pgTable(
  "accounts",
  {
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text().notNull(),
    provider: text().notNull(),
    providerAccountId: text().notNull(),
    refresh_token: text(),
    access_token: text(),
    expires_at: integer(),
    token_type: text(),
    scope: text(),
    id_token: text(),
    session_state: text(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

/** Unused with JWT sessions, but part of the Auth.js adapter contract. */
export const sessions = pgTable("sessions", {
  sessionToken: text().primaryKey(),
  userId: text()
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  expires: timestamp({ mode: "date", withTimezone: true }).notNull(),
});

/** Magic-link tokens: Auth.js stores a hash and deletes the row when it is used. */
export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text().notNull(),
    token: text().notNull(),
    expires: timestamp({ mode: "date", withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

export type User = typeof users.$inferSelect;
