import {
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { organisers } from "./organisers";

export const reminderKinds = ["oid_missing", "window_should_close", "delete_client_data"] as const;
export type ReminderKind = (typeof reminderKinds)[number];

export const reminderStatuses = ["queued", "sent", "failed"] as const;
export type ReminderStatus = (typeof reminderStatuses)[number];

/** An organiser's reminder schedule (lib/reminders/rules.ts ReminderSettings); defaults until saved. */
export const reminderSettings = pgTable("reminder_settings", {
  organiserId: uuid()
    .primaryKey()
    .references(() => organisers.id),
  settings: jsonb().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedBy: text(),
});

/**
 * One row per reminder ever queued. The unique index on (organiser, kind, targetKey) is what
 * makes a reminder impossible to send twice: a run inserts the row first (ON CONFLICT DO
 * NOTHING) and queues the message only if its insert won, in the same transaction.
 * targetKey names what the reminder is about and which step of the schedule it is, e.g.
 * `contact:<id>/campaign:<id>/d14`, `window:<id>/n0`, `window:<id>/contact:<id>/d30`.
 * Nothing here is client data (ids, an e-mail address of a contact or a case worker).
 */
export const reminderLog = pgTable(
  "reminder_log",
  {
    id: uuid().primaryKey().defaultRandom(),
    organiserId: uuid()
      .notNull()
      .references(() => organisers.id),
    kind: text({ enum: reminderKinds }).notNull(),
    targetKey: text().notNull(),
    recipient: text().notNull(),
    sentAt: timestamp({ withTimezone: true }),
    /** The message (reminder_outbox) that carries this reminder; several may share one. */
    outboxId: uuid().references((): AnyPgColumn => reminderOutbox.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("reminder_log_once_idx").on(t.organiserId, t.kind, t.targetKey),
    index("reminder_log_organiser_created_idx").on(t.organiserId, t.createdAt),
    index("reminder_log_outbox_idx").on(t.outboxId),
  ],
);

/**
 * Reminder e-mails waiting to be sent (lib/reminders/sender.ts), independent of the case-OID
 * outbox. `raw` is the complete plain-text message (RFC 5322, quoted-printable): reminders
 * carry no client data, only case OIDs, dates, counts and links.
 */
export const reminderOutbox = pgTable(
  "reminder_outbox",
  {
    id: uuid().primaryKey().defaultRandom(),
    organiserId: uuid()
      .notNull()
      .references(() => organisers.id),
    /** The (first) log row of the reminder. */
    logId: uuid()
      .notNull()
      .references((): AnyPgColumn => reminderLog.id),
    recipient: text().notNull(),
    subject: text().notNull(),
    messageId: text().notNull().unique(),
    raw: text().notNull(),
    status: text({ enum: reminderStatuses }).notNull().default("queued"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Set while a sender holds the row; a stale lock is taken over. */
    lockedAt: timestamp({ withTimezone: true }),
    lastError: text(),
    sentAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("reminder_outbox_due_idx").on(t.status, t.nextAttemptAt),
    index("reminder_outbox_log_idx").on(t.logId),
  ],
);

export type ReminderLogRow = typeof reminderLog.$inferSelect;
export type ReminderOutboxRow = typeof reminderOutbox.$inferSelect;
