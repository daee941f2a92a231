import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { outboxMessages, type OutboxMessage } from "@/db/schema";
import { writeAudit, type AuditActor } from "@/lib/audit";
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
export async function claimDue(db: Executor, now: Date, limit = 20): Promise<OutboxMessage[]> {
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

async function record(
  db: Executor,
  m: OutboxMessage,
  outcome: { ok: true; response: string } | { ok: false; error: string },
  now: Date,
): Promise<"sent" | "queued" | "failed"> {
  const status = outcome.ok ? "sent" : m.attempts >= m.maxAttempts ? "failed" : "queued";
  await db.transaction(async (tx) => {
    await tx
      .update(outboxMessages)
      .set(
        outcome.ok
          ? {
              status: "sent",
              smtpResponse: outcome.response.slice(0, 500),
              lastError: null,
              sentAt: now,
              lockedAt: null,
              updatedAt: now,
            }
          : {
              status,
              lastError: outcome.error.slice(0, 500),
              nextAttemptAt: new Date(now.getTime() + backoffMs(m.attempts)),
              lockedAt: null,
              updatedAt: now,
            },
      )
      // Only the claim that is still ours may record (a stale reclaim may have taken it over).
      .where(and(eq(outboxMessages.id, m.id), eq(outboxMessages.lockedAt, m.lockedAt!)));
    if (status !== "queued")
      await writeAudit(tx, SYSTEM, {
        action: status === "sent" ? "deliveries.sent" : "deliveries.failed",
        outcome: status === "sent" ? "success" : "failure",
        entityType: "outbox_message",
        entityId: m.id,
        organiserId: m.organiserId,
        details: { attempts: m.attempts, method: m.method, caseId: m.caseId },
      });
  });
  return status;
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
 * Records an outcome, retrying a few times when the database is briefly unreachable: a message
 * that was sent but not recorded stays "sending" and is sent again after STALE_MS.
 */
async function recordWithRetry(
  db: Executor,
  m: OutboxMessage,
  outcome: { ok: true; response: string } | { ok: false; error: string },
  now: Date,
): Promise<"sent" | "queued" | "failed"> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await record(db, m, outcome, now);
    } catch (e) {
      if (attempt >= RECORD_ATTEMPTS) throw e;
      await new Promise((r) => setTimeout(r, 1000 * attempt));
    }
  }
}
const RECORD_ATTEMPTS = 3;

/**
 * One pass: claim, send, record. Returns the counts. When `isStopped` turns true the message being
 * sent is finished and recorded, and the rest of the claim goes back to the queue.
 */
export async function runOutboxOnce(
  db: Executor,
  send: Transport = smtpTransport,
  now: Date = new Date(),
  limit = 20,
  isStopped: () => boolean = () => false,
): Promise<{ sent: number; retrying: number; failed: number }> {
  const claimed = await claimDue(db, now, limit);
  const counts = { sent: 0, retrying: 0, failed: 0 };
  for (const [i, m] of claimed.entries()) {
    if (isStopped()) {
      await unclaim(db, claimed.slice(i));
      break;
    }
    let outcome: { ok: true; response: string } | { ok: false; error: string };
    try {
      const r = await send({ to: m.recipient, raw: Buffer.from(m.raw, "latin1") });
      outcome = { ok: true, response: r.response };
    } catch (e) {
      outcome = { ok: false, error: errorText(e) };
    }
    const status = await recordWithRetry(db, m, outcome, now);
    if (status === "sent") counts.sent++;
    else if (status === "failed") counts.failed++;
    else counts.retrying++;
  }
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
      const r = await runOutboxOnce(getDb(), opts.send, new Date(), 20, isStopped);
      if (r.sent + r.retrying + r.failed > 0) log.info(r, "outbox pass");
      if (r.sent + r.retrying + r.failed < 20 || isStopped()) break;
    }
  });
}
