import { and, countDistinct, eq, isNotNull, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { accessWindows, organiserProviders, organiserSystems, serviceUnits } from "@/db/schema";
import type { AuditActor } from "@/lib/audit";
import { organiserOf } from "@/lib/auth/scope";

/** Headline readiness counts for the actor's organiser. */
export async function readinessSummary(db: Executor, actor: AuditActor) {
  const organiserId = organiserOf(actor);
  const [[p], [s], [w]] = await Promise.all([
    db
      .select({
        providers: countDistinct(organiserProviders.providerId),
        withOid:
          sql<number>`count(distinct ${serviceUnits.providerId}) filter (where ${serviceUnits.oid} is not null)`.mapWith(
            Number,
          ),
      })
      .from(organiserProviders)
      .leftJoin(serviceUnits, eq(serviceUnits.providerId, organiserProviders.providerId))
      .where(eq(organiserProviders.organiserId, organiserId)),
    db
      .select({ passed: countDistinct(organiserSystems.cisId) })
      .from(organiserSystems)
      .where(
        and(
          eq(organiserSystems.organiserId, organiserId),
          eq(organiserSystems.testStatus, "passed"),
        ),
      ),
    db
      .select({ open: countDistinct(accessWindows.id) })
      .from(accessWindows)
      .where(
        and(
          eq(accessWindows.organiserId, organiserId),
          eq(accessWindows.state, "open"),
          isNotNull(accessWindows.opensOn),
        ),
      ),
  ]);
  return {
    providers: p?.providers ?? 0,
    withOid: p?.withOid ?? 0,
    systemsPassed: s?.passed ?? 0,
    openWindows: w?.open ?? 0,
  };
}
