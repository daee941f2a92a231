import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** A welfare area (hyvinvointialue): the tenant. Every organiser-owned row carries its id. */
export const organisers = pgTable("organisers", {
  id: uuid().primaryKey().defaultRandom(),
  code: text().notNull().unique(),
  nameFi: text().notNull(),
  nameSv: text().notNull(),
  nameEn: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type Organiser = typeof organisers.$inferSelect;
