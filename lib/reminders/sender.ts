import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { reminderLog, reminderOutbox, type ReminderOutboxRow } from "@/db/schema";
import { backoffMs, smtpTransport, STALE_MS, type Transport } from "@/lib/delivery/worker";

/**
 * Sends queued reminder e-mails (reminder_outbox) with retries, like the case-OID outbox worker
 * (lib/delivery/worker.ts, whose backoff and transport this reuses). A row is claimed with FOR
 * UPDATE SKIP LOCKED and a lock time, so concurrent senders never take the same row; a claim left
 * by a crashed sender is taken over after STALE_MS (at most one duplicate, with the same
 * Message-ID). A failed send is retried with exponential backoff; after MAX_ATTEMPTS it is failed.
 */

export const MAX_ATTEMPTS = 8;

export type SendResult = { sent: number; retrying: number; failed: number };

/** Claims up to `limit` due reminder messages (one short transaction). */
export async function claimDueReminders(
  db: Executor,
  now: Date,
  limit = 20,
  organiserId?: string,
): Promise<ReminderOutboxRow[]> {
  const stale = new Date(now.getTime() - STALE_MS);
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: reminderOutbox.id })
      .from(reminderOutbox)
      .where(
        and(
          eq(reminderOutbox.status, "queued"),
          sql`${reminderOutbox.nextAttemptAt} <= ${now}`,
          sql`(${reminderOutbox.lockedAt} is null or ${reminderOutbox.lockedAt} < ${stale})`,
          organiserId ? eq(reminderOutbox.organiserId, organiserId) : undefined,
        ),
      )
      .orderBy(reminderOutbox.nextAttemptAt)
      .limit(limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(reminderOutbox)
      .set({ lockedAt: now, attempts: sql`${reminderOutbox.attempts} + 1` })
      .where(
        inArray(
          reminderOutbox.id,
          due.map((d) => d.id),
        ),
      )
      .returning();
  });
}

/** Error text safe to keep: the SMTP answer or error code (reminders hold no client data anyway). */
function errorText(e: unknown): string {
  const err = e as { code?: string; responseCode?: number; response?: string; message?: string };
  return [err.code, err.responseCode, err.response ?? err.message].filter(Boolean).join(" ");
}

async function record(
  db: Executor,
  m: ReminderOutboxRow,
  outcome: { ok: true } | { ok: false; error: string },
  now: Date,
): Promise<"sent" | "queued" | "failed"> {
  const status = outcome.ok ? "sent" : m.attempts >= MAX_ATTEMPTS ? "failed" : "queued";
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(reminderOutbox)
      .set(
        outcome.ok
          ? { status: "sent", sentAt: now, lastError: null, lockedAt: null }
          : {
              status,
              lastError: outcome.error.slice(0, 500),
              nextAttemptAt: new Date(now.getTime() + backoffMs(m.attempts)),
              lockedAt: null,
            },
      )
      // Only the claim that is still ours may record (a stale reclaim may have taken it over).
      .where(and(eq(reminderOutbox.id, m.id), eq(reminderOutbox.lockedAt, m.lockedAt!)))
      .returning({ id: reminderOutbox.id });
    if (outcome.ok && updated.length > 0)
      await tx.update(reminderLog).set({ sentAt: now }).where(eq(reminderLog.outboxId, m.id));
  });
  return status;
}

/**
 * Sends every due reminder message (optionally of one organiser), a batch at a time, and
 * records each outcome. Returns the counts.
 */
export async function sendDueReminders(
  db: Executor,
  send: Transport = smtpTransport,
  now: Date = new Date(),
  opts: { organiserId?: string; limit?: number } = {},
): Promise<SendResult> {
  const limit = opts.limit ?? 20;
  const counts: SendResult = { sent: 0, retrying: 0, failed: 0 };
  for (;;) {
    const claimed = await claimDueReminders(db, now, limit, opts.organiserId);
    for (const m of claimed) {
      let outcome: { ok: true } | { ok: false; error: string };
      try {
        await send({ to: m.recipient, raw: Buffer.from(m.raw, "latin1") });
        outcome = { ok: true };
      } catch (e) {
        outcome = { ok: false, error: errorText(e) || "send failed" };
      }
      const status = await record(db, m, outcome, now);
      if (status === "sent") counts.sent++;
      else if (status === "failed") counts.failed++;
      else counts.retrying++;
    }
    // A failed row waits for its backoff, so it is not claimed again in this pass.
    if (claimed.length < limit) break;
  }
  return counts;
}
