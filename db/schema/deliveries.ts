import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisers } from "./organisers";
import { contactPeople, providers } from "./providers";
import { accessWindows, cases } from "./cases";

export const deliveryMethods = ["smime", "pgp", "pickup"] as const;
export type DeliveryMethod = (typeof deliveryMethods)[number];

export const deliveryStatuses = ["queued", "sending", "sent", "failed"] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

export const deliveryKinds = ["case_oid", "batch"] as const;
export type DeliveryKind = (typeof deliveryKinds)[number];

/**
 * The durable outbox (ADR 9). A row is written in the same transaction as the request to send;
 * a worker delivers it with retries. `raw` is the complete message as it goes to SMTP: its body is
 * encrypted to the recipient (S/MIME or OpenPGP) or, for portal pickup, a notice with no client
 * data; the pickup content itself is sealed with the client data key. Nothing here is client
 * data in plaintext. The Message-ID is fixed when the row is written, so a resend after a crash
 * is recognisably the same message.
 */
export const outboxMessages = pgTable(
  "outbox_messages",
  {
    id: uuid().primaryKey().defaultRandom(),
    organiserId: uuid()
      .notNull()
      .references(() => organisers.id),
    kind: text({ enum: deliveryKinds }).notNull(),
    caseId: uuid().references(() => cases.id),
    windowId: uuid().references(() => accessWindows.id),
    providerId: uuid()
      .notNull()
      .references(() => providers.id),
    contactId: uuid()
      .notNull()
      .references(() => contactPeople.id),
    recipient: text().notNull(),
    method: text({ enum: deliveryMethods }).notNull(),
    status: text({ enum: deliveryStatuses }).notNull().default("queued"),
    attempts: integer().notNull().default(0),
    maxAttempts: integer().notNull().default(8),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lockedAt: timestamp({ withTimezone: true }),
    messageId: text().notNull().unique(),
    /** One request (a click, a batch) per recipient: a double click finds its own row. */
    requestKey: text().notNull().unique(),
    subject: text().notNull(),
    raw: text().notNull(),
    pickupEnc: text(),
    pickedUpAt: timestamp({ withTimezone: true }),
    /** Number of cases the message lists (1 for a single case OID). */
    caseCount: integer().notNull().default(1),
    /** A batch's id, shared by its messages (progress). */
    batchId: uuid(),
    lastError: text(),
    smtpResponse: text(),
    sentAt: timestamp({ withTimezone: true }),
    createdBy: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("outbox_due_idx").on(t.status, t.nextAttemptAt),
    index("outbox_organiser_idx").on(t.organiserId, t.createdAt),
    index("outbox_case_idx").on(t.caseId),
    index("outbox_contact_idx").on(t.contactId),
    index("outbox_batch_idx").on(t.batchId),
  ],
);

export type OutboxMessage = typeof outboxMessages.$inferSelect;
