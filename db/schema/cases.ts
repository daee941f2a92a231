import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
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

/**
 * A client of one organiser. Name and personal identity code are stored only encrypted
 * (lib/crypto/field.ts, bound to the organiser); hetuHash is a keyed HMAC for exact-match
 * lookups, so the same person is one client row per organiser.
 */
export const clients = pgTable(
  "clients",
  {
    id: uuid().primaryKey().defaultRandom(),
    organiserId: uuid()
      .notNull()
      .references(() => organisers.id),
    nameEnc: text().notNull(),
    hetuEnc: text().notNull(),
    hetuHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("clients_organiser_hetu_idx").on(t.organiserId, t.hetuHash)],
);

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
    clientId: uuid().references(() => clients.id),
    responsibleUserId: text().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("cases_organiser_idx").on(t.organiserId),
    index("cases_client_idx").on(t.clientId),
    // The case list's order: a page of 50 without sorting 100,000 cases. NULLS FIRST as in
    // ORDER BY … DESC, or PostgreSQL cannot use the index for it.
    index("cases_organiser_created_idx").on(
      t.organiserId,
      t.createdAt.desc().nullsFirst(),
      t.caseOid,
    ),
    // The target of access_windows' (case_id, service_task) foreign key.
    unique("cases_id_service_task_key").on(t.id, t.serviceTask),
  ],
);

/**
 * How many cases each organiser has, kept by statement triggers on cases (migration 0011) in
 * the transaction that inserts, moves or deletes them. The case list's pager reads it: counting
 * 100,000 cases on every page view cost PostgreSQL 12–25 ms a request.
 */
export const organiserCaseCounts = pgTable("organiser_case_counts", {
  organiserId: uuid()
    .primaryKey()
    .references(() => organisers.id),
  cases: integer().notNull().default(0),
});

/**
 * Service implementation (palvelun toteutus): the phase of a case in which a social service is
 * delivered. A case may hold several (e.g. housing from one unit, meals from another).
 */
export const serviceImplementations = pgTable(
  "service_implementations",
  {
    id: uuid().primaryKey().defaultRandom(),
    organiserId: uuid()
      .notNull()
      .references(() => organisers.id),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    service: text().notNull(),
    startsOn: date().notNull(),
    endsOn: date(),
    voucher: boolean().notNull().default(false),
    /** Optimistic concurrency: every change increments it. */
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("service_implementations_organiser_idx").on(t.organiserId),
    uniqueIndex("service_implementations_case_service_start_idx").on(
      t.caseId,
      t.service,
      t.startsOn,
    ),
  ],
);

/** Provider resource (resurssi): a provider's service unit attached to an implementation. */
export const providerResources = pgTable(
  "provider_resources",
  {
    id: uuid().primaryKey().defaultRandom(),
    organiserId: uuid()
      .notNull()
      .references(() => organisers.id),
    implementationId: uuid()
      .notNull()
      .references(() => serviceImplementations.id),
    serviceUnitId: uuid()
      .notNull()
      .references(() => serviceUnits.id),
    startsOn: date().notNull(),
    endsOn: date(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("provider_resources_organiser_idx").on(t.organiserId),
    index("provider_resources_unit_idx").on(t.serviceUnitId),
    uniqueIndex("provider_resources_impl_unit_idx").on(t.implementationId, t.serviceUnitId),
  ],
);

export const windowStates = ["planned", "open", "closed", "invalidated"] as const;
export type WindowState = (typeof windowStates)[number];

export const windowSources = ["proposed", "golive", "reissue"] as const;
export type WindowSource = (typeof windowSources)[number];

/**
 * A register access window of one service unit on one case. States planned → open → closed
 * follow the dates (lib/windows/job.ts); invalidated is final and links to its reissue.
 */
export const accessWindows = pgTable(
  "access_windows",
  {
    id: uuid().primaryKey().defaultRandom(),
    organiserId: uuid()
      .notNull()
      .references(() => organisers.id),
    caseId: uuid().notNull(),
    /**
     * The case's service task, copied so the readiness dashboard counts tasks per provider
     * without joining 300,000 windows to their cases (ADR 13). The foreign key on
     * (case_id, service_task), ON UPDATE CASCADE, keeps the copy equal to the case's.
     */
    serviceTask: text({ enum: serviceTasks }).notNull(),
    serviceUnitId: uuid()
      .notNull()
      .references(() => serviceUnits.id),
    implementationId: uuid().references(() => serviceImplementations.id),
    resourceId: uuid().references(() => providerResources.id),
    opensOn: date().notNull(),
    closesOn: date(),
    state: text({ enum: windowStates }).notNull().default("planned"),
    source: text({ enum: windowSources }).notNull().default("proposed"),
    /** The client was already in service on the go-live date (DOMAIN rule 4). */
    existingClient: boolean().notNull().default(false),
    /** The eligibility policy version the window was granted under (0 = built-in defaults). */
    policyVersion: integer().notNull().default(0),
    /** An admin granted access to an ineligible unit: their written justification. */
    overrideJustification: text(),
    overrideBy: text(),
    /** The closing date was set by hand (close now, changed): the service end no longer moves it. */
    datesManual: boolean().notNull().default(false),
    invalidatedAt: timestamp({ withTimezone: true }),
    invalidatedBy: text(),
    invalidatedReason: text(),
    /** The invalidated window this one was issued to replace. */
    replacesId: uuid().references((): AnyPgColumn => accessWindows.id),
    /** Optimistic concurrency: every change increments it. */
    version: integer().notNull().default(1),
    createdBy: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: "access_windows_case_task_fk",
      columns: [t.caseId, t.serviceTask],
      foreignColumns: [cases.id, cases.serviceTask],
    }).onUpdate("cascade"),
    // Also the window list's order (by opening date; the case OID breaks ties by incremental
    // sort). Its prefix serves every query by organiser, so there is no index on that alone.
    index("access_windows_organiser_opens_idx").on(t.organiserId, t.opensOn),
    index("access_windows_case_idx").on(t.caseId),
    index("access_windows_unit_idx").on(t.serviceUnitId),
    index("access_windows_state_opens_idx").on(t.state, t.opensOn),
    index("access_windows_state_closes_idx").on(t.state, t.closesOn),
    // One live window per resource: re-running the go-live step cannot open anything twice.
    uniqueIndex("access_windows_live_resource_idx")
      .on(t.resourceId)
      .where(sql`state <> 'invalidated'`),
  ],
);

/**
 * How many windows each provider has per service task with one organiser, kept by statement
 * triggers on access_windows (migration 0010), so the readiness dashboard reads one row per
 * provider and task instead of aggregating every window on every load (ADR 13). A service
 * unit never moves to another provider (a trigger refuses it), so the counts cannot drift.
 */
export const providerWindowTasks = pgTable(
  "provider_window_tasks",
  {
    // Derived counts, no foreign keys: they must never stand in the way of removing what they
    // count (a provider whose windows are gone keeps rows of zeros, which read as nothing).
    organiserId: uuid().notNull(),
    providerId: uuid().notNull(),
    serviceTask: text({ enum: serviceTasks }).notNull(),
    /** Every window, invalidated ones too (the dashboard's tasks of a provider count them). */
    windows: integer().notNull(),
    /** Windows that are not invalidated (planned, open or closed): access was opened. */
    liveWindows: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.organiserId, t.providerId, t.serviceTask] })],
);

/**
 * Versioned eligibility policy settings of one organiser (lib/eligibility/policy.ts). A save
 * adds a version; windows remember the version they were granted under.
 */
export const eligibilityPolicies = pgTable(
  "eligibility_policies",
  {
    id: uuid().primaryKey().defaultRandom(),
    organiserId: uuid()
      .notNull()
      .references(() => organisers.id),
    version: integer().notNull(),
    settings: jsonb().notNull(),
    createdBy: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("eligibility_policies_org_version_idx").on(t.organiserId, t.version)],
);

export type Client = typeof clients.$inferSelect;
export type Case = typeof cases.$inferSelect;
export type ServiceImplementation = typeof serviceImplementations.$inferSelect;
export type ProviderResource = typeof providerResources.$inferSelect;
export type AccessWindow = typeof accessWindows.$inferSelect;
export type ProviderWindowTasks = typeof providerWindowTasks.$inferSelect;
export type EligibilityPolicy = typeof eligibilityPolicies.$inferSelect;
