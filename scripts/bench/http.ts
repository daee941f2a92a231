/**
 * Benchmark 5: latency of the main staff list pages (providers, cases, windows, deliveries,
 * readiness) on the built app (next build; built first if there is no build) at the data scale
 * of the other benchmarks, with autocannon at 20 connections (a fixed number of requests per page,
 * after a warm-up of WARM_UP requests a page), signed in as project staff
 * through the one-click demo sign-in. p50 and p95 come from every response's own time; the
 * baseline is the same figure for a page without queries (FLOOR_PAGE).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import { closeClient } from "../../db";
import { DEMO_ORGANISERS, DEMO_USERS, seedDemo } from "../../db/seed/demo";
import {
  freshDb,
  quantile,
  ratioFigure,
  timed,
  type BenchContext,
  type Benchmark,
  type BenchResult,
  type Driver,
  type Figure,
} from "./common";
import { scaleSizes, seedScale } from "./data";

export const STAFF_PAGES = ["/providers", "/cases", "/windows", "/deliveries", "/readiness"];
/**
 * The baseline from the same run: a page of the same built portal with no query and little
 * markup (the accessibility statement), so each list page's figure shows what it adds to the
 * framework's own cost of a server render.
 */
const FLOOR_PAGE = "/accessibility";
const CONNECTIONS = 20;
/**
 * Requests per page before measuring, so the figures are a running server's and not V8's
 * warm-up. With one HTTP worker per core (ADR 21) each worker warms up on its own, and the
 * floor page's p95 kept falling for about 1,000 requests (200 → 1,000: 209 → 150 ms, then
 * level; README "Seventh pass"). The first COLD requests are reported on their own.
 */
const WARM_UP = 50 * CONNECTIONS;
const COLD = 10 * CONNECTIONS;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      const port = typeof a === "object" && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  const script = path.join(import.meta.dirname, "http-server.ts");
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /ready (\S+)/.exec(out);
      if (m) resolve({ child, url: m[1]! });
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
    child.once("exit", (code) =>
      reject(new Error(`the portal exited (${code}): ${out.slice(-2000)}`)),
    );
  });
}

/** The session cookie of a one-click demo sign-in (Auth.js credentials provider "demo"). */
async function signIn(base: string, userId: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]!);
  const r = await fetch(`${base}/api/auth/callback/demo`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, userId, callbackUrl: `${base}/` }),
  });
  const session = r.headers.getSetCookie().find((c) => /session-token=/.test(c));
  if (!session) throw new Error(`http: the demo sign-in gave no session (${r.status})`);
  return session.split(";")[0]!;
}

async function load(url: string, cookie: string, amount: number) {
  const times: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections: CONNECTIONS, amount, timeout: 120, headers: { cookie } },
      (err, res) =>
        err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(res),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode !== 200) errors++;
      times.push(responseTime);
    });
  });
  return { times, errors: errors + result.errors + result.timeouts, rps: result.requests.average };
}

function ensureBuild(ctx: BenchContext): boolean {
  if (existsSync(path.join(".next", "BUILD_ID"))) return true;
  ctx.log("http: no build found, running next build");
  const b = spawnSync("npx", ["next", "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  return b.status === 0;
}

async function run(ctx: BenchContext, driver: Driver): Promise<BenchResult> {
  const sizes = scaleSizes(ctx.scale);
  // A fixed number of requests per page (not a duration): every request counts, however slow.
  // 500 at the default 20 runs: a p95 from 200 responses is their 10th slowest, which moved
  // by 20–30 % between runs of the same build.
  const requests = Math.max(2 * CONNECTIONS, 25 * ctx.runs);
  const params = { ...sizes, connections: CONNECTIONS, requestsPerPage: requests };
  if (!ensureBuild(ctx))
    return { bench: "http", driver, params, figures: [], skipped: "next build failed" };
  const b = await freshDb(ctx, driver);
  const mailDir = await mkdtemp(path.join(tmpdir(), "bench-http-mail-"));
  let server: ChildProcess | undefined;
  try {
    await seedDemo(b.db);
    const seeded = await timed(() =>
      seedScale(b.db, DEMO_ORGANISERS.main, sizes, {
        profile: "mixed",
        windows: true,
        clients: true,
      }),
    );
    ctx.log(`http/${driver}: data seeded in ${(seeded.ms / 1000).toFixed(1)} s`);
    // A database in use has been vacuumed since its rows arrived; a fresh bulk load has not, and
    // autovacuum would otherwise work through 300,000 new rows while the pages are measured.
    await b.db.execute(sql`vacuum (analyze)`);
    // The portal's own process owns the database from here on.
    await closeClient(b.client);
    const [port, sinkPort] = [await freePort(), await freePort()];
    const started = await startServer({
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: b.url,
      PORT: String(port),
      APP_URL: `http://localhost:${port}`,
      DEMO_MODE: "true",
      MAIL_SINK_DIR: mailDir,
      SMTP_URL: `smtp://127.0.0.1:${sinkPort}`,
      BENCH_SINK_PORT: String(sinkPort),
    });
    server = started.child;
    const cookie = await signIn(started.url, DEMO_USERS.projectStaff);
    const figures: Figure[] = [];
    const floorUrl = `${started.url}${FLOOR_PAGE}`;
    // The server's first requests, as a user meets it right after a start or a deploy.
    const cold = await load(floorUrl, cookie, COLD);
    const [coldP50, coldP95] = [quantile(cold.times, 0.5), quantile(cold.times, 0.95)];
    if (cold.errors > 0) ctx.log(`http/${driver} cold: ${cold.errors} of ${COLD} requests failed`);
    ctx.log(
      `http/${driver} cold ${FLOOR_PAGE} (first ${COLD}): p50 ${coldP50} ms, p95 ${coldP95} ms`,
    );
    figures.push(
      ratioFigure({
        name: `cold ${FLOOR_PAGE} p50 (first ${COLD} requests)`,
        unit: "ms",
        value: coldP50,
      }),
      ratioFigure({
        name: `cold ${FLOOR_PAGE} p95 (first ${COLD} requests)`,
        unit: "ms",
        value: coldP95,
      }),
    );
    await load(floorUrl, cookie, WARM_UP - COLD); // warm-up
    const floor = await load(floorUrl, cookie, requests);
    const [floorP50, floorP95] = [quantile(floor.times, 0.5), quantile(floor.times, 0.95)];
    ctx.log(
      `http/${driver} floor ${FLOOR_PAGE}: p50 ${floorP50} ms, p95 ${floorP95} ms, ${floor.rps} req/s`,
    );
    figures.push(
      ratioFigure({ name: `floor ${FLOOR_PAGE} p50`, unit: "ms", value: floorP50 }),
      ratioFigure({ name: `floor ${FLOOR_PAGE} p95`, unit: "ms", value: floorP95 }),
    );
    for (const page of STAFF_PAGES) {
      const url = `${started.url}${page}`;
      const first = await fetch(url, { headers: { cookie }, redirect: "manual" });
      if (first.status !== 200) throw new Error(`http: ${page} answered ${first.status}`);
      await load(url, cookie, WARM_UP); // warm-up
      const r = await load(url, cookie, requests);
      // A failed request is a finding, not a reason to lose the other pages' figures.
      if (r.errors > 0) {
        ctx.log(`http/${driver} ${page}: ${r.errors} of ${requests} requests failed`);
        figures.push({
          name: `${page} failed requests`,
          unit: "rows",
          value: r.errors,
          target: "none",
          met: false,
        });
      }
      ctx.log(
        `http/${driver} ${page}: p50 ${quantile(r.times, 0.5)} ms, p95 ${quantile(r.times, 0.95)} ms, ${r.rps} req/s`,
      );
      figures.push(
        ratioFigure({
          name: `${page} p50`,
          unit: "ms",
          value: quantile(r.times, 0.5),
          baseline: floorP50,
        }),
        ratioFigure(
          {
            name: `${page} p95`,
            unit: "ms",
            value: quantile(r.times, 0.95),
            baseline: floorP95,
            target: "p95 < 200 ms",
          },
          { maxValue: 200 },
        ),
      );
    }
    return { bench: "http", driver, params, figures };
  } finally {
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server!.once("exit", r));
      server.kill("SIGTERM");
      // A stop that hangs (e.g. a job mid-transaction) must not hang the bench.
      const force = setTimeout(() => server!.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(force);
    }
    await b.close().catch(() => undefined);
    await rm(mailDir, { recursive: true, force: true });
  }
}

export const http: Benchmark = {
  name: "http",
  // The portal process must own a PGlite directory alone (ADR 2): PostgreSQL only here.
  drivers: ["pg"],
  run: (ctx, driver) => run(ctx, driver as Driver),
};
