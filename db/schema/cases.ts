import { date, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisers } from "./organisers";
import { serviceUnits } from "./providers";
import { users } from "./auth";

export const serviceTasks = [
  "older_people",
  "working_age",
  "families_with_children",
  "child_welfare",
  "disability",
] as const;
export type ServiceTask = (typeof serviceTasks)[number];

/** A social welfare case (asia) of one organiser, identified by its case OID. */
export const cases = pgTable(
  "cases",
  {
    id: uuid().primaryKey().defaultRandom(),
    organiserId: uuid()
      .notNull()
      .references(() => organisers.id),
    caseOid: text().notNull().unique(),
    serviceTask: text({ enum: serviceTasks }).notNull(),
    responsibleUserId: text().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("cases_organiser_idx").on(t.organiserId)],
);

export const windowStates = ["planned", "open", "closed", "invalidated"] as const;
export type WindowState = (typeof windowStates)[number];

/** A register access window of one service unit on one case. */
export const accessWindows = pgTable(
  "access_windows",
  {
    id: uuid().primaryKey().defaultRandom(),
    organiserId: uuid()
      .notNull()
      .references(() => organisers.id),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    serviceUnitId: uuid()
      .notNull()
      .references(() => serviceUnits.id),
    opensOn: date().notNull(),
    closesOn: date(),
    state: text({ enum: windowStates }).notNull().default("planned"),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("access_windows_organiser_idx").on(t.organiserId),
    index("access_windows_case_idx").on(t.caseId),
    index("access_windows_unit_idx").on(t.serviceUnitId),
  ],
);

export type Case = typeof cases.$inferSelect;
export type AccessWindow = typeof accessWindows.$inferSelect;
