import { boolean, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** A welfare area (hyvinvointialue): the tenant. Every organiser-owned row carries its id. */
export const organisers = pgTable("organisers", {
  id: uuid().primaryKey().defaultRandom(),
  code: text().notNull().unique(),
  nameFi: text().notNull(),
  nameSv: text().notNull(),
  nameEn: text().notNull(),
  /** What identifies the client in a case-OID message: birth date (default) or identity code. */
  deliveryIdentifier: text({ enum: ["birth_date", "hetu"] })
    .notNull()
    .default("birth_date"),
  /** Provider contacts of providers working with this organiser must add a TOTP second factor. */
  requireProviderTotp: boolean().notNull().default(false),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type Organiser = typeof organisers.$inferSelect;
