import { date, index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { organisers } from "./organisers";
import { contactPeople } from "./providers";

/** An organiser's OID submission campaign (default 1 May – 15 June). */
export const campaigns = pgTable(
  "campaigns",
  {
    id: uuid().primaryKey().defaultRandom(),
    organiserId: uuid()
      .notNull()
      .references(() => organisers.id),
    opensOn: date().notNull(),
    closesOn: date().notNull(),
    createdBy: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("campaigns_organiser_idx").on(t.organiserId)],
);

/** One invitation e-mail per contact person per campaign; a failed send stays for a retry. */
export const campaignInvitations = pgTable(
  "campaign_invitations",
  {
    id: uuid().primaryKey().defaultRandom(),
    campaignId: uuid()
      .notNull()
      .references(() => campaigns.id),
    organiserId: uuid()
      .notNull()
      .references(() => organisers.id),
    contactId: uuid()
      .notNull()
      .references(() => contactPeople.id),
    status: text({ enum: ["queued", "sent", "failed"] })
      .notNull()
      .default("queued"),
    attempts: integer().notNull().default(0),
    sentAt: timestamp({ withTimezone: true }),
    messageId: text(),
    error: text(),
  },
  (t) => [unique("campaign_invitations_once").on(t.campaignId, t.contactId)],
);

export type Campaign = typeof campaigns.$inferSelect;
