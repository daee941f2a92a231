/**
 * The reminder scheduler: at start and every 15 minutes, work out and queue every organiser's
 * due reminders on the Helsinki date (runReminders), then send what is due (sendDueReminders).
 * The reminder log's unique index makes each reminder go out once however often this runs and
 * however many processes run it. Relative imports: scripts/serve.ts loads this outside the Next
 * bundle.
 */
import type { Executor } from "../../db";
import type { Transport } from "../delivery/worker";
import { helsinkiToday } from "../windows/dates";
import { runReminders, totalOf, type ReminderContext } from "./operations";
import { sendDueReminders } from "./sender";
import { startRepeating } from "../jobs/repeat";
import { log } from "../log";

export type ReminderSchedulerOptions = {
  /** Between runs; default 15 minutes. */
  intervalMs?: number;
  /** The clock (tests). */
  now?: () => Date;
  /** The mail transport (tests); default SMTP. */
  send?: Transport;
  /** Sender address and portal address; default from the configuration. */
  ctx?: ReminderContext;
};

/**
 * Starts the scheduler. Logs counts only (never addresses or content); an error is logged and
 * the next run tries again. Runs never overlap within the process. Timers are unref()ed so they
 * never keep the process alive. Returns stop(), which resolves once a run in progress has
 * finished.
 */
export function startReminderScheduler(
  getDb: () => Executor,
  opts: ReminderSchedulerOptions = {},
): () => Promise<void> {
  const now = opts.now ?? (() => new Date());
  let first = true;
  return startRepeating("reminder job", opts.intervalMs ?? 15 * 60 * 1000, async () => {
    const at = now();
    const today = helsinkiToday(at);
    const db = getDb();
    const r = await runReminders(db, today, at, opts.ctx);
    const s = await sendDueReminders(db, opts.send, at);
    const queued = totalOf(r.queued);
    if (first || queued > 0 || s.sent + s.retrying + s.failed > 0 || r.failedOrganisers > 0) {
      log.info(
        { today, queued: r.queued, failedOrganisers: r.failedOrganisers, ...s },
        "reminders run",
      );
    }
    first = false;
  });
}
