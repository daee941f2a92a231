/**
 * Hosts the built Next.js app, in this process or in HTTP worker processes (ADR 21), together
 * with what must run once: migrations at boot, the demo seed, the jobs and (in demo and tests)
 * the local SMTP sink. One process owns a PGlite directory (ADR 0002).
 */
import cluster, { type Worker } from "node:cluster";
import http from "node:http";
import { availableParallelism } from "node:os";
import { rm } from "node:fs/promises";
import path from "node:path";
import next from "next";
import { ConfigError, getConfig, type Config } from "../lib/config";
import { closeClient, getDb, openClient, setClient, wrap } from "../db";
import { migrateDb } from "../db/migrate";
import { DEMO_USERS, seedDemo } from "../db/seed/demo";
import { startMailSink, type MailSink } from "../lib/mail/sink";
import { closeMailTransport } from "../lib/mail/send";
import { startWindowScheduler } from "../lib/windows/job";
import { startOutboxWorker } from "../lib/delivery/worker";
import { startReminderScheduler } from "../lib/reminders/job";
import { purgeOld } from "../lib/auth/rate-limit";
import { errorText } from "../lib/jobs/repeat";
import { noteWrite, WRITE_NOTICE } from "../lib/data-generation";
import { log } from "../lib/log";
import { purgeSessions } from "../lib/auth/sessions";
import { workerExecArgv } from "./worker-heap";

export type Portal = { url: string; config: Config; stop: () => Promise<void> };

export type ServeOptions = {
  /** Start an SMTP sink on this port (demo and tests). */
  mailSinkPort?: number;
  seedDemo?: boolean;
  /** Run the reminder scheduler (default true). */
  reminders?: boolean;
  resetData?: boolean;
  quiet?: boolean;
  /**
   * HTTP worker processes (ADR 21). More than one needs PostgreSQL; the jobs, the mail sink and
   * the migrations stay in this process either way. Default: WEB_CONCURRENCY, else 1.
   */
  workers?: number;
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

/**
 * The production default (npm start): WEB_CONCURRENCY, else with PostgreSQL one HTTP worker per
 * CPU core up to 4, and one with PGlite. Each process holds up to 10 database connections, and
 * Node 20 counts the host's cores, not a container's CPU quota: more needs saying so.
 */
export function productionWorkers(config: Config): number {
  return config.webConcurrency ?? (config.databaseUrl ? Math.min(availableParallelism(), 4) : 1);
}

export async function servePortal(opts: ServeOptions = {}): Promise<Portal> {
  const config = loadConfigOrExit();
  const workers = opts.workers ?? config.webConcurrency ?? 1;
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

  const web = workers > 1 ? await startHttpWorkers(workers) : await serveHttp(config);
  const url = `http://localhost:${config.port}`;
  let stopping: Promise<void> | undefined;
  /**
   * Graceful stop: no new connections; requests in flight finish (keep-alive connections close
   * as soon as they are idle); the jobs end their current run, the outbox worker its current
   * message; then the mail sink, Next.js and the database close. stopOnSignals bounds the time.
   */
  const stop = () =>
    (stopping ??= (async () => {
      const closed = shutdownStage("http connections", web.close);
      const jobs = Promise.allSettled([
        shutdownStage("window job", stopWindowJob),
        shutdownStage("reminder job", stopReminders),
        shutdownStage("outbox worker", stopOutbox),
      ]);
      await closed;
      for (const r of await jobs) if (r.status === "rejected") throw r.reason;
      // Pooled SMTP connections end (an open one would hold the demo sink's close for 30 s); the
      // sink closes after the worker, its SMTP peer in the demo.
      closeMailTransport();
      await shutdownStage("mail sink", async () => sink?.close());
      await shutdownStage("database", () => closeClient(client));
    })());
  return { url, config, stop };
}

type Http = { close: () => Promise<void> };

/** The methods that may change data (server actions and API writes are POSTs). */
const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * The built Next.js app on config.port, in this process. close(): no new connections, requests
 * in flight finish (idle keep-alive connections close at once), then Next.js closes. `onWrite`
 * runs when a writing request (WRITE_METHODS) has finished (lib/data-generation.ts).
 */
export async function serveHttp(config: Config, onWrite: () => void = noteWrite): Promise<Http> {
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
    // A writing request is told once its handling has settled (its transaction committed) and
    // again when its response closes; a client that went away early closes it before that.
    const writes = req.method !== undefined && WRITE_METHODS.has(req.method);
    if (writes) res.once("close", onWrite);
    handle(req, res)
      .catch((err: unknown) => {
        log.error({ err: String(err) }, "request failed");
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      })
      .finally(() => writes && onWrite());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, () => resolve());
  });
  return {
    close: async () => {
      const closeIdle = setInterval(() => server.closeIdleConnections(), 100);
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.closeIdleConnections();
      await closed;
      clearInterval(closeIdle);
      await app.close?.();
    },
  };
}

/**
 * `count` processes running scripts/http-worker.ts, sharing config.port through node:cluster
 * (ADR 21): Node runs JavaScript on one core per process, and a server render is CPU-bound. A
 * worker that dies is replaced; close() asks each to stop gracefully and waits for it.
 */
async function startHttpWorkers(count: number): Promise<Http> {
  cluster.setupPrimary({
    exec: path.join(import.meta.dirname, "http-worker.ts"),
    execArgv: workerExecArgv(process.execArgv, process.env.NODE_OPTIONS),
  });
  let closing = false;
  const ready = new Set<Worker>();
  // Consecutive replacements that failed to start: each waits longer (1 s … 30 s), so a worker
  // that cannot start (database gone, port taken) is retried without spinning.
  let failures = 0;
  const replace = () => {
    const delay = failures === 0 ? 0 : Math.min(30_000, 1000 * 2 ** (failures - 1));
    setTimeout(() => {
      if (closing) return;
      fork().then(
        () => {
          failures = 0;
          log.info({}, "HTTP worker replaced");
        },
        (err: unknown) => {
          failures++;
          log.error({ err: String(err) }, "HTTP worker failed to start; trying again");
          replace();
        },
      );
    }, delay);
  };
  const fork = () =>
    new Promise<Worker>((resolve, reject) => {
      const w = cluster.fork();
      // A send to a worker whose channel has just closed emits "error": logged, not fatal.
      w.on("error", (err) => log.warn({ err: String(err) }, "HTTP worker channel"));
      w.on("message", (m: unknown) => {
        // A writing request in one worker: the others' kept results are out of date too.
        if (m === WRITE_NOTICE)
          for (const other of ready) if (other !== w && other.isConnected()) other.send(m);
        if (m !== WORKER_READY) return;
        ready.add(w);
        resolve(w);
      });
      w.on("exit", (code) => {
        const wasReady = ready.delete(w);
        if (closing) return;
        if (!wasReady) return reject(new Error(`an HTTP worker exited before listening (${code})`));
        log.error({ code }, "HTTP worker exited; starting another");
        replace();
      });
    });
  await Promise.all(Array.from({ length: count }, fork));
  return {
    close: async () => {
      closing = true;
      await Promise.all(
        Object.values(cluster.workers ?? {}).map(
          (w) =>
            new Promise<void>((r) => {
              if (!w || w.isDead()) return r();
              w.once("exit", () => r());
              // One still starting has served nothing, and may not listen for messages yet.
              if (ready.has(w) && w.isConnected()) w.send(WORKER_STOP);
              else w.process.kill("SIGKILL");
            }),
        ),
      );
    },
  };
}

/** Messages between this process and its HTTP workers. */
export const WORKER_READY = "portal:http-ready";
export const WORKER_STOP = "portal:http-stop";

/**
 * The parts of a graceful stop still under way, named in the log line when the stop overruns
 * its time, so an operator (or a failed test) sees what it waited on.
 */
const pendingStages = new Set<string>();
export async function shutdownStage<T>(name: string, run: () => Promise<T>): Promise<T> {
  pendingStages.add(name);
  try {
    return await run();
  } finally {
    pendingStages.delete(name);
  }
}

/** How long a graceful stop may take before the process gives up and exits non-zero. */
export const SHUTDOWN_GRACE_MS = 25_000;

/** One JSON log line (lib/log); never client data. */
function logLine(level: "info" | "error", msg: string, extra: Record<string, unknown> = {}) {
  log[level](extra, msg);
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

/**
 * SIGTERM or SIGINT: a graceful stop, exit 0. A stop that fails or takes longer than
 * SHUTDOWN_GRACE_MS exits 1 with a log line.
 */
export function stopOnSignals(stop: () => Promise<void>, graceMs = SHUTDOWN_GRACE_MS) {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    // Wrappers (npm, tsx) may pass the same signal on once more; the time bound still holds.
    if (stopping) return;
    stopping = true;
    logLine("info", "shutting down", { signal });
    // Not unref()ed: it must fire even when a hung stop leaves nothing else to wait for.
    setTimeout(() => {
      logLine("error", "shutdown did not finish in time; exiting", {
        graceMs,
        pending: [...pendingStages],
      });
      process.exit(1);
    }, graceMs);
    stop().then(
      () => {
        logLine("info", "shut down");
        process.exit(0);
      },
      (err: unknown) => {
        logLine("error", "shutdown failed", { err: errorText(err) });
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
}
