/**
 * Go-live readiness of the actor's organiser's providers (issue 6): a funnel
 *
 *   invited → OID submitted → OID verified → system tested → Kanta functions in use → eligible
 *   → access opened → case numbers delivered
 *
 * with, for every stage, how many providers reached it and how many stopped there (reached the
 * stage before but not this one), plus breakdowns by client information system and by service
 * task. A provider reaches a stage when it meets that stage's condition and every earlier one:
 *
 * - invited: in the organiser's registry (organiser_providers);
 * - OID submitted: a unit with an OID whose status is submitted or verified;
 * - OID verified: a unit with a verified OID;
 * - system tested: a unit whose system passed the deployment test with this organiser;
 * - Kanta functions in use: a unit with Kanta functions in use;
 * - eligible: rule 3 (lib/eligibility/policy.ts providerEligibility under the organiser's current
 *   policy): eligible when any of its units is;
 * - access opened: a planned, open or closed (not invalidated) window on one of the organiser's
 *   cases for one of its units;
 * - case numbers delivered: a sent case-OID message or batch from this organiser to it.
 *
 * Scale (10,000 providers, 25,000 units, 300,000 implementations): the per-provider facts come
 * from one set-based statement (GROUP BY and bool_or over units, windows, messages and services,
 * joined once per provider), rule 3 included (`eligible`); only the per-provider arithmetic runs
 * in JS (npm run bench -- --only=dashboard measures it against one raw aggregate). The same statement, as a subquery, filters the provider list
 * (readinessFilter), so the dashboard's numbers and the filtered lists agree.
 */
import { and, asc, eq, gt, inArray, not, sql, type Column, type SQL } from "drizzle-orm";
import type { Executor } from "@/db";
import { rowsOf } from "@/db/rows";
import {
  accessWindows,
  clientInformationSystems,
  organiserProviderServices,
  organiserProviders,
  organiserSystems,
  outboxMessages,
  providerWindowTasks,
  serviceTasks,
  serviceUnits,
  type DeploymentTestStatus,
  type ServiceTask,
} from "@/db/schema";
import type { AuditActor } from "@/lib/audit";
import { organiserOf } from "@/lib/auth/scope";
import { socialServiceCodes } from "@/lib/catalogue/services";
import {
  HOME_CARE,
  ineligibleReasons,
  providerEligibility,
  serviceNeedsCis,
  type IneligibleReason,
  type PolicySettings,
} from "@/lib/eligibility/policy";
import { currentPolicy } from "@/lib/policy/queries";
import {
  NO_CIS,
  NO_TASK,
  readinessStages,
  type ProviderFilters,
  type ReadinessStage,
} from "@/lib/providers/filters";

// ---------------------------------------------------------------------------------------------
// Per-provider facts in SQL
// ---------------------------------------------------------------------------------------------

/** Service codes that open access by themselves under the settings: need a CIS, not home care. */
export function anchorServices(settings: PolicySettings): string[] {
  const codes = new Set<string>([...socialServiceCodes, ...Object.keys(settings.needsCis ?? {})]);
  return [...codes].filter((c) => c !== HOME_CARE && serviceNeedsCis(c, settings)).sort();
}

/** The unit "has an OID" for rule 3 (lib/eligibility/facts.ts): submitted or verified. */
const unitHasOid = sql`(${serviceUnits.oid} is not null and ${serviceUnits.oidStatus} in ('submitted', 'verified'))`;

/**
 * One row per provider in the organiser's registry with the funnel's facts. `eligible` is
 * rule 3 in SQL: a purchased-service relationship, a unit with both an OID and a tested system,
 * and an anchor service (anchorServices) among the services the organiser buys from it.
 */
export function providerReadinessFacts(db: Executor, organiserId: string, anchors: string[]) {
  const units = db
    .select({
      providerId: serviceUnits.providerId,
      oidSubmitted: sql<boolean>`bool_or(${unitHasOid})`.as("u_oid_submitted"),
      oidVerified:
        sql<boolean>`bool_or(${serviceUnits.oid} is not null and ${serviceUnits.oidStatus} = 'verified')`.as(
          "u_oid_verified",
        ),
      systemTested: sql<boolean>`bool_or(${organiserSystems.testStatus} = 'passed')`.as(
        "u_system_tested",
      ),
      kantaInUse: sql<boolean>`bool_or(${serviceUnits.kantaInUse})`.as("u_kanta_in_use"),
      oidAndTested:
        sql<boolean>`bool_or(${unitHasOid} and ${organiserSystems.testStatus} = 'passed')`.as(
          "u_oid_and_tested",
        ),
      // Comma-separated text, not arrays: parsing 10,000 rows' text[] cost the dashboard more
      // JS time than the rest of its arithmetic (profile, ADR 13). No DISTINCT (a sort per
      // provider): the dashboard counts each system once (a Set).
      cisIds:
        sql<string>`string_agg(${serviceUnits.cisId}::text, ',') filter (where ${serviceUnits.cisId} is not null)`.as(
          "u_cis_ids",
        ),
      oidCisIds:
        sql<string>`string_agg(${serviceUnits.cisId}::text, ',') filter (where ${serviceUnits.cisId} is not null and ${unitHasOid})`.as(
          "u_oid_cis_ids",
        ),
    })
    .from(serviceUnits)
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
    .groupBy(serviceUnits.providerId)
    .as("readiness_units");

  // Windows per provider from the counts the database keeps per provider and service task
  // (provider_window_tasks, maintained by statement triggers on access_windows): about one row
  // per provider and task instead of aggregating 300,000 windows on every load. The tasks
  // become a bit set (bit_or of 1 << the task's position in serviceTasks, decoded by
  // taskSetOf). ADR 13 has the before and after.
  const windows = db
    .select({
      providerId: providerWindowTasks.providerId,
      accessOpened: sql<boolean>`bool_or(${providerWindowTasks.liveWindows} > 0)`.as(
        "w_access_opened",
      ),
      taskBits:
        sql<number>`bit_or(1 << coalesce(array_position(${sql.param([...serviceTasks])}::text[], ${providerWindowTasks.serviceTask}::text), 0))`.as(
          "w_task_bits",
        ),
    })
    .from(providerWindowTasks)
    .where(
      and(eq(providerWindowTasks.organiserId, organiserId), gt(providerWindowTasks.windows, 0)),
    )
    .groupBy(providerWindowTasks.providerId)
    .as("readiness_windows");

  const delivered = db
    .selectDistinct({ providerId: outboxMessages.providerId })
    .from(outboxMessages)
    .where(
      and(
        eq(outboxMessages.organiserId, organiserId),
        inArray(outboxMessages.kind, ["batch", "case_oid"]),
        eq(outboxMessages.status, "sent"),
      ),
    )
    .as("readiness_delivered");

  const services = db
    .select({
      providerId: organiserProviderServices.providerId,
      hasAnchor: (anchors.length > 0
        ? sql<boolean>`bool_or(${inArray(organiserProviderServices.service, anchors)})`
        : sql<boolean>`false`
      ).as("s_has_anchor"),
      services: sql<string>`string_agg(${organiserProviderServices.service}::text, ',')`.as(
        "s_services",
      ),
    })
    .from(organiserProviderServices)
    .where(eq(organiserProviderServices.organiserId, organiserId))
    .groupBy(organiserProviderServices.providerId)
    .as("readiness_services");

  const servicesOk = sql`(${organiserProviders.purchasedService} and coalesce(${services.hasAnchor}, false))`;
  return db
    .select({
      providerId: organiserProviders.providerId,
      oidSubmitted: sql<boolean>`coalesce(${units.oidSubmitted}, false)`.as("oid_submitted"),
      oidVerified: sql<boolean>`coalesce(${units.oidVerified}, false)`.as("oid_verified"),
      systemTested: sql<boolean>`coalesce(${units.systemTested}, false)`.as("system_tested"),
      kantaInUse: sql<boolean>`coalesce(${units.kantaInUse}, false)`.as("kanta_in_use"),
      eligible: sql<boolean>`(${servicesOk} and coalesce(${units.oidAndTested}, false))`.as(
        "eligible",
      ),
      accessOpened: sql<boolean>`coalesce(${windows.accessOpened}, false)`.as("access_opened"),
      caseNumbersDelivered: sql<boolean>`(${delivered.providerId} is not null)`.as(
        "case_numbers_delivered",
      ),
      /** Rule 3's service conditions hold: only the unit conditions can be missing. */
      servicesOk: sql<boolean>`${servicesOk}`.as("services_ok"),
      /**
       * The services rule 3 looks at: those bought from it, when it sells purchased services
       * (comma-separated, as are the two lists of systems below: listOf splits them).
       */
      purchasedServices:
        sql<string>`case when ${organiserProviders.purchasedService} then coalesce(${services.services}, '') else '' end`.as(
          "purchased_services",
        ),
      /** Its units' systems; oidCisIds: the systems of its units with an OID. */
      cisIds: sql<string>`coalesce(${units.cisIds}, '')`.as("cis_ids"),
      oidCisIds: sql<string>`coalesce(${units.oidCisIds}, '')`.as("oid_cis_ids"),
      /** The service tasks of its windows' cases as a bit set: taskSetOf decodes it. */
      taskBits: sql<number>`coalesce(${windows.taskBits}, 0)`.as("task_bits"),
    })
    .from(organiserProviders)
    .leftJoin(units, eq(units.providerId, organiserProviders.providerId))
    .leftJoin(windows, eq(windows.providerId, organiserProviders.providerId))
    .leftJoin(delivered, eq(delivered.providerId, organiserProviders.providerId))
    .leftJoin(services, eq(services.providerId, organiserProviders.providerId))
    .where(eq(organiserProviders.organiserId, organiserId));
}

type FactsSubquery = ReturnType<ReturnType<typeof providerReadinessFacts>["as"]>;

function stageColumn(f: FactsSubquery, stage: ReadinessStage): SQL {
  switch (stage) {
    case "invited":
      return sql`true`;
    case "oid_submitted":
      return sql`${f.oidSubmitted}`;
    case "oid_verified":
      return sql`${f.oidVerified}`;
    case "system_tested":
      return sql`${f.systemTested}`;
    case "kanta_in_use":
      return sql`${f.kantaInUse}`;
    case "eligible":
      return sql`${f.eligible}`;
    case "access_opened":
      return sql`${f.accessOpened}`;
    case "case_numbers_delivered":
      return sql`${f.caseNumbersDelivered}`;
  }
}

function reachedSql(f: FactsSubquery, stage: ReadinessStage): SQL {
  const upTo = readinessStages.slice(0, readinessStages.indexOf(stage) + 1);
  return and(...upTo.map((s) => stageColumn(f, s)))!;
}

function stoppedAtSql(f: FactsSubquery, stage: ReadinessStage): SQL {
  const i = readinessStages.indexOf(stage);
  if (i === 0) return sql`false`;
  return and(reachedSql(f, readinessStages[i - 1]!), not(stageColumn(f, stage)))!;
}

/** The list's readiness filters need the funnel facts (the others are plain EXISTS). */
export function needsReadinessFacts(filters: Partial<ProviderFilters>): boolean {
  return Boolean(filters.stage || filters.stoppedAt || filters.unblockedBy);
}

/**
 * A set-based condition on a provider id column: the providers of the organiser that match the
 * filters' stage, stoppedAt and unblockedBy (undefined when none is set).
 */
export async function readinessFilter(
  db: Executor,
  organiserId: string,
  providerId: Column | SQL,
  filters: Partial<ProviderFilters>,
): Promise<SQL | undefined> {
  if (!needsReadinessFacts(filters)) return undefined;
  const policy = await currentPolicy(db, organiserId);
  const f = providerReadinessFacts(db, organiserId, anchorServices(policy.settings)).as(
    "readiness",
  );
  const conditions: SQL[] = [];
  if (filters.stage) conditions.push(reachedSql(f, filters.stage));
  if (filters.stoppedAt) conditions.push(stoppedAtSql(f, filters.stoppedAt));
  if (filters.unblockedBy) {
    const cisId = filters.unblockedBy;
    conditions.push(
      sql`(not ${f.eligible} and ${f.servicesOk} and ${cisId} = any(string_to_array(${f.oidCisIds}, ',')) and not exists (select 1 from ${organiserSystems} where ${organiserSystems.organiserId} = ${organiserId} and ${organiserSystems.cisId} = ${cisId} and ${organiserSystems.testStatus} = 'passed'))`,
    );
  }
  return sql`${providerId} in (${db
    .select({ id: f.providerId })
    .from(f)
    .where(and(...conditions))})`;
}

/** Conditions for the cis and task filters on a provider id column (EXISTS, set-based). */
export function systemAndTaskFilters(
  db: Executor,
  organiserId: string,
  providerId: Column | SQL,
  filters: Partial<ProviderFilters>,
): SQL[] {
  const out: SQL[] = [];
  if (filters.cis === NO_CIS) {
    out.push(
      sql`not exists (select 1 from ${serviceUnits} where ${serviceUnits.providerId} = ${providerId} and ${serviceUnits.cisId} is not null)`,
    );
  } else if (filters.cis) {
    out.push(
      sql`exists (select 1 from ${serviceUnits} where ${serviceUnits.providerId} = ${providerId} and ${serviceUnits.cisId} = ${filters.cis})`,
    );
  }
  if (filters.task) {
    const windowOnProvider = db
      .select({ one: sql`1` })
      .from(accessWindows)
      .innerJoin(serviceUnits, eq(serviceUnits.id, accessWindows.serviceUnitId))
      .where(
        and(
          eq(accessWindows.organiserId, organiserId),
          sql`${serviceUnits.providerId} = ${providerId}`,
          filters.task === NO_TASK ? undefined : eq(accessWindows.serviceTask, filters.task),
        ),
      );
    out.push(
      filters.task === NO_TASK
        ? sql`not exists (${windowOnProvider})`
        : sql`exists (${windowOnProvider})`,
    );
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The dashboard
// ---------------------------------------------------------------------------------------------

/** Why a provider that passed every earlier stage is not eligible (rule 3). */
export type EligibleStopReason = IneligibleReason | "oid_and_test_on_different_units";

export const eligibleStopReasons = [
  ...ineligibleReasons,
  "oid_and_test_on_different_units",
] as const satisfies readonly EligibleStopReason[];

export type FunnelStage = {
  stage: ReadinessStage;
  /** Providers that reached this stage. */
  reached: number;
  /** Providers that reached the stage before but not this one (0 for the first stage). */
  stopped: number;
  /** For the eligible stage: the rule 3 reasons of those that stopped there, in order. */
  reasons: EligibleStopReason[];
};

export type SystemReadiness = {
  cisId: string;
  name: string;
  vendor: string;
  testStatus: DeploymentTestStatus;
  testDate: string | null;
  /** Providers with at least one unit on this system. */
  providers: number;
  /** Of those, providers that reached the eligible stage. */
  eligible: number;
  /**
   * Providers that a passed test of this system would make eligible (rule 3): not eligible now,
   * a unit with an OID on this system, and nothing else missing. 0 when the test has passed.
   */
  unblocks: number;
};

export type TaskReadiness = {
  task: ServiceTask | typeof NO_TASK;
  providers: number;
  eligible: number;
  accessOpened: number;
  caseNumbersDelivered: number;
};

export type ReadinessDashboard = {
  policyVersion: number;
  settings: Pick<PolicySettings, "goLiveDate" | "caseNumberDeadline" | "useByDate">;
  funnel: FunnelStage[];
  systems: SystemReadiness[];
  /** Providers none of whose units has a system, and how many of them reached the eligible stage. */
  noSystem: { providers: number; eligible: number };
  tasks: TaskReadiness[];
};

/** The service tasks in a bit set of providerReadinessFacts (bit i + 1 is serviceTasks[i]). */
function taskSetOf(bits: number): ServiceTask[] {
  return serviceTasks.filter((_, i) => (bits & (1 << (i + 1))) !== 0);
}

/** A comma-separated list of providerReadinessFacts as its distinct items. */
const listOf = (v: unknown): string[] =>
  typeof v === "string" && v !== "" ? [...new Set(v.split(","))] : [];

/** A row of providerReadinessFacts as the driver returns it (column aliases, no mapping). */
type FactsRow = {
  oid_submitted: boolean;
  oid_verified: boolean;
  system_tested: boolean;
  kanta_in_use: boolean;
  eligible: boolean;
  access_opened: boolean;
  case_numbers_delivered: boolean;
  purchased_services: string;
  cis_ids: string;
  oid_cis_ids: string;
  task_bits: number;
  /** How many providers have exactly these facts. */
  n: number;
};

/** The readiness dashboard of the actor's organiser. */
export async function readinessDashboard(
  db: Executor,
  actor: AuditActor,
): Promise<ReadinessDashboard> {
  const organiserId = organiserOf(actor);
  const policy = await currentPolicy(db, organiserId);
  const settings = policy.settings;
  // One pass: rule 3 is decided per provider in the facts statement (`eligible`, the same
  // condition the filtered lists use), so the units need not be loaded again to decide it.
  // Providers with the same facts come as one row with their number (`n`): the arithmetic
  // below only needs the facts, and a few hundred distinct rows travel instead of 10,000
  // (PGlite parses every row in JS). Executed without the query builder's row mapping, which
  // cost ~50 ms per 10,000 rows.
  const facts = providerReadinessFacts(db, organiserId, anchorServices(settings));
  const [factsResult, systemRows] = await Promise.all([
    db.execute(sql`
      select oid_submitted, oid_verified, system_tested, kanta_in_use, eligible, access_opened,
             case_numbers_delivered, purchased_services, cis_ids, oid_cis_ids, task_bits,
             count(*)::int as n
        from (${facts}) readiness_facts
       group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11`),
    db
      .select({
        cisId: clientInformationSystems.id,
        name: clientInformationSystems.name,
        vendor: clientInformationSystems.vendor,
        testStatus: organiserSystems.testStatus,
        testDate: organiserSystems.testDate,
      })
      .from(clientInformationSystems)
      .leftJoin(
        organiserSystems,
        and(
          eq(organiserSystems.cisId, clientInformationSystems.id),
          eq(organiserSystems.organiserId, organiserId),
        ),
      )
      .orderBy(asc(clientInformationSystems.name)),
  ]);

  const rows = rowsOf<FactsRow>(factsResult);
  /**
   * Rule 3 with the unit conditions granted: what the provider's services alone decide. Few
   * distinct service lists occur among 10,000 providers, so each is decided once.
   */
  const decisions = new Map<string, ReturnType<typeof providerEligibility>>();
  const serviceDecision = (r: FactsRow) => {
    let d = decisions.get(r.purchased_services);
    if (!d) {
      d = providerEligibility(
        { unitHasOid: true, systemTested: true, purchasedServices: listOf(r.purchased_services) },
        settings,
      );
      decisions.set(r.purchased_services, d);
    }
    return d;
  };

  const passed = new Set(systemRows.filter((s) => s.testStatus === "passed").map((s) => s.cisId));
  const reachedCount = readinessStages.map(() => 0);
  const stopReasons = new Set<EligibleStopReason>();
  const systemCounts = new Map<string, { providers: number; eligible: number; unblocks: number }>();
  const forSystem = (id: string) => {
    const c = systemCounts.get(id) ?? { providers: 0, eligible: 0, unblocks: 0 };
    systemCounts.set(id, c);
    return c;
  };
  const noSystem = { providers: 0, eligible: 0 };
  const taskKeys = [...serviceTasks, NO_TASK] as const;
  const taskCounts = new Map(
    taskKeys.map((t) => [
      t,
      { providers: 0, eligible: 0, accessOpened: 0, caseNumbersDelivered: 0 },
    ]),
  );
  const ELIGIBLE = readinessStages.indexOf("eligible");
  const OPENED = readinessStages.indexOf("access_opened");
  const DELIVERED = readinessStages.indexOf("case_numbers_delivered");

  for (const r of rows) {
    const n = Number(r.n);
    const eligible = r.eligible;
    const flags: Record<ReadinessStage, boolean> = {
      invited: true,
      oid_submitted: r.oid_submitted,
      oid_verified: r.oid_verified,
      system_tested: r.system_tested,
      kanta_in_use: r.kanta_in_use,
      eligible,
      access_opened: r.access_opened,
      case_numbers_delivered: r.case_numbers_delivered,
    };
    // The last stage reached: every stage up to it holds.
    let last = -1;
    while (last + 1 < readinessStages.length && flags[readinessStages[last + 1]!]) last++;
    for (let i = 0; i <= last; i++) reachedCount[i]! += n;
    if (last + 1 === ELIGIBLE) {
      const d = serviceDecision(r);
      if (d.eligible) stopReasons.add("oid_and_test_on_different_units");
      else for (const reason of d.reasons) stopReasons.add(reason);
    }

    const cisIds = listOf(r.cis_ids);
    if (cisIds.length === 0) {
      noSystem.providers += n;
      if (last >= ELIGIBLE) noSystem.eligible += n;
    }
    for (const id of cisIds) {
      const c = forSystem(id);
      c.providers += n;
      if (last >= ELIGIBLE) c.eligible += n;
    }
    if (!eligible && serviceDecision(r).eligible) {
      for (const id of listOf(r.oid_cis_ids)) if (!passed.has(id)) forSystem(id).unblocks += n;
    }

    const tasks = taskSetOf(Number(r.task_bits));
    for (const task of tasks.length ? tasks : [NO_TASK]) {
      const c = taskCounts.get(task as ServiceTask);
      if (!c) continue;
      c.providers += n;
      if (last >= ELIGIBLE) c.eligible += n;
      if (last >= OPENED) c.accessOpened += n;
      if (last >= DELIVERED) c.caseNumbersDelivered += n;
    }
  }

  return {
    policyVersion: policy.version,
    settings: {
      goLiveDate: settings.goLiveDate,
      caseNumberDeadline: settings.caseNumberDeadline,
      useByDate: settings.useByDate,
    },
    funnel: readinessStages.map((stage, i) => ({
      stage,
      reached: reachedCount[i]!,
      stopped: i === 0 ? 0 : reachedCount[i - 1]! - reachedCount[i]!,
      reasons:
        i === ELIGIBLE ? eligibleStopReasons.filter((reason) => stopReasons.has(reason)) : [],
    })),
    systems: systemRows.map((s) => ({
      cisId: s.cisId,
      name: s.name,
      vendor: s.vendor,
      testStatus: s.testStatus ?? "not_contacted",
      testDate: s.testDate,
      ...(systemCounts.get(s.cisId) ?? { providers: 0, eligible: 0, unblocks: 0 }),
    })),
    noSystem,
    tasks: taskKeys.map((task) => ({ task, ...taskCounts.get(task)! })),
  };
}
