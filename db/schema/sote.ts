import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * Snapshots of THL's SOTE-organisaatiorekisteri (a public national register,
 * so not organiser-owned). Only the latest snapshot's entries are kept; older
 * snapshots keep their metadata.
 */
export const soteSnapshots = pgTable("sote_snapshots", {
  id: uuid().primaryKey().defaultRandom(),
  uploadedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  uploadedBy: text(),
  organiserId: uuid(),
  fileName: text(),
  entryCount: integer().notNull().default(0),
  socialUnitCount: integer().notNull().default(0),
  status: text({ enum: ["importing", "complete", "failed"] })
    .notNull()
    .default("importing"),
});

export const soteEntries = pgTable(
  "sote_entries",
  {
    snapshotId: uuid()
      .notNull()
      .references(() => soteSnapshots.id, { onDelete: "cascade" }),
    oid: text().notNull(),
    active: boolean().notNull(),
    longName: text(),
    hierarchyLevel: text(),
    parentOid: text(),
    businessId: text(),
    sector: text(),
    socialServiceUnit: boolean().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.snapshotId, t.oid] }),
    index("sote_entries_business_id_idx").on(t.businessId),
  ],
);

export type SoteSnapshot = typeof soteSnapshots.$inferSelect;
