/**
 * Hosts the built Next.js app in this process together with everything that
 * must share its database handle: migrations at boot, the demo seed, and (in
 * demo and tests) the local SMTP sink. One process owns a PGlite directory
 * (ADR 0002).
 */
import http from "node:http";
import { rm } from "node:fs/promises";
import path from "node:path";
import next from "next";
import { ConfigError, getConfig, type Config } from "../lib/config";
import { closeClient, getDb, openClient, setClient, wrap } from "../db";
import { migrateDb } from "../db/migrate";
import { DEMO_USERS, seedDemo } from "../db/seed/demo";
import { startMailSink, type MailSink } from "../lib/mail/sink";
import { startWindowScheduler } from "../lib/windows/job";
import { startOutboxWorker } from "../lib/delivery/worker";
import { startReminderScheduler } from "../lib/reminders/job";
import { purgeOld } from "../lib/auth/rate-limit";
import { purgeSessions } from "../lib/auth/sessions";

export type Portal = { url: string; config: Config; stop: () => Promise<void> };

export type ServeOptions = {
  /** Start an SMTP sink on this port (demo and tests). */
  mailSinkPort?: number;
  seedDemo?: boolean;
  /** Run the reminder scheduler (default true). */
  reminders?: boolean;
  resetData?: boolean;
  quiet?: boolean;
};

export function loadConfigOrExit(): Config {
  try {
    return getConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
}

export async function servePortal(opts: ServeOptions = {}): Promise<Portal> {
  const config = loadConfigOrExit();
  if (opts.resetData && !config.databaseUrl) {
    await rm(path.resolve(config.pgliteDir), { recursive: true, force: true });
    if (config.mailSinkDir)
      await rm(path.resolve(config.mailSinkDir), { recursive: true, force: true });
  }
  let sink: MailSink | undefined;
  if (opts.mailSinkPort !== undefined) {
    if (!config.mailSinkDir) throw new Error("MAIL_SINK_DIR is required when the mail sink runs");
    sink = await startMailSink({ port: opts.mailSinkPort, dir: config.mailSinkDir });
  }
  const client = openClient({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir });
  setClient(client);
  await migrateDb(client);
  await purgeOld(wrap(client)); // old rate-limit windows and expired magic-link tokens
  await purgeSessions(wrap(client), config.session); // sessions that ended over a day ago
  if (opts.seedDemo) {
    const seeded = await seedDemo(wrap(client));
    if (!opts.quiet) console.log(seeded ? "Demo data seeded." : "Existing data reused.");
  }
  // Window states follow their dates: at start, then every 5 minutes.
  const stopWindowJob = startWindowScheduler(getDb);
  // Reminders (missing OIDs, windows to close, data to delete): at start, then every 15 minutes.
  const stopReminders =
    opts.reminders === false ? async () => undefined : startReminderScheduler(getDb);
  // The outbox worker runs here unless a separate `npm run worker` process does (ADR 9).
  const stopOutbox =
    config.outboxWorker === "inline" ? startOutboxWorker(getDb) : async () => undefined;

  // Auth.js builds sign-in and magic-link URLs from AUTH_URL; never from request headers,
  // which a client could set to its own host.
  process.env.AUTH_URL = config.appUrl;
  const app = next({ dev: false, dir: process.cwd(), port: config.port, hostname: "localhost" });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((req, res) => {
    if (!config.trustProxy) {
      // Without a trusted proxy in front, forwarded headers are the client's own claims.
      req.headers["x-forwarded-for"] = req.socket.remoteAddress ?? "";
      delete req.headers["x-forwarded-host"];
      delete req.headers["x-real-ip"];
    }
    handle(req, res).catch((err: unknown) => {
      console.error(JSON.stringify({ level: "error", msg: "request failed", err: String(err) }));
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, () => resolve());
  });

  const url = `http://localhost:${config.port}`;
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await sink?.close();
      await app.close?.();
      await stopWindowJob();
      await stopReminders();
      await stopOutbox();
      await closeClient(client);
    })());
  return { url, config, stop };
}

export function printDemoHelp(url: string, sinkPort?: number) {
  console.log(`
  Rekisterinkäyttöoikeusportaali is running: ${url}

  Demo sign-ins (one click on the sign-in page):
    Omatyöntekijä (caseworker)        Aino Aaltonen      [${DEMO_USERS.caseworker}]
    Projektihenkilöstö (project)      Pekka Projektinen  [${DEMO_USERS.projectStaff}]
    Pääkäyttäjä (admin)               Helena Hallinto    [${DEMO_USERS.admin}]
    Palveluntuottaja (provider)       Anna Virtanen      anna.virtanen@kotikallio.example
    Toinen hyvinvointialue            Rasmus Rannikko    [${DEMO_USERS.otherCaseworker}]

  Magic link: enter anna.virtanen@kotikallio.example on the sign-in page, then
  open "Esittelyn postilaatikko" as a staff user (or read ${url}/mailbox).
  ${sinkPort ? `Local SMTP sink: 127.0.0.1:${sinkPort}` : ""}
  Stop with Ctrl+C. Reset the demo data with: npm run demo:reset
`);
}

export function stopOnSignals(stop: () => Promise<void>) {
  for (const sig of ["SIGINT", "SIGTERM"] as const) {
    process.once(sig, () => {
      stop()
        .catch((e: unknown) => console.error(e))
        .finally(() => process.exit(0));
    });
  }
}
