/**
 * The scheduled job that moves access windows along their dates (lib/windows/rules.ts stateOn):
 * planned → open on opensOn, planned/open → closed the day after closesOn. Only forward: an
 * invalidated window is never touched and a closed one never reopens (closing or reopening by
 * hand is a case worker's action, not the clock's).
 *
 * Set-based: each transition is one UPDATE … RETURNING whose rows feed one INSERT … SELECT into
 * the audit log in the same statement, so 300,000 windows opening on go-live day never travel
 * through this process. Relative imports: scripts/serve.ts loads this outside the Next bundle.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "../../db";
import { helsinkiToday, isCalendarDate } from "./dates";
import { startRepeating } from "../jobs/repeat";
import { log } from "../log";

/** Advisory lock key of this job (pg_try_advisory_xact_lock): one run at a time, cluster-wide. */
export const WINDOW_JOB_LOCK_KEY = 7_301_526_615;

export type AdvanceResult = { opened: number; closed: number };

type Transition = {
  from: "planned" | "open";
  to: "open" | "closed";
  action: "window.opened" | "window.closed";
  /** Extra condition on the window's dates (SQL on alias w). */
  when: SQL;
};

function firstRow<T>(result: unknown): T | undefined {
  return (result as { rows?: T[] }).rows?.[0];
}

/**
 * One transition for every window it applies to, with one audit row per changed window
 * (actor "system", the window's organiser, entity access_window/<id>). Returns the count.
 */
async function move(tx: Executor, t: Transition, today: string): Promise<number> {
  const result = await tx.execute(sql`
    with moved as (
      update access_windows as w
         set state = ${t.to}::text,
             version = w.version + 1,
             updated_at = now()
       where w.state = ${t.from}::text
         and ${t.when}
      returning w.id, w.organiser_id, w.version
    ),
    logged as (
      insert into audit_log
        (organiser_id, provider_id, actor_user_id, actor_role, action, entity_type, entity_id,
         outcome, details)
      select moved.organiser_id, null, null, 'system', ${t.action}::text, 'access_window',
             moved.id::text, 'success',
             jsonb_build_object(
               'changes', jsonb_build_object(
                 'state', jsonb_build_object('from', ${t.from}::text, 'to', ${t.to}::text)),
               'version', moved.version,
               'date', ${today}::text)
        from moved
      returning 1
    )
    select count(*)::int as n from logged`);
  return Number(firstRow<{ n: number | string }>(result)?.n ?? 0);
}

/**
 * Moves every window whose dates say so, on the calendar date `today` (yyyy-mm-dd, Helsinki):
 * - planned → open when opensOn <= today and (closesOn is null or closesOn >= today);
 * - planned or open → closed when closesOn < today (a window whose both dates passed goes
 *   straight to closed).
 * Every change increments the window's version and writes an audit row, all in one transaction.
 * Idempotent: a second run on the same day finds nothing to move. If another process holds the
 * job's advisory lock, nothing is done and zeros are returned.
 */
export async function advanceWindowStates(db: Executor, today: string): Promise<AdvanceResult> {
  if (!isCalendarDate(today)) {
    throw new RangeError(`today: not a calendar date (yyyy-mm-dd): ${JSON.stringify(today)}`);
  }
  return db.transaction(async (tx) => {
    const lock = firstRow<{ locked: boolean }>(
      await tx.execute(
        sql`select pg_try_advisory_xact_lock(${WINDOW_JOB_LOCK_KEY}::bigint) as locked`,
      ),
    );
    if (lock?.locked !== true) return { opened: 0, closed: 0 };

    const ended = sql`w.closes_on is not null and w.closes_on < ${today}::date`;
    const closedFromPlanned = await move(
      tx,
      { from: "planned", to: "closed", action: "window.closed", when: ended },
      today,
    );
    const closedFromOpen = await move(
      tx,
      { from: "open", to: "closed", action: "window.closed", when: ended },
      today,
    );
    const opened = await move(
      tx,
      {
        from: "planned",
        to: "open",
        action: "window.opened",
        when: sql`w.opens_on <= ${today}::date and (w.closes_on is null or w.closes_on >= ${today}::date)`,
      },
      today,
    );
    return { opened, closed: closedFromPlanned + closedFromOpen };
  });
}

export type WindowSchedulerOptions = {
  /** Between runs; default 5 minutes (so a new day is picked up within 5 minutes of midnight). */
  intervalMs?: number;
  /** The clock (tests). */
  now?: () => Date;
};

/**
 * Runs advanceWindowStates at once and then every 5 minutes on the Helsinki date. Logs counts
 * only (never client data); an error is logged and the next run tries again. Runs never
 * overlap within the process (and the advisory lock guards across processes). Timers are
 * unref()ed so they never keep the process alive. Returns stop(), which resolves once a run in
 * progress has finished.
 */
export function startWindowScheduler(
  getDb: () => Executor,
  opts: WindowSchedulerOptions = {},
): () => Promise<void> {
  const now = opts.now ?? (() => new Date());
  let first = true;
  return startRepeating("access window job", opts.intervalMs ?? 5 * 60 * 1000, async () => {
    const today = helsinkiToday(now());
    const r = await advanceWindowStates(getDb(), today);
    if (first || r.opened > 0 || r.closed > 0) {
      log.info({ today, ...r }, "access window states advanced");
    }
    first = false;
  });
}
