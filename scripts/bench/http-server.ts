/**
 * The built portal for the HTTP benchmark, in a process of its own (scripts/bench/http.ts
 * starts it with the database and settings in the environment). Prints "ready <url>" when it
 * listens; stops on SIGTERM.
 */
import { servePortal, stopOnSignals } from "../serve";

const portal = await servePortal({
  mailSinkPort: Number(process.env.BENCH_SINK_PORT),
  seedDemo: true,
  quiet: true,
  reminders: false,
});
stopOnSignals(portal.stop);
console.log(`ready ${portal.url}`);
