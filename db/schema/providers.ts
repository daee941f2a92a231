import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { organisers } from "./organisers";

/**
 * Providers, their service units, contact people and client information systems
 * are shared across organisers: a provider submits its OIDs once (DOMAIN rule 10).
 */
export const providers = pgTable(
  "providers",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    businessId: text().notNull().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("providers_name_idx").on(t.name)],
);

export const clientInformationSystems = pgTable("client_information_systems", {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull().unique(),
  vendor: text().notNull(),
});

export const oidStatuses = [
  "missing",
  "submitted",
  "verified",
  "needs_attention",
  "returned",
] as const;
export type OidStatus = (typeof oidStatuses)[number];

export const serviceUnits = pgTable(
  "service_units",
  {
    id: uuid().primaryKey().defaultRandom(),
    providerId: uuid()
      .notNull()
      .references(() => providers.id),
    name: text().notNull(),
    oid: text().unique(),
    municipality: text().notNull(),
    cisId: uuid().references(() => clientInformationSystems.id),
    kantaInUse: boolean().notNull().default(false),
    kantaSince: date(),
    /** missing → submitted → verified | needs_attention (register check) | returned (by staff). */
    oidStatus: text({ enum: oidStatuses }).notNull().default("missing"),
    /** Why the OID needs attention or was returned: a reason code, or the staff's own words. */
    oidReason: text(),
    oidSubmittedAt: timestamp({ withTimezone: true }),
    /** Submitted outside the organiser's open campaign window. */
    oidSubmittedLate: boolean().notNull().default(false),
    oidReviewedAt: timestamp({ withTimezone: true }),
    oidReviewedBy: text(),
    /** Optimistic concurrency: every change increments it. */
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("service_units_provider_idx").on(t.providerId),
    index("service_units_oid_status_idx").on(t.oidStatus),
    index("service_units_name_idx").on(t.name),
  ],
);

export const contactPeople = pgTable(
  "contact_people",
  {
    id: uuid().primaryKey().defaultRandom(),
    providerId: uuid()
      .notNull()
      .references(() => providers.id),
    name: text().notNull(),
    email: text().notNull(),
    phone: text(),
    language: text({ enum: ["fi", "sv", "en"] })
      .notNull()
      .default("fi"),
    title: text(),
    receivesCaseOids: boolean().notNull().default(false),
    /** Public key for encrypted mail: an S/MIME certificate or an OpenPGP public key (PEM/armored). */
    encryptionKeyKind: text({ enum: ["smime", "pgp"] }),
    encryptionKey: text(),
    encryptionKeyFingerprint: text(),
    encryptionKeyExpires: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("contact_people_provider_idx").on(t.providerId)],
);

export const providerRelationships = ["invited", "contract"] as const;

/** An organiser's own view of a provider: it sees only providers it has a relationship with. */
export const organiserProviders = pgTable(
  "organiser_providers",
  {
    organiserId: uuid()
      .notNull()
      .references(() => organisers.id),
    providerId: uuid()
      .notNull()
      .references(() => providers.id),
    relationship: text({ enum: providerRelationships }).notNull(),
    purchasedService: boolean().notNull().default(true),
    serviceVoucher: boolean().notNull().default(false),
    reviewState: text({ enum: ["not_reviewed", "needs_attention", "reviewed"] })
      .notNull()
      .default("not_reviewed"),
    notes: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organiserId, t.providerId] }),
    index("organiser_providers_provider_idx").on(t.providerId),
  ],
);

export const deploymentTestStatuses = [
  "not_contacted",
  "scheduled",
  "passed",
  "retest_needed",
] as const;
export type DeploymentTestStatus = (typeof deploymentTestStatuses)[number];

/** Deployment test (käyttöönottokoe) state of one system with one organiser. */
export const organiserSystems = pgTable(
  "organiser_systems",
  {
    organiserId: uuid()
      .notNull()
      .references(() => organisers.id),
    cisId: uuid()
      .notNull()
      .references(() => clientInformationSystems.id),
    testStatus: text({ enum: deploymentTestStatuses }).notNull().default("not_contacted"),
    testDate: date(),
    needsCaseNumbers: boolean().notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.organiserId, t.cisId] })],
);

export type Provider = typeof providers.$inferSelect;
export type ServiceUnit = typeof serviceUnits.$inferSelect;
export type ContactPerson = typeof contactPeople.$inferSelect;
export type ClientInformationSystem = typeof clientInformationSystems.$inferSelect;

/** The social services (catalogue codes) a provider produces for one organiser. */
export const organiserProviderServices = pgTable(
  "organiser_provider_services",
  {
    organiserId: uuid()
      .notNull()
      .references(() => organisers.id),
    providerId: uuid()
      .notNull()
      .references(() => providers.id),
    service: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.organiserId, t.providerId, t.service] })],
);
