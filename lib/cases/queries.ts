import { and, asc, count, desc, eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { accessWindows, cases, providers, serviceUnits, users } from "@/db/schema";
import type { AuditActor } from "@/lib/audit";
import { organiserOf } from "@/lib/auth/scope";

/** The actor's organiser's cases; never another organiser's. */
export async function listCases(db: Executor, actor: AuditActor, limit = 200) {
  const organiserId = organiserOf(actor);
  return db
    .select({
      id: cases.id,
      caseOid: cases.caseOid,
      serviceTask: cases.serviceTask,
      responsible: users.name,
      createdAt: cases.createdAt,
      windows: count(accessWindows.id),
    })
    .from(cases)
    .leftJoin(users, eq(users.id, cases.responsibleUserId))
    .leftJoin(
      accessWindows,
      and(eq(accessWindows.caseId, cases.id), eq(accessWindows.organiserId, organiserId)),
    )
    .where(eq(cases.organiserId, organiserId))
    .groupBy(cases.id, users.name)
    .orderBy(desc(cases.createdAt), asc(cases.caseOid))
    .limit(limit);
}

/** The actor's organiser's access windows. */
export async function listWindows(db: Executor, actor: AuditActor, limit = 200) {
  const organiserId = organiserOf(actor);
  return db
    .select({
      id: accessWindows.id,
      caseOid: cases.caseOid,
      unitName: serviceUnits.name,
      providerName: providers.name,
      opensOn: accessWindows.opensOn,
      closesOn: accessWindows.closesOn,
      state: accessWindows.state,
    })
    .from(accessWindows)
    .innerJoin(cases, eq(cases.id, accessWindows.caseId))
    .innerJoin(serviceUnits, eq(serviceUnits.id, accessWindows.serviceUnitId))
    .innerJoin(providers, eq(providers.id, serviceUnits.providerId))
    .where(and(eq(accessWindows.organiserId, organiserId), eq(cases.organiserId, organiserId)))
    .orderBy(asc(accessWindows.opensOn), asc(cases.caseOid))
    .limit(limit);
}
