/**
 * One HTTP worker of a multi-process portal (scripts/serve.ts startHttpWorkers, ADR 21): the
 * built Next.js app with its own PostgreSQL pool, on the port the primary shares. Migrations,
 * jobs and the mail sink are the primary's. It stops gracefully when the primary asks or goes
 * away; a signal to the whole process group (Ctrl+C) is the primary's to handle.
 */
import cluster from "node:cluster";
import { closeClient, openClient, setClient } from "../db";
import { noteWrite, WRITE_NOTICE } from "../lib/data-generation";
import { log } from "../lib/log";
import { loadConfigOrExit, serveHttp, SHUTDOWN_GRACE_MS, WORKER_READY, WORKER_STOP } from "./serve";

if (!cluster.isWorker) throw new Error("scripts/http-worker.ts runs only as a cluster worker");

const config = loadConfigOrExit();
const client = openClient({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir });
setClient(client);

// Listened for before the app starts: a stop asked for meanwhile must not be lost. (The primary
// kills a worker that has not reported ready instead of asking it.)
const app: { web?: Awaited<ReturnType<typeof serveHttp>> } = {};
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  // Bounded like the primary's own stop, so no worker outlives it (a query that never ends).
  setTimeout(() => {
    log.error({}, "HTTP worker did not stop in time; exiting");
    process.exit(1);
  }, SHUTDOWN_GRACE_MS);
  try {
    if (app.web) await app.web.close();
    await closeClient(client);
    process.exit(0);
  } catch (err) {
    log.error({ err: String(err) }, "HTTP worker did not stop cleanly");
    process.exit(1);
  }
};
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => undefined);
process.on("message", (m) => {
  if (m === WORKER_STOP) void stop();
  if (m === WRITE_NOTICE) noteWrite();
});
process.on("disconnect", () => void stop());

app.web = await serveHttp(config, () => {
  noteWrite();
  // A closing channel (the primary going away) is not this request's failure.
  if (process.connected) process.send!(WRITE_NOTICE, undefined, {}, () => undefined);
});
if (!stopping) process.send!(WORKER_READY);
