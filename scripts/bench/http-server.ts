/**
 * The built portal for the HTTP benchmark, in processes of its own (scripts/bench/http.ts
 * starts it with the database and settings in the environment). Prints "ready <url>" when it
 * listens; stops on SIGTERM.
 */
import { loadConfigOrExit, productionWorkers, servePortal, stopOnSignals } from "../serve";

const portal = await servePortal({
  // As npm start runs in production: one HTTP worker per core (ADR 21).
  workers: productionWorkers(loadConfigOrExit()),
  mailSinkPort: Number(process.env.BENCH_SINK_PORT),
  seedDemo: true,
  quiet: true,
  reminders: false,
});
stopOnSignals(portal.stop);
console.log(`ready ${portal.url}`);
