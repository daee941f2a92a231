/**
 * The go-live bulk step (DOMAIN rule 4): existing clients of eligible providers get register
 * access on the go-live date, from the organiser's client information system export.
 *
 * planGoLive is the dry run: it reads and validates the whole file, compares it with the
 * database and says what applying would do, changing nothing but one audit row. applyGoLive
 * reads the file the same way and, only when no row is malformed, plans again inside one
 * transaction and writes everything with multi-row inserts; any failure rolls all of it back.
 * Both use ./plan.ts, so the dry run's counts are the apply's counts on the same data.
 *
 * Only project staff and admins may run either; the role is checked here, not only in the route.
 * Audit rows hold ids and counts only, never a name or an identity code.
 */
import { actorMayCall } from "@/lib/auth/access";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Executor } from "@/db";
import { rowsOf } from "@/db/rows";
import type { ServiceTask } from "@/db/schema/cases";
import { cases, clients, providerResources, serviceImplementations } from "@/db/schema";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { organiserOf } from "@/lib/auth/scope";
import { clientKeys, hetuLookup, sealClient } from "@/lib/clients/store";
import { loadUnitFacts, type UnitFacts } from "@/lib/eligibility/facts";
import { currentPolicy } from "@/lib/policy/queries";
import { helsinkiToday } from "@/lib/windows/dates";
import { parseGoLiveCsv, type GoLiveIssue, type GoLiveSource, type ParsedGoLive } from "./csv";
import {
  planGoLiveRows,
  type ExistingState,
  type GoLivePlan,
  type GoLiveSummary,
  type PlanRow,
} from "./plan";

/** Roles that may run the go-live step. */

/** Rows per multi-row insert (and values per array parameter in lookups). */
const BATCH = 1000;
const LOOKUP_BATCH = 10_000;
/** Windows per statement (with their audit rows): fewer round trips for 300,000 windows. */
const WINDOW_BATCH = 5000;

export type GoLiveProgress = {
  /** read: bytes of the file read; check: the file compared with the data; write: rows saved. */
  phase: "read" | "check" | "write";
  done: number;
  /** 0 when not known (e.g. a stream of unknown length). */
  total: number;
};

export type GoLiveResult = {
  mode: "dry" | "apply";
  /** No malformed rows (and the actor may run the step). */
  ok: boolean;
  /** The apply's transaction committed (apply only; with all rows `already` it wrote no rows). */
  applied: boolean;
  /** Set when the operation was refused as a whole. */
  error?: "forbidden";
  /** Data records in the file. */
  records: number;
  /** The first malformed-row issues (up to 1000), by line. */
  issues: GoLiveIssue[];
  issueCount: number;
  /** What applying does (null when the file has malformed rows). */
  summary: GoLiveSummary | null;
  goLiveDate: string | null;
  policyVersion: number | null;
};

export type GoLiveOptions = {
  /** Today in Helsinki (yyyy-mm-dd); a window whose dates have come opens at once. */
  today?: string;
  /** The size of the file in bytes, when known, for read progress. */
  totalBytes?: number;
  onProgress?: (p: GoLiveProgress) => void;
};

type Column = [
  name: string,
  type: "uuid" | "text" | "date" | "boolean" | "integer",
  values: unknown[],
];

/**
 * One multi-row insert: `insert into t (a, b) select * from unnest($1::uuid[], $2::text[])`.
 * Column names are the tables' SQL (snake_case) names. A few array parameters instead of
 * thousands of scalar ones: PostgreSQL parses one short statement, and building it costs next
 * to nothing however many rows it carries (drizzle's values() builds 13,000 placeholders for
 * 1000 windows, slower than the insert itself). Column defaults (created_at, ...) apply.
 */
async function insertRows(tx: Executor, table: PgTable, rows: number, columns: Column[]) {
  if (rows === 0) return;
  const names = sql.raw(columns.map(([name]) => `"${name}"`).join(", "));
  const arrays = sql.join(
    columns.map(([, type, values]) => sql`${sql.param(values)}::${sql.raw(type)}[]`),
    sql`, `,
  );
  await tx.execute(sql`insert into ${table} (${names}) select * from unnest(${arrays})`);
}

function chunks<T>(xs: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

function refused(mode: GoLiveResult["mode"]): GoLiveResult {
  return {
    mode,
    ok: false,
    applied: false,
    error: "forbidden",
    records: 0,
    issues: [],
    issueCount: 0,
    summary: null,
    goLiveDate: null,
    policyVersion: null,
  };
}

async function refuseRole(db: Executor, actor: AuditActor, action: string) {
  await writeAudit(db, actor, {
    action,
    outcome: "denied",
    entityType: "golive",
    details: { reason: "role" },
  });
}

async function read(source: GoLiveSource, opts: GoLiveOptions): Promise<ParsedGoLive> {
  const total = opts.totalBytes ?? 0;
  return parseGoLiveCsv(source, {
    onBytes: opts.onProgress
      ? (done) => opts.onProgress!({ phase: "read", done, total: Math.max(total, done) })
      : undefined,
  });
}

type ExistingRow = {
  id: string;
  case_oid: string;
  organiser_id: string;
  client_id: string | null;
  service_task: ServiceTask;
  implementation_id: string | null;
  service: string | null;
  starts_on: string | null;
  resource_id: string | null;
  service_unit_id: string | null;
  live: boolean | null;
};

/**
 * Loads what the rows touch: cases by OID (any organiser), and the organiser's own clients,
 * implementations, resources and live windows. One joined query per 10,000 case OIDs (a row per
 * resource), raw rows: at 300,000 rows, four lookups each returning 300,000 mapped rows took
 * about 9 s of the go-live step's 20 s plan (ADR 13).
 */
async function loadExisting(
  db: Executor,
  organiserId: string,
  rows: PlanRow[],
): Promise<ExistingState> {
  const existing: ExistingState = {
    cases: new Map(),
    clients: new Map(),
    implementations: new Map(),
  };
  const caseOids = [...new Set(rows.map((r) => r.caseOid))];
  for (const part of chunks(caseOids, LOOKUP_BATCH)) {
    // Another organiser's case is found (to refuse its rows) but nothing under it is read.
    const found = rowsOf<ExistingRow>(
      await db.execute(sql`
        select c.id, c.case_oid, c.organiser_id, c.client_id, c.service_task,
               i.id as implementation_id, i.service, i.starts_on::text as starts_on,
               r.id as resource_id, r.service_unit_id,
               exists (select 1 from access_windows w
                        where w.resource_id = r.id and w.organiser_id = ${organiserId}
                          and w.state <> 'invalidated') as live
          from cases c
          left join service_implementations i
                 on i.case_id = c.id and i.organiser_id = ${organiserId}
                and c.organiser_id = ${organiserId}
          left join provider_resources r
                 on r.implementation_id = i.id and r.organiser_id = ${organiserId}
         where c.case_oid = any(${sql.param(part)}::text[])`),
    );
    for (const f of found) {
      if (!existing.cases.has(f.case_oid))
        existing.cases.set(f.case_oid, {
          id: f.id,
          organiserId: f.organiser_id,
          clientId: f.client_id,
          serviceTask: f.service_task,
        });
      if (f.implementation_id === null) continue;
      // Rows come per resource: an implementation with two units comes twice.
      let list = existing.implementations.get(f.id);
      if (!list) existing.implementations.set(f.id, (list = []));
      let implementation = list.find((i) => i.id === f.implementation_id);
      if (!implementation) {
        implementation = {
          id: f.implementation_id,
          service: f.service!,
          startsOn: f.starts_on!,
          resources: [],
        };
        list.push(implementation);
      }
      if (f.resource_id !== null)
        implementation.resources.push({
          id: f.resource_id,
          unitId: f.service_unit_id!,
          live: f.live === true,
        });
    }
  }

  const hashes = [...new Set(rows.map((r) => r.hetuHash))];
  for (const part of chunks(hashes, LOOKUP_BATCH)) {
    const found = rowsOf<{ id: string; hetu_hash: string }>(
      await db.execute(sql`
        select id, hetu_hash from clients
         where organiser_id = ${organiserId} and hetu_hash = any(${sql.param(part)}::text[])`),
    );
    for (const c of found) existing.clients.set(c.hetu_hash, c.id);
  }
  return existing;
}

/** Reads the state and plans the rows (the same for the dry run and inside the apply). */
async function planRows(
  db: Executor,
  organiserId: string,
  parsed: ParsedGoLive,
  today: string,
): Promise<GoLivePlan & { policyVersion: number; goLiveDate: string }> {
  const keys = clientKeys();
  const hashes = new Map<string, string>();
  // The parsed rows get their lookup hash in place: copying 300,000 rows cost about a second
  // and as much memory again (ADR 13).
  const rows = parsed.rows as PlanRow[];
  for (const r of rows) {
    let hetuHash = hashes.get(r.hetu);
    if (!hetuHash) {
      hetuHash = hetuLookup(keys, organiserId, r.hetu);
      hashes.set(r.hetu, hetuHash);
    }
    r.hetuHash = hetuHash;
  }
  const policy = await currentPolicy(db, organiserId);
  const facts = await loadUnitFacts(db, organiserId, { withOidOnly: true });
  const units = new Map<string, UnitFacts>();
  for (const u of facts.values()) if (u.oid) units.set(u.oid, u);
  const existing = await loadExisting(db, organiserId, rows);
  const plan = planGoLiveRows({
    organiserId,
    rows,
    units,
    existing,
    settings: policy.settings,
    today,
    newId: randomUUID,
  });
  return { ...plan, policyVersion: policy.version, goLiveDate: policy.settings.goLiveDate };
}

/** Counts for audit rows: no names, identity codes or provider names. */
function auditDetails(result: GoLiveResult) {
  const s = result.summary;
  return {
    records: result.records,
    issueCount: result.issueCount,
    policyVersion: result.policyVersion,
    ...(s
      ? {
          open: s.open,
          already: s.already,
          refused: s.refused,
          windows: s.windows,
          created: s.created,
          byReason: Object.fromEntries(s.byReason.map((r) => [r.reason, r.rows])),
          providersWithRefusals: s.byProvider.filter((p) => p.providerId !== null).length,
        }
      : {}),
  };
}

/**
 * The dry run: what applying this file would do. Changes nothing but one `golive.dryRun` audit
 * row. With malformed rows, only the issues are returned (nothing can be applied).
 */
export async function planGoLive(
  db: Executor,
  actor: AuditActor,
  source: GoLiveSource,
  opts: GoLiveOptions = {},
): Promise<GoLiveResult> {
  if (!actorMayCall(actor, "/api/golive")) {
    await refuseRole(db, actor, "golive.dryRun");
    return refused("dry");
  }
  const organiserId = organiserOf(actor);
  const today = opts.today ?? helsinkiToday();
  const parsed = await read(source, opts);
  const result: GoLiveResult = {
    mode: "dry",
    ok: parsed.issueCount === 0,
    applied: false,
    records: parsed.records,
    issues: parsed.issues,
    issueCount: parsed.issueCount,
    summary: null,
    goLiveDate: null,
    policyVersion: null,
  };
  if (result.ok) {
    opts.onProgress?.({ phase: "check", done: 0, total: parsed.rows.length });
    const plan = await planRows(db, organiserId, parsed, today);
    opts.onProgress?.({ phase: "check", done: parsed.rows.length, total: parsed.rows.length });
    result.summary = plan.summary;
    result.goLiveDate = plan.goLiveDate;
    result.policyVersion = plan.policyVersion;
  }
  await writeAudit(db, actor, {
    action: "golive.dryRun",
    outcome: result.ok ? "success" : "failure",
    entityType: "golive",
    details: auditDetails(result),
  });
  return result;
}

/**
 * Applies the file in one transaction, all or nothing. Nothing is written when any row is
 * malformed. Re-running it opens nothing twice: rows whose window is live count as `already`.
 */
export async function applyGoLive(
  db: Executor,
  actor: AuditActor,
  source: GoLiveSource,
  onProgress?: (p: GoLiveProgress) => void,
  opts: Omit<GoLiveOptions, "onProgress"> = {},
): Promise<GoLiveResult> {
  if (!actorMayCall(actor, "/api/golive")) {
    await refuseRole(db, actor, "golive.apply");
    return refused("apply");
  }
  const organiserId = organiserOf(actor);
  const today = opts.today ?? helsinkiToday();
  const userId = actor.userId;
  // The file is read and validated before the transaction starts: an upload holds no locks.
  const parsed = await read(source, { ...opts, onProgress });
  const base: GoLiveResult = {
    mode: "apply",
    ok: parsed.issueCount === 0,
    applied: false,
    records: parsed.records,
    issues: parsed.issues,
    issueCount: parsed.issueCount,
    summary: null,
    goLiveDate: null,
    policyVersion: null,
  };
  if (!base.ok) {
    await writeAudit(db, actor, {
      action: "golive.apply",
      outcome: "failure",
      entityType: "golive",
      details: { ...auditDetails(base), reason: "malformed_rows" },
    });
    return base;
  }

  return db.transaction(async (tx) => {
    // One go-live run per organiser at a time; a second waits and then finds everything open.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`golive:${organiserId}`}))`);
    onProgress?.({ phase: "check", done: 0, total: parsed.rows.length });
    const plan = await planRows(tx, organiserId, parsed, today);
    const { writes } = plan;
    const keys = clientKeys();
    const total =
      writes.clients.length +
      writes.cases.length +
      writes.caseLinks.length +
      writes.implementations.length +
      writes.resources.length +
      writes.windows.length;
    let done = 0;
    onProgress?.({ phase: "write", done, total });
    const step = (n: number) => {
      done += n;
      onProgress?.({ phase: "write", done, total });
    };

    for (const part of chunks(writes.clients, BATCH)) {
      const sealed = part.map((c) => sealClient(keys, organiserId, { name: c.name, hetu: c.hetu }));
      await insertRows(tx, clients, part.length, [
        ["id", "uuid", part.map((c) => c.id)],
        ["organiser_id", "uuid", part.map(() => organiserId)],
        ["name_enc", "text", sealed.map((c) => c.nameEnc)],
        ["hetu_enc", "text", sealed.map((c) => c.hetuEnc)],
        ["hetu_hash", "text", sealed.map((c) => c.hetuHash)],
      ]);
      step(part.length);
    }
    for (const part of chunks(writes.cases, BATCH)) {
      await insertRows(tx, cases, part.length, [
        ["id", "uuid", part.map((c) => c.id)],
        ["organiser_id", "uuid", part.map(() => organiserId)],
        ["case_oid", "text", part.map((c) => c.caseOid)],
        ["service_task", "text", part.map((c) => c.serviceTask)],
        ["client_id", "uuid", part.map((c) => c.clientId)],
      ]);
      step(part.length);
    }
    for (const part of chunks(writes.caseLinks, BATCH)) {
      await tx.execute(sql`
        update cases set client_id = v.client_id
        from unnest(${sql.param(part.map((l) => l.caseId))}::uuid[],
                    ${sql.param(part.map((l) => l.clientId))}::uuid[]) as v(case_id, client_id)
        where cases.id = v.case_id and cases.organiser_id = ${organiserId}
          and cases.client_id is null`);
      step(part.length);
    }
    for (const part of chunks(writes.implementations, BATCH)) {
      await insertRows(tx, serviceImplementations, part.length, [
        ["id", "uuid", part.map((i) => i.id)],
        ["organiser_id", "uuid", part.map(() => organiserId)],
        ["case_id", "uuid", part.map((i) => i.caseId)],
        ["service", "text", part.map((i) => i.service)],
        ["starts_on", "date", part.map((i) => i.startsOn)],
        ["ends_on", "date", part.map((i) => i.endsOn)],
        ["voucher", "boolean", part.map(() => false)],
      ]);
      step(part.length);
    }
    for (const part of chunks(writes.resources, BATCH)) {
      await insertRows(tx, providerResources, part.length, [
        ["id", "uuid", part.map((r) => r.id)],
        ["organiser_id", "uuid", part.map(() => organiserId)],
        ["implementation_id", "uuid", part.map((r) => r.implementationId)],
        ["service_unit_id", "uuid", part.map((r) => r.serviceUnitId)],
        ["starts_on", "date", part.map((r) => r.startsOn)],
        ["ends_on", "date", part.map((r) => r.endsOn)],
      ]);
      step(part.length);
    }
    // Each window with its own audit row (entity access_window, as when a case worker opens
    // one), written by the same statement: the "who was given access to this client" query
    // finds go-live windows too. Ids and dates only, never client data.
    // The per-provider window counts (provider_window_tasks) are recounted once after the
    // batches: their statement trigger in every batch cost more than the recount (ADR 13).
    if (writes.windows.length > 0)
      await tx.execute(sql`select set_config('portal.defer_window_counts', 'on', true)`);
    for (const part of chunks(writes.windows, WINDOW_BATCH)) {
      const p = <T>(f: (w: (typeof part)[number]) => T) => sql.param(part.map(f));
      await tx.execute(sql`
        with opened as (
          insert into access_windows
            (id, organiser_id, case_id, service_task, service_unit_id, implementation_id,
             resource_id, opens_on, closes_on, state, source, existing_client, policy_version,
             created_by)
          select v.id, ${organiserId}::uuid, v.case_id,
                 -- A subquery, not a join: a missing case fails (NOT NULL) instead of dropping the row.
                 (select c.service_task from cases c where c.id = v.case_id), v.unit_id,
                 v.implementation_id,
                 v.resource_id, v.opens_on, v.closes_on, v.state, 'golive', v.existing_client,
                 ${plan.policyVersion}::int, ${userId}::text
            from unnest(${p((w) => w.id)}::uuid[], ${p((w) => w.caseId)}::uuid[],
                        ${p((w) => w.serviceUnitId)}::uuid[], ${p((w) => w.implementationId)}::uuid[],
                        ${p((w) => w.resourceId)}::uuid[], ${p((w) => w.opensOn)}::date[],
                        ${p((w) => w.closesOn)}::date[], ${p((w) => w.state)}::text[],
                        ${p((w) => w.existingClient)}::boolean[])
                 as v(id, case_id, unit_id, implementation_id, resource_id, opens_on, closes_on,
                      state, existing_client)
          returning id, case_id, state, opens_on, closes_on
        )
        insert into audit_log (organiser_id, provider_id, actor_user_id, actor_role, action,
                               entity_type, entity_id, outcome, source_ip, details)
        select ${organiserId}::uuid, ${actor.providerId}::uuid, ${userId}::text, ${actor.role}::text,
               'window.created', 'access_window', id::text, 'success', ${actor.sourceIp ?? null}::text,
               jsonb_build_object('source', 'golive', 'caseId', case_id, 'state', state,
                                  'opensOn', opens_on, 'closesOn', closes_on,
                                  'policyVersion', ${plan.policyVersion}::int)
          from opened`);
      step(part.length);
    }
    if (writes.windows.length > 0) {
      await tx.execute(sql`select set_config('portal.defer_window_counts', 'off', true)`);
      await tx.execute(sql`select recount_provider_window_tasks(${organiserId}::uuid)`);
    }

    const result: GoLiveResult = {
      ...base,
      applied: true,
      summary: plan.summary,
      goLiveDate: plan.goLiveDate,
      policyVersion: plan.policyVersion,
    };
    await writeAudit(tx, actor, {
      action: "golive.apply",
      outcome: "success",
      entityType: "golive",
      details: auditDetails(result),
    });
    return result;
  });
}
