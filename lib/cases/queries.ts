import { and, asc, count, desc, eq, gte, inArray, lte, ne, or, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import {
  accessWindows,
  cases,
  clients,
  organiserCaseCounts,
  organisers,
  providers,
  serviceImplementations,
  serviceUnits,
  users,
} from "@/db/schema";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { organiserOf, providerOf } from "@/lib/auth/scope";
import { maskHetu } from "@/lib/clients/hetu";
import { ClientKeyMissing, clientKeys, maskName, openClientFields } from "@/lib/clients/store";
import { loadUnitFacts } from "@/lib/eligibility/facts";
import { decideAccess, type Decision } from "@/lib/eligibility/policy";
import { currentPolicy } from "@/lib/policy/queries";
import { addDays, helsinkiToday } from "@/lib/windows/dates";
import { requestLog } from "../log";

/** Rows per page of the case and window lists. */
export const LIST_PAGE_SIZE = 50;

/**
 * The actor's organiser's cases, newest first, `limit` from `offset`; never another organiser's.
 * No client data in the list. The page is picked first (index on organiser, created, OID) and
 * only its cases' windows are counted: counting 300,000 windows for 100,000 cases before
 * picking 50 took half a second (HTTP bench, ADR 13).
 */
export async function listCases(db: Executor, actor: AuditActor, limit = 200, offset = 0) {
  const organiserId = organiserOf(actor);
  return db
    .select({
      id: cases.id,
      caseOid: cases.caseOid,
      serviceTask: cases.serviceTask,
      responsible: users.name,
      createdAt: cases.createdAt,
      windows:
        sql<number>`(select count(*) from ${accessWindows} where ${accessWindows.caseId} = ${cases.id} and ${accessWindows.organiserId} = ${organiserId} and ${accessWindows.state} <> 'invalidated')`.mapWith(
          Number,
        ),
    })
    .from(cases)
    .leftJoin(users, eq(users.id, cases.responsibleUserId))
    .where(eq(cases.organiserId, organiserId))
    .orderBy(desc(cases.createdAt), asc(cases.caseOid))
    .limit(limit)
    .offset(offset);
}

/** How many cases listCases pages through: the trigger-kept count, not a scan of them all. */
export async function countCases(db: Executor, actor: AuditActor): Promise<number> {
  const [row] = await db
    .select({ n: organiserCaseCounts.cases })
    .from(organiserCaseCounts)
    .where(eq(organiserCaseCounts.organiserId, organiserOf(actor)));
  return row?.n ?? 0;
}

export type WindowView = "all" | "upcoming" | "open" | "planned";

/**
 * The actor's organiser's access windows. "upcoming": windows opening or closing within the next
 * 14 days (today included); invalidated windows are left out of every view but "all".
 */
export async function listWindows(
  db: Executor,
  actor: AuditActor,
  view: WindowView = "all",
  today: string = helsinkiToday(),
  limit = 500,
  offset = 0,
) {
  const organiserId = organiserOf(actor);
  return db
    .select({
      id: accessWindows.id,
      caseId: cases.id,
      caseOid: cases.caseOid,
      unitName: serviceUnits.name,
      providerName: providers.name,
      service: serviceImplementations.service,
      opensOn: accessWindows.opensOn,
      closesOn: accessWindows.closesOn,
      state: accessWindows.state,
    })
    .from(accessWindows)
    .innerJoin(cases, eq(cases.id, accessWindows.caseId))
    .innerJoin(serviceUnits, eq(serviceUnits.id, accessWindows.serviceUnitId))
    .innerJoin(providers, eq(providers.id, serviceUnits.providerId))
    .leftJoin(serviceImplementations, eq(serviceImplementations.id, accessWindows.implementationId))
    .where(
      and(
        eq(accessWindows.organiserId, organiserId),
        eq(cases.organiserId, organiserId),
        windowViewFilter(view, today),
      ),
    )
    .orderBy(
      view === "upcoming"
        ? sql`least(case when ${accessWindows.opensOn} >= ${today} then ${accessWindows.opensOn} end, case when ${accessWindows.closesOn} >= ${today} then ${accessWindows.closesOn} end)`
        : asc(accessWindows.opensOn),
      asc(cases.caseOid),
    )
    .limit(limit)
    .offset(offset);
}

/** How many windows listWindows pages through in the view. */
export async function countWindows(
  db: Executor,
  actor: AuditActor,
  view: WindowView = "all",
  today: string = helsinkiToday(),
): Promise<number> {
  const organiserId = organiserOf(actor);
  const [row] = await db
    .select({ n: count() })
    .from(accessWindows)
    .where(and(eq(accessWindows.organiserId, organiserId), windowViewFilter(view, today)));
  return row?.n ?? 0;
}

/** The view's condition on access_windows (undefined: every window). */
function windowViewFilter(view: WindowView, today: string) {
  const horizon = addDays(today, 14);
  return view === "upcoming"
    ? and(
        ne(accessWindows.state, "invalidated"),
        or(
          and(gte(accessWindows.opensOn, today), lte(accessWindows.opensOn, horizon)),
          and(gte(accessWindows.closesOn, today), lte(accessWindows.closesOn, horizon)),
        ),
      )
    : view === "open" || view === "planned"
      ? eq(accessWindows.state, view)
      : undefined;
}

/** Live (planned or open) windows of one provider's units on the staff member's organiser's cases. */
export async function listProviderWindows(
  db: Executor,
  actor: AuditActor,
  providerId: string,
  limit = 500,
) {
  const organiserId = organiserOf(actor);
  return db
    .select({
      id: accessWindows.id,
      caseId: cases.id,
      caseOid: cases.caseOid,
      unitName: serviceUnits.name,
      service: serviceImplementations.service,
      opensOn: accessWindows.opensOn,
      closesOn: accessWindows.closesOn,
      state: accessWindows.state,
    })
    .from(accessWindows)
    .innerJoin(cases, eq(cases.id, accessWindows.caseId))
    .innerJoin(serviceUnits, eq(serviceUnits.id, accessWindows.serviceUnitId))
    .leftJoin(serviceImplementations, eq(serviceImplementations.id, accessWindows.implementationId))
    .where(
      and(
        eq(accessWindows.organiserId, organiserId),
        eq(serviceUnits.providerId, providerId),
        inArray(accessWindows.state, ["planned", "open"]),
      ),
    )
    .orderBy(asc(accessWindows.opensOn), asc(cases.caseOid))
    .limit(limit);
}

/**
 * The provider contact's side: live windows on its own units, from every welfare area, with the
 * case OID it needs but nothing that identifies the client.
 */
export async function listOwnWindows(db: Executor, actor: AuditActor, limit = 1000) {
  const providerId = providerOf(actor);
  return db
    .select({
      id: accessWindows.id,
      organiserId: organisers.id,
      organiserFi: organisers.nameFi,
      organiserSv: organisers.nameSv,
      organiserEn: organisers.nameEn,
      caseOid: cases.caseOid,
      unitName: serviceUnits.name,
      service: serviceImplementations.service,
      opensOn: accessWindows.opensOn,
      closesOn: accessWindows.closesOn,
      state: accessWindows.state,
    })
    .from(accessWindows)
    .innerJoin(serviceUnits, eq(serviceUnits.id, accessWindows.serviceUnitId))
    .innerJoin(cases, eq(cases.id, accessWindows.caseId))
    .innerJoin(organisers, eq(organisers.id, accessWindows.organiserId))
    .leftJoin(serviceImplementations, eq(serviceImplementations.id, accessWindows.implementationId))
    .where(
      and(
        eq(serviceUnits.providerId, providerId),
        inArray(accessWindows.state, ["planned", "open"]),
      ),
    )
    .orderBy(asc(accessWindows.opensOn), asc(cases.caseOid))
    .limit(limit);
}

export type TimelineWindow = typeof accessWindows.$inferSelect & {
  unitName: string;
  providerName: string;
  providerId: string;
};

/**
 * One case with its client (masked), implementations, attached units and every window, the
 * invalidated ones included. Reading it is audited (the page shows client data, masked).
 */
export async function getCaseTimeline(db: Executor, actor: AuditActor, caseId: string) {
  const organiserId = organiserOf(actor);
  const [row] = await db
    .select({
      case: cases,
      responsible: users.name,
      nameEnc: clients.nameEnc,
      hetuEnc: clients.hetuEnc,
    })
    .from(cases)
    .leftJoin(users, eq(users.id, cases.responsibleUserId))
    .leftJoin(clients, and(eq(clients.id, cases.clientId), eq(clients.organiserId, organiserId)))
    .where(and(eq(cases.id, caseId), eq(cases.organiserId, organiserId)));
  if (!row) return null;
  let client: { name: string; hetu: string } | null = null;
  let clientUnavailable = false;
  if (row.nameEnc && row.hetuEnc) {
    try {
      const opened = openClientFields(clientKeys(), organiserId, {
        nameEnc: row.nameEnc,
        hetuEnc: row.hetuEnc,
      });
      client = { name: maskName(opened.name), hetu: maskHetu(opened.hetu) };
    } catch (e) {
      // Without the key (or with a wrong one) the rest of the case is still readable.
      if (!(e instanceof ClientKeyMissing))
        (await requestLog()).error("client data could not be decrypted");
      clientUnavailable = true;
    }
  }
  const implementations = await db
    .select()
    .from(serviceImplementations)
    .where(
      and(
        eq(serviceImplementations.caseId, caseId),
        eq(serviceImplementations.organiserId, organiserId),
      ),
    )
    .orderBy(asc(serviceImplementations.startsOn), asc(serviceImplementations.createdAt));
  const windows = await db
    .select({
      window: accessWindows,
      unitName: serviceUnits.name,
      providerName: providers.name,
      providerId: providers.id,
    })
    .from(accessWindows)
    .innerJoin(serviceUnits, eq(serviceUnits.id, accessWindows.serviceUnitId))
    .innerJoin(providers, eq(providers.id, serviceUnits.providerId))
    .where(and(eq(accessWindows.caseId, caseId), eq(accessWindows.organiserId, organiserId)))
    // A reissue made in the same transaction shares created_at: the original comes first.
    .orderBy(asc(accessWindows.createdAt), sql`${accessWindows.replacesId} is not null`);
  await writeAudit(db, actor, {
    action: "cases.view",
    outcome: "success",
    entityType: "case",
    entityId: caseId,
    purpose: "case_work",
  });
  return {
    case: row.case,
    responsible: row.responsible,
    client,
    clientUnavailable,
    implementations,
    windows: windows.map((w): TimelineWindow => ({
      ...w.window,
      unitName: w.unitName,
      providerName: w.providerName,
      providerId: w.providerId,
    })),
  };
}

export type UnitOption = {
  unitId: string;
  unitName: string;
  providerName: string;
  decision: Decision;
};

/** Units a case worker may pick for an implementation, each with its eligibility decision. */
export async function unitOptionsFor(
  db: Executor,
  actor: AuditActor,
  implementation: { service: string; voucher: boolean },
): Promise<UnitOption[]> {
  const organiserId = organiserOf(actor);
  const [facts, policy] = await Promise.all([
    loadUnitFacts(db, organiserId),
    currentPolicy(db, organiserId),
  ]);
  return [...facts.values()]
    .map((f) => ({
      unitId: f.unitId,
      unitName: f.unitName,
      providerName: f.providerName,
      decision: decideAccess(f.facts, implementation, policy.settings),
    }))
    .sort(
      (a, b) =>
        a.providerName.localeCompare(b.providerName, "fi") ||
        a.unitName.localeCompare(b.unitName, "fi"),
    );
}
