/**
 * Runs `run` at once and then every `intervalMs`, never two runs at a time in this process.
 * An error is logged (lib/log, with `name`) and the next run tries again. The timer is unref()ed
 * so it never keeps the process alive. Returns stop(), which resolves once a run in progress has
 * finished. Shared by the window state job, the reminders and the outbox worker. Relative-path
 * friendly: no "@/" imports, since scripts/serve.ts loads it outside the Next bundle.
 */
import { log } from "../log";
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
        log.error({ err: String(err) }, `${name} failed`);
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
