import { DrizzleQueryError } from "drizzle-orm/errors";
import { log } from "../log";

/**
 * Runs `run` at once and then every `intervalMs`, never two runs at a time in this process.
 * An error is logged (lib/log, with `name`) and the next run tries again. The timer is unref()ed
 * so it never keeps the process alive. Returns stop(), which resolves once a run in progress has
 * finished. Shared by the window state job, the reminders and the outbox worker. Relative-path
 * friendly: no "@/" imports, since scripts/serve.ts loads it outside the Next bundle.
 */
/**
 * What a failed run logs: a failed query's cause (the driver's error and code), never the query
 * text and parameters drizzle puts in its own message, which may carry names or e-mail addresses.
 */
export function errorText(err: unknown): string {
  if (err instanceof DrizzleQueryError)
    return err.cause ? `query failed: ${errorText(err.cause)}` : "query failed";
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" ? `${String(err)} (${code})` : String(err);
}

export function startRepeating(
  name: string,
  intervalMs: number,
  run: (isStopped: () => boolean) => Promise<void>,
): () => Promise<void> {
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    running = (async () => {
      try {
        await run(() => stopped);
      } catch (err) {
        log.error({ err: errorText(err) }, `${name} failed`);
      } finally {
        running = undefined;
      }
    })();
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
