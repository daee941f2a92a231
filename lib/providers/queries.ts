import {
  and,
  asc,
  count,
  desc,
  eq,
  exists,
  ilike,
  isNotNull,
  or,
  sql,
  type SQL,
} from "drizzle-orm";
import type { Executor } from "@/db";
import {
  clientInformationSystems,
  contactPeople,
  organiserProviderServices,
  organiserProviders,
  organiserSystems,
  organisers,
  providers,
  serviceUnits,
} from "@/db/schema";
import type { AuditActor } from "@/lib/audit";
import { organiserOf, providerOf } from "@/lib/auth/scope";
import { readinessFilter, systemAndTaskFilters } from "@/lib/readiness/queries";
import type { ProviderFilters } from "./filters";

export const PAGE_SIZE = 25;

function escapeLike(s: string) {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The most rows one unpaged (`all: true`) list returns: exports stay bounded. */
export const EXPORT_CAP = 50_000;

/**
 * Options of listOrganiserProviders: the filters of lib/providers/filters.ts (all optional, so
 * `parseProviderFilters(searchParams)` fits as is) plus `all: true` for an unpaged list (exports;
 * at most EXPORT_CAP rows, `page` ignored).
 */
export type ProviderListOptions = Partial<ProviderFilters> & { all?: boolean };

/**
 * Providers the actor's organiser has a relationship with (staff side), filtered, sorted and a
 * page at a time (or all of them with `all: true`). `total` counts every match, also beyond a
 * page or the export cap.
 */
export async function listOrganiserProviders(
  db: Executor,
  actor: AuditActor,
  opts: ProviderListOptions,
) {
  const organiserId = organiserOf(actor);
  // Conditions name organiser_providers.provider_id rather than providers.id (equal through the
  // join), so the total can be counted without joining providers unless the search needs them.
  const providerId = organiserProviders.providerId;
  const filters: SQL[] = [eq(organiserProviders.organiserId, organiserId)];
  if (opts.q) {
    const like = `%${escapeLike(opts.q)}%`;
    filters.push(or(ilike(providers.name, like), ilike(providers.businessId, like))!);
  }
  if (opts.status) {
    filters.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(serviceUnits)
          .where(
            and(eq(serviceUnits.providerId, providerId), eq(serviceUnits.oidStatus, opts.status)),
          ),
      ),
    );
  }
  filters.push(...systemAndTaskFilters(db, organiserId, providerId, opts));
  const readiness = await readinessFilter(db, organiserId, providerId, opts);
  if (readiness) filters.push(readiness);
  const where = and(...filters);
  // Unit counts as correlated subqueries: computed for the page's 25 rows through the
  // provider_id index, not for all 25,000 units before the page is picked (HTTP bench, ADR 13).
  const ofUnits = (expr: SQL) =>
    sql<number>`(select ${expr} from ${serviceUnits} where ${serviceUnits.providerId} = ${providers.id})`.mapWith(
      Number,
    );
  const attention = ofUnits(
    sql`count(*) filter (where ${serviceUnits.oidStatus} in ('missing', 'submitted', 'needs_attention', 'returned'))`,
  );
  const page = opts.all ? 1 : Math.max(1, Math.trunc(opts.page ?? 1) || 1);
  const limit = opts.all ? EXPORT_CAP : PAGE_SIZE;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: providers.id,
        name: providers.name,
        businessId: providers.businessId,
        relationship: organiserProviders.relationship,
        units: ofUnits(sql`count(*)`),
        withOid: ofUnits(sql`count(${serviceUnits.oid})`),
        attention,
      })
      .from(organiserProviders)
      .innerJoin(providers, eq(providers.id, organiserProviders.providerId))
      .where(where)
      .orderBy(
        ...(opts.sort === "businessId"
          ? [asc(providers.businessId)]
          : opts.sort === "attention"
            ? [desc(attention), asc(providers.name)]
            : [asc(providers.name)]),
        asc(providers.id),
      )
      .limit(limit)
      .offset((page - 1) * limit),
    // An index-only count of the organiser's relationships (1 ms instead of 6-8 ms at 10,000
    // providers) unless the text search needs the providers' names.
    opts.q
      ? db
          .select({ n: count() })
          .from(organiserProviders)
          .innerJoin(providers, eq(providers.id, organiserProviders.providerId))
          .where(where)
      : db.select({ n: count() }).from(organiserProviders).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** One provider as the actor's organiser sees it; null when it has no relationship (never another tenant's view). */
export async function getOrganiserProvider(db: Executor, actor: AuditActor, providerId: string) {
  const organiserId = organiserOf(actor);
  const [provider] = await db
    .select({
      id: providers.id,
      name: providers.name,
      businessId: providers.businessId,
      relationship: organiserProviders.relationship,
      purchasedService: organiserProviders.purchasedService,
      serviceVoucher: organiserProviders.serviceVoucher,
      reviewState: organiserProviders.reviewState,
      notes: organiserProviders.notes,
    })
    .from(organiserProviders)
    .innerJoin(providers, eq(providers.id, organiserProviders.providerId))
    .where(and(eq(organiserProviders.organiserId, organiserId), eq(providers.id, providerId)));
  if (!provider) return null;
  const [units, contacts] = await Promise.all([
    unitsOf(db, providerId),
    db
      .select()
      .from(contactPeople)
      .where(eq(contactPeople.providerId, providerId))
      .orderBy(asc(contactPeople.name)),
  ]);
  return { ...provider, units, contacts };
}

function unitsOf(db: Executor, providerId: string) {
  return db
    .select({
      id: serviceUnits.id,
      version: serviceUnits.version,
      name: serviceUnits.name,
      oid: serviceUnits.oid,
      oidStatus: serviceUnits.oidStatus,
      oidReason: serviceUnits.oidReason,
      oidSubmittedLate: serviceUnits.oidSubmittedLate,
      municipality: serviceUnits.municipality,
      cisId: serviceUnits.cisId,
      kantaInUse: serviceUnits.kantaInUse,
      kantaSince: serviceUnits.kantaSince,
      cisName: clientInformationSystems.name,
    })
    .from(serviceUnits)
    .leftJoin(clientInformationSystems, eq(clientInformationSystems.id, serviceUnits.cisId))
    .where(eq(serviceUnits.providerId, providerId))
    .orderBy(asc(serviceUnits.name));
}

/** The provider contact's own provider. */
export async function getOwnProvider(db: Executor, actor: AuditActor) {
  const [p] = await db
    .select()
    .from(providers)
    .where(eq(providers.id, providerOf(actor)));
  return p ?? null;
}

export function listOwnUnits(db: Executor, actor: AuditActor) {
  return unitsOf(db, providerOf(actor));
}

/** A unit of the actor's own provider, or null (also when the id belongs to another provider). */
export async function getOwnUnit(db: Executor, actor: AuditActor, unitId: string) {
  const [unit] = await db
    .select({
      id: serviceUnits.id,
      name: serviceUnits.name,
      oid: serviceUnits.oid,
      municipality: serviceUnits.municipality,
      kantaInUse: serviceUnits.kantaInUse,
      kantaSince: serviceUnits.kantaSince,
      cisName: clientInformationSystems.name,
    })
    .from(serviceUnits)
    .leftJoin(clientInformationSystems, eq(clientInformationSystems.id, serviceUnits.cisId))
    .where(and(eq(serviceUnits.id, unitId), eq(serviceUnits.providerId, providerOf(actor))));
  return unit ?? null;
}

export function listOwnContacts(db: Executor, actor: AuditActor) {
  return db
    .select()
    .from(contactPeople)
    .where(eq(contactPeople.providerId, providerOf(actor)))
    .orderBy(asc(contactPeople.name));
}

/** Systems used by the provider's units, with each organiser's deployment-test state. */
export async function listOwnSystems(db: Executor, actor: AuditActor) {
  const providerId = providerOf(actor);
  return db
    .selectDistinct({
      cisId: clientInformationSystems.id,
      name: clientInformationSystems.name,
      vendor: clientInformationSystems.vendor,
      organiserFi: organisers.nameFi,
      organiserSv: organisers.nameSv,
      organiserEn: organisers.nameEn,
      testStatus: organiserSystems.testStatus,
      testDate: organiserSystems.testDate,
    })
    .from(serviceUnits)
    .innerJoin(clientInformationSystems, eq(clientInformationSystems.id, serviceUnits.cisId))
    .innerJoin(organiserProviders, eq(organiserProviders.providerId, serviceUnits.providerId))
    .innerJoin(organisers, eq(organisers.id, organiserProviders.organiserId))
    .leftJoin(
      organiserSystems,
      and(
        eq(organiserSystems.cisId, clientInformationSystems.id),
        eq(organiserSystems.organiserId, organiserProviders.organiserId),
      ),
    )
    .where(and(eq(serviceUnits.providerId, providerId), isNotNull(serviceUnits.cisId)))
    .orderBy(asc(clientInformationSystems.name), asc(organisers.nameFi));
}

/** All client information systems, for choosing a unit's system. */
export function listSystems(db: Executor) {
  return db
    .select({ id: clientInformationSystems.id, name: clientInformationSystems.name })
    .from(clientInformationSystems)
    .orderBy(asc(clientInformationSystems.name));
}

/** Client information systems with the organiser's deployment-test state and how many of its providers use each. */
export async function listSystemsForOrganiser(db: Executor, actor: AuditActor) {
  const organiserId = organiserOf(actor);
  return db
    .select({
      id: clientInformationSystems.id,
      name: clientInformationSystems.name,
      vendor: clientInformationSystems.vendor,
      testStatus: organiserSystems.testStatus,
      testDate: organiserSystems.testDate,
      needsCaseNumbers: organiserSystems.needsCaseNumbers,
      providers: sql<number>`count(distinct ${organiserProviders.providerId})`.mapWith(Number),
    })
    .from(clientInformationSystems)
    .leftJoin(
      organiserSystems,
      and(
        eq(organiserSystems.cisId, clientInformationSystems.id),
        eq(organiserSystems.organiserId, organiserId),
      ),
    )
    .leftJoin(serviceUnits, eq(serviceUnits.cisId, clientInformationSystems.id))
    .leftJoin(
      organiserProviders,
      and(
        eq(organiserProviders.providerId, serviceUnits.providerId),
        eq(organiserProviders.organiserId, organiserId),
      ),
    )
    .groupBy(
      clientInformationSystems.id,
      organiserSystems.testStatus,
      organiserSystems.testDate,
      organiserSystems.needsCaseNumbers,
    )
    .orderBy(asc(clientInformationSystems.name));
}

/** The services (catalogue codes) the organiser buys from a provider. */
export async function providerServices(db: Executor, actor: AuditActor, providerId: string) {
  const rows = await db
    .select({ service: organiserProviderServices.service })
    .from(organiserProviderServices)
    .where(
      and(
        eq(organiserProviderServices.organiserId, organiserOf(actor)),
        eq(organiserProviderServices.providerId, providerId),
      ),
    );
  return rows.map((r) => r.service);
}

/** Whether the actor's organiser works with (has a relationship with) the provider. */
export async function organiserWorksWith(db: Executor, actor: AuditActor, providerId: string) {
  const [rel] = await db
    .select({ id: organiserProviders.providerId })
    .from(organiserProviders)
    .where(
      and(
        eq(organiserProviders.organiserId, organiserOf(actor)),
        eq(organiserProviders.providerId, providerId),
      ),
    );
  return Boolean(rel);
}
