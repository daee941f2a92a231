import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { auditLog, outboxMessages, type OutboxMessage } from "@/db/schema";
import type { AuditActor } from "@/lib/audit";
import { sendMail } from "@/lib/mail/send";
import { startRepeating } from "@/lib/jobs/repeat";
import { log } from "../log";

/**
 * The outbox worker (ADR 9). Claims due messages with FOR UPDATE SKIP LOCKED (so several workers
 * never take the same row), sends each as its stored raw bytes, and records the SMTP answer.
 * A failed send goes back to the queue with exponential backoff; after maxAttempts it is failed
 * and staff can retry it. A row left "sending" by a crashed worker is claimed again after
 * STALE_MS and resent with the same Message-ID: at most one duplicate, recognisably the same.
 */
export type Transport = (m: { to: string; raw: Buffer }) => Promise<{ response: string }>;

export const STALE_MS = 2 * 60 * 1000;
const BASE_BACKOFF_MS = 30 * 1000;
const MAX_BACKOFF_MS = 60 * 60 * 1000;
/** Messages a pass claims, and so at most sends before it records (runOutboxOnce). */
export const PASS_LIMIT = 20;

const SYSTEM: AuditActor = { userId: null, role: "system", organiserId: null, providerId: null };

/** Delay before the next attempt after `attempts` failures: 30 s, 1 min, 2 min … at most 1 h. */
export function backoffMs(attempts: number): number {
  return Math.min(BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

export const smtpTransport: Transport = async (m) => {
  const r = await sendMail({ to: m.to, subject: "", text: "", raw: m.raw });
  return { response: r.response };
};

/** Claims up to `limit` due messages and marks them sending (one short transaction). */
export async function claimDue(
  db: Executor,
  now: Date,
  limit = PASS_LIMIT,
): Promise<OutboxMessage[]> {
  const stale = new Date(now.getTime() - STALE_MS);
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: outboxMessages.id })
      .from(outboxMessages)
      .where(
        sql`(${outboxMessages.status} = 'queued' and ${outboxMessages.nextAttemptAt} <= ${now})
          or (${outboxMessages.status} = 'sending' and ${outboxMessages.lockedAt} < ${stale})`,
      )
      .orderBy(outboxMessages.nextAttemptAt)
      .limit(limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(outboxMessages)
      .set({
        status: "sending",
        lockedAt: now,
        attempts: sql`${outboxMessages.attempts} + 1`,
        updatedAt: now,
      })
      .where(
        sql`${outboxMessages.id} in (${sql.join(
          due.map((d) => sql`${d.id}`),
          sql`, `,
        )})`,
      )
      .returning();
  });
}

type Outcome = { ok: true; response: string } | { ok: false; error: string };
type Status = "sent" | "queued" | "failed";

/**
 * Records the outcomes of several sends in one short transaction: one UPDATE over all of them
 * and one multi-row audit insert (sent and finally failed messages; a retry is not audited).
 */
async function recordAll(
  db: Executor,
  done: { m: OutboxMessage; outcome: Outcome }[],
  now: Date,
): Promise<Status[]> {
  const statuses = done.map(({ m, outcome }): Status =>
    outcome.ok ? "sent" : m.attempts >= m.maxAttempts ? "failed" : "queued",
  );
  const col = <T>(f: (d: (typeof done)[number], status: Status) => T) =>
    sql.param(done.map((d, i) => f(d, statuses[i]!)));
  await db.transaction(async (tx) => {
    // Only a claim that is still ours may record (a stale reclaim may have taken it over). A
    // send keeps its SMTP answer and clears the error; a failure keeps the last answer.
    await tx.execute(sql`
      update ${outboxMessages} as o
         set status = v.status,
             smtp_response = case when v.ok then v.response else o.smtp_response end,
             last_error = case when v.ok then null else v.error end,
             sent_at = case when v.ok then ${now}::timestamptz else o.sent_at end,
             next_attempt_at = coalesce(v.next_at, o.next_attempt_at),
             locked_at = null,
             updated_at = ${now}::timestamptz
        from unnest(${col(({ m }) => m.id)}::uuid[],
                    ${col(({ m }) => m.lockedAt!.toISOString())}::timestamptz[],
                    ${col((_, status) => status)}::text[],
                    ${col(({ outcome }) => outcome.ok)}::boolean[],
                    ${col(({ outcome }) => (outcome.ok ? outcome.response.slice(0, 500) : null))}::text[],
                    ${col(({ outcome }) => (outcome.ok ? null : outcome.error.slice(0, 500)))}::text[],
                    ${col(({ m, outcome }) =>
                      outcome.ok
                        ? null
                        : new Date(now.getTime() + backoffMs(m.attempts)).toISOString(),
                    )}::timestamptz[])
             as v(id, locked_at, status, ok, response, error, next_at)
       where o.id = v.id and o.locked_at = v.locked_at`);
    const audited = done
      .map((d, i) => ({ ...d, status: statuses[i]! }))
      .filter((d) => d.status !== "queued");
    if (audited.length > 0)
      await tx.insert(auditLog).values(
        audited.map(({ m, status }) => ({
          organiserId: m.organiserId,
          providerId: SYSTEM.providerId,
          actorUserId: SYSTEM.userId,
          actorRole: SYSTEM.role,
          action: status === "sent" ? "deliveries.sent" : "deliveries.failed",
          entityType: "outbox_message",
          entityId: m.id,
          outcome: status === "sent" ? ("success" as const) : ("failure" as const),
          details: { attempts: m.attempts, method: m.method, caseId: m.caseId },
        })),
      );
  });
  return statuses;
}

/** Error text safe to keep: the SMTP answer or error code, never the message itself. */
function errorText(e: unknown): string {
  const err = e as { code?: string; responseCode?: number; response?: string; message?: string };
  return [err.code, err.responseCode, err.response ?? err.message].filter(Boolean).join(" ");
}

/**
 * Gives claimed messages that were not attempted back to the queue as they were (a worker that
 * is stopping sends no further message), so another worker or the next start sends them at once
 * instead of after STALE_MS.
 */
async function unclaim(db: Executor, rest: OutboxMessage[]): Promise<void> {
  for (const m of rest)
    await db
      .update(outboxMessages)
      .set({ status: "queued", lockedAt: null, attempts: sql`${outboxMessages.attempts} - 1` })
      .where(and(eq(outboxMessages.id, m.id), eq(outboxMessages.lockedAt, m.lockedAt!)));
}

/**
 * Records outcomes, retrying a few times when the database is briefly unreachable: a message
 * that was sent but not recorded stays "sending" and is sent again after STALE_MS.
 */
async function recordWithRetry(
  db: Executor,
  done: { m: OutboxMessage; outcome: Outcome }[],
  now: Date,
): Promise<Status[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await recordAll(db, done, now);
    } catch (e) {
      if (attempt >= RECORD_ATTEMPTS) throw e;
      await new Promise((r) => setTimeout(r, 1000 * attempt));
    }
  }
}
const RECORD_ATTEMPTS = 3;

/**
 * Sends in flight at once within a pass: the size of the SMTP pool (lib/mail/send.ts), so every
 * pooled connection is busy instead of one message waiting for the previous one's answer.
 */
export const SEND_CONCURRENCY = 4;

/**
 * How long a finished send may wait to be recorded while other sends of the pass are still in
 * flight. A pass of 20 usually finishes sooner, so its outcomes go into one transaction at the
 * end; a slow relay still gets its outcomes recorded at least this often.
 */
export const RECORD_AFTER_MS = 1000;

export type PassOptions = {
  /** Messages claimed in one pass. */
  limit?: number;
  /** Checked before each send; when true, the rest of the claim goes back to the queue. */
  isStopped?: () => boolean;
  /** Sends in flight at once. */
  concurrency?: number;
  /** See RECORD_AFTER_MS. */
  recordAfterMs?: number;
};

/**
 * One pass: claim, send, record. Returns the counts. Up to `concurrency` sends overlap. Their
 * outcomes are recorded when the sends are done, or earlier once the oldest unrecorded one has
 * waited `recordAfterMs`: writing a record while other sends are on the wire delays them, most
 * of all on PGlite, whose queries run on this thread (README, eleventh pass). Whatever finishes
 * while a record is being written goes into the next one (a caller's transaction is never used
 * by two statements at once). A message sent but not yet recorded when the process dies is sent
 * again after STALE_MS (at most one duplicate, with the same Message-ID). When `isStopped`
 * turns true, the sends in flight are finished and recorded, and the rest of the claim goes back
 * to the queue.
 */
export async function runOutboxOnce(
  db: Executor,
  send: Transport = smtpTransport,
  now: Date = new Date(),
  {
    limit = PASS_LIMIT,
    isStopped = () => false,
    concurrency = SEND_CONCURRENCY,
    recordAfterMs = RECORD_AFTER_MS,
  }: PassOptions = {},
): Promise<{ sent: number; retrying: number; failed: number }> {
  const claimed = await claimDue(db, now, limit);
  const counts = { sent: 0, retrying: 0, failed: 0 };
  const finished: { m: OutboxMessage; outcome: Outcome }[] = [];
  let recording: Promise<void> = Promise.resolve();
  let idle = true;
  let failure: unknown;
  const record = () => {
    if (!idle) return;
    idle = false;
    recording = (async () => {
      while (finished.length > 0) {
        for (const status of await recordWithRetry(db, finished.splice(0), now)) {
          if (status === "sent") counts.sent++;
          else if (status === "failed") counts.failed++;
          else counts.retrying++;
        }
      }
    })()
      // Left unrecorded, the claims turn stale and are sent again (at most one duplicate).
      .catch((e: unknown) => {
        failure ??= e;
        finished.length = 0;
      })
      .finally(() => {
        idle = true;
      });
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const finish = (d: (typeof finished)[number]) => {
    finished.push(d);
    timer ??= setTimeout(() => {
      timer = undefined;
      record();
    }, recordAfterMs);
  };
  let next = 0;
  const lane = async () => {
    while (next < claimed.length && !isStopped()) {
      const m = claimed[next++]!;
      let outcome: Outcome;
      try {
        const r = await send({ to: m.recipient, raw: Buffer.from(m.raw, "latin1") });
        outcome = { ok: true, response: r.response };
      } catch (e) {
        outcome = { ok: false, error: errorText(e) };
      }
      finish({ m, outcome });
    }
  };
  try {
    await Promise.all(
      Array.from({ length: Math.max(1, Math.min(concurrency, claimed.length)) }, lane),
    );
  } finally {
    // No record may start on `db` after this pass has returned or thrown.
    clearTimeout(timer);
  }
  // The sends are done: record what is left. A record under way may be past its last look at
  // `finished` but not yet idle, so look again after it.
  do {
    record();
    await recording;
  } while (finished.length > 0);
  if (next < claimed.length) await unclaim(db, claimed.slice(next));
  if (failure !== undefined) throw failure;
  return counts;
}

/** Runs the worker every `intervalMs` until stopped; logs counts only, never content. */
export function startOutboxWorker(
  getDb: () => Executor,
  opts: { intervalMs?: number; send?: Transport } = {},
): () => Promise<void> {
  return startRepeating("outbox worker", opts.intervalMs ?? 2000, async (isStopped) => {
    // Drain what is due, a batch at a time.
    for (;;) {
      const r = await runOutboxOnce(getDb(), opts.send, new Date(), { isStopped });
      if (r.sent + r.retrying + r.failed > 0) log.info(r, "outbox pass");
      if (r.sent + r.retrying + r.failed < PASS_LIMIT || isStopped()) break;
    }
  });
}
