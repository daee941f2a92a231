/**
 * The outbox worker as its own process (production): `npm run worker`, with OUTBOX_WORKER=external
 * set for the web process. Needs PostgreSQL: an embedded PGlite folder belongs to one process,
 * so with PGlite the worker runs inside the web process instead (ADR 2, ADR 9).
 */
import { closeClient, getDb, openClient, setClient } from "../db";
import { startOutboxWorker } from "../lib/delivery/worker";
import { loadConfigOrExit, stopOnSignals } from "./serve";
import { log } from "../lib/log";

const config = loadConfigOrExit();
if (!config.databaseUrl) {
  console.error(
    "npm run worker needs DATABASE_URL (PostgreSQL). With the embedded database the worker runs inside the web process (OUTBOX_WORKER=inline).",
  );
  process.exit(1);
}
const client = openClient({ databaseUrl: config.databaseUrl });
setClient(client);
const stop = startOutboxWorker(getDb);
log.info("outbox worker started");
stopOnSignals(async () => {
  await stop();
  await closeClient(client);
});
