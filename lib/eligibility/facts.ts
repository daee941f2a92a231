import { and, eq, inArray, isNotNull, type SQL } from "drizzle-orm";
import type { Executor } from "@/db";
import {
  organiserProviderServices,
  organiserProviders,
  organiserSystems,
  providers,
  serviceUnits,
} from "@/db/schema";
import type { ProviderFacts } from "./policy";

export type UnitFacts = {
  unitId: string;
  unitName: string;
  oid: string | null;
  providerId: string;
  providerName: string;
  facts: ProviderFacts;
};

/** OID states that count as "the unit has an OID" for rule 3 (submitted or verified). */
const OID_COUNTS = new Set(["submitted", "verified"]);

/**
 * The facts rule 3 needs about service units, as one organiser sees them: only units of
 * providers in the organiser's registry are returned (others are unknown to it). The CIS
 * test state and the provider's purchased services are this organiser's own.
 */
export async function loadUnitFacts(
  db: Executor,
  organiserId: string,
  filter: { unitIds?: string[]; withOidOnly?: boolean } = {},
): Promise<Map<string, UnitFacts>> {
  const conditions: SQL[] = [];
  if (filter.unitIds) {
    if (filter.unitIds.length === 0) return new Map();
    conditions.push(inArray(serviceUnits.id, filter.unitIds));
  }
  if (filter.withOidOnly) conditions.push(isNotNull(serviceUnits.oid));
  const rows = await db
    .select({
      unitId: serviceUnits.id,
      unitName: serviceUnits.name,
      oid: serviceUnits.oid,
      oidStatus: serviceUnits.oidStatus,
      providerId: providers.id,
      providerName: providers.name,
      purchased: organiserProviders.purchasedService,
      testStatus: organiserSystems.testStatus,
    })
    .from(serviceUnits)
    .innerJoin(providers, eq(providers.id, serviceUnits.providerId))
    .innerJoin(
      organiserProviders,
      and(
        eq(organiserProviders.providerId, serviceUnits.providerId),
        eq(organiserProviders.organiserId, organiserId),
      ),
    )
    .leftJoin(
      organiserSystems,
      and(
        eq(organiserSystems.cisId, serviceUnits.cisId),
        eq(organiserSystems.organiserId, organiserId),
      ),
    )
    .where(conditions.length ? and(...conditions) : undefined);

  const providerIds = [...new Set(rows.map((r) => r.providerId))];
  const services = new Map<string, string[]>();
  if (providerIds.length > 0) {
    const serviceRows = await db
      .select({
        providerId: organiserProviderServices.providerId,
        service: organiserProviderServices.service,
      })
      .from(organiserProviderServices)
      .where(
        and(
          eq(organiserProviderServices.organiserId, organiserId),
          providerIds.length <= 1000
            ? inArray(organiserProviderServices.providerId, providerIds)
            : undefined,
        ),
      );
    for (const s of serviceRows) {
      const list = services.get(s.providerId) ?? [];
      list.push(s.service);
      services.set(s.providerId, list);
    }
  }

  const out = new Map<string, UnitFacts>();
  for (const r of rows) {
    out.set(r.unitId, {
      unitId: r.unitId,
      unitName: r.unitName,
      oid: r.oid,
      providerId: r.providerId,
      providerName: r.providerName,
      facts: {
        unitHasOid: r.oid !== null && OID_COUNTS.has(r.oidStatus),
        systemTested: r.testStatus === "passed",
        // Services bought only with vouchers are not purchased services (rule 3).
        purchasedServices: r.purchased ? (services.get(r.providerId) ?? []) : [],
      },
    });
  }
  return out;
}
