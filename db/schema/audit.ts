import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const auditOutcomes = ["success", "denied", "failure"] as const;
export type AuditOutcome = (typeof auditOutcomes)[number];

/**
 * Append-only audit trail. A trigger (migration 0001) makes the database refuse
 * UPDATE, DELETE and TRUNCATE, so not even a bug in the app can rewrite history.
 * No foreign keys: rows must outlive the users and entities they mention (12 years).
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    organiserId: uuid(),
    providerId: uuid(),
    actorUserId: text(),
    actorRole: text(),
    action: text().notNull(),
    entityType: text(),
    entityId: text(),
    outcome: text({ enum: auditOutcomes }).notNull(),
    sourceIp: text(),
    purpose: text(),
    details: jsonb().$type<Record<string, unknown>>(),
  },
  (t) => [
    index("audit_log_organiser_at_idx").on(t.organiserId, t.at),
    index("audit_log_actor_idx").on(t.actorUserId, t.at),
    index("audit_log_entity_idx").on(t.entityType, t.entityId),
  ],
);

export type AuditRow = typeof auditLog.$inferSelect;
