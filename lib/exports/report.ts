/**
 * The data of the printable one-page status report of a provider
 * (app/(portal)/providers/[id]/report/page.tsx), as the actor's organiser sees it: units with
 * OID status, client information systems with this organiser's deployment-test state, the
 * eligibility decision per unit under the organiser's policy in force, contacts (no key
 * material) and counts of access windows and deliveries. No client data.
 */
import { and, count, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db";
import { accessWindows, outboxMessages, serviceUnits } from "@/db/schema";
import type { AuditActor } from "@/lib/audit";
import { organiserOf } from "@/lib/auth/scope";
import { loadUnitFacts } from "@/lib/eligibility/facts";
import { providerEligibility, type Decision } from "@/lib/eligibility/policy";
import { currentPolicy } from "@/lib/policy/queries";
import {
  getOrganiserProvider,
  listSystemsForOrganiser,
  providerServices,
} from "@/lib/providers/queries";

export type ProviderReport = NonNullable<Awaited<ReturnType<typeof providerReport>>>;

/** The report, or null when the actor's organiser has no relationship with the provider. */
export async function providerReport(db: Executor, actor: AuditActor, providerId: string) {
  const organiserId = organiserOf(actor);
  const provider = await getOrganiserProvider(db, actor, providerId);
  if (!provider) return null;
  const unitIds = provider.units.map((u) => u.id);
  const [services, systems, policy, facts, windowRows, deliveryRows] = await Promise.all([
    providerServices(db, actor, providerId),
    listSystemsForOrganiser(db, actor),
    currentPolicy(db, organiserId),
    loadUnitFacts(db, organiserId, { unitIds }),
    db
      .select({ state: accessWindows.state, n: count() })
      .from(accessWindows)
      .innerJoin(serviceUnits, eq(serviceUnits.id, accessWindows.serviceUnitId))
      .where(
        and(eq(accessWindows.organiserId, organiserId), eq(serviceUnits.providerId, providerId)),
      )
      .groupBy(accessWindows.state),
    db
      .select({ status: outboxMessages.status, n: count() })
      .from(outboxMessages)
      .where(
        and(
          eq(outboxMessages.organiserId, organiserId),
          eq(outboxMessages.providerId, providerId),
          inArray(outboxMessages.status, ["sent", "failed"]),
        ),
      )
      .groupBy(outboxMessages.status),
  ]);

  const purchasedServices = provider.purchasedService ? services : [];
  const units = provider.units.map((u) => {
    const f = facts.get(u.id)?.facts ?? {
      unitHasOid: false,
      systemTested: false,
      purchasedServices,
    };
    return { ...u, decision: providerEligibility(f, policy.settings) as Decision };
  });
  // Without units there is nothing to open access for; the reasons still say what is missing.
  const withoutUnits: Decision | null =
    units.length === 0
      ? providerEligibility(
          { unitHasOid: false, systemTested: false, purchasedServices },
          policy.settings,
        )
      : null;

  const cisIds = new Set(provider.units.flatMap((u) => (u.cisId ? [u.cisId] : [])));
  const windowsBy = (states: string[]) =>
    windowRows.filter((r) => states.includes(r.state)).reduce((s, r) => s + r.n, 0);
  const deliveriesBy = (status: string) =>
    deliveryRows.filter((r) => r.status === status).reduce((s, r) => s + r.n, 0);

  return {
    provider: {
      id: provider.id,
      name: provider.name,
      businessId: provider.businessId,
      purchasedService: provider.purchasedService,
      serviceVoucher: provider.serviceVoucher,
    },
    services,
    units,
    withoutUnits,
    eligibleUnits: units.filter((u) => u.decision.eligible).length,
    systems: systems.filter((s) => cisIds.has(s.id)),
    contacts: provider.contacts.map((c) => ({
      id: c.id,
      name: c.name,
      title: c.title,
      email: c.email,
      receivesCaseOids: c.receivesCaseOids,
      keyKind: c.encryptionKeyKind,
    })),
    policy: { version: policy.version, goLiveDate: policy.settings.goLiveDate },
    counts: {
      windowsLive: windowsBy(["planned", "open"]),
      windowsClosed: windowsBy(["closed"]),
      deliveriesSent: deliveriesBy("sent"),
      deliveriesFailed: deliveriesBy("failed"),
    },
  };
}
