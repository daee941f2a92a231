/**
 * `npm run bench`: the benchmarks of issue 8, each printed with its baseline from the same run,
 * on PostgreSQL and on PGlite, then written to bench-results/<timestamp>.json (git-ignored; the
 * README's benchmark table is the record).
 *
 *   npm run bench -- --only=golive,dashboard --scale=0.1 --db=pg --runs=20 --out=file.json
 *
 * PostgreSQL: throwaway databases are created (and dropped) on the server named by
 * BENCH_DATABASE_URL, else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres.
 * Never part of `npm test`: the figures are timings, which tests must not assert.
 */
import "./env";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { BenchContext, BenchResult, Benchmark, Driver } from "./common";
import { dashboard } from "./dashboard";
import { delivery } from "./delivery";
import { golive } from "./golive";
import { http } from "./http";
import { sote } from "./sote";

export const benchmarks: Benchmark[] = [golive, dashboard, sote, delivery, http];

export type BenchOptions = {
  only?: string[];
  scale: number;
  runs: number;
  drivers: (Driver | "none")[];
  out?: string;
  quiet?: boolean;
};

export type BenchReport = {
  startedAt: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; postgres: string };
  options: { scale: number; runs: number; only: string[]; drivers: string[] };
  results: BenchResult[];
};

export function parseArgs(argv: string[]): BenchOptions {
  const get = (name: string) =>
    argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const list = (v: string | undefined) =>
    v
      ?.split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  const scale = Number(get("scale") ?? 1);
  const runs = Number(get("runs") ?? 20);
  if (!(scale > 0)) throw new Error("--scale must be a positive number");
  if (!(runs >= 1)) throw new Error("--runs must be at least 1");
  const drivers = (list(get("db")) ?? ["pg", "pglite"]) as Driver[];
  for (const d of drivers)
    if (d !== "pg" && d !== "pglite") throw new Error(`--db: pg or pglite, not ${d}`);
  const only = list(get("only"));
  for (const o of only ?? [])
    if (!benchmarks.some((b) => b.name === o))
      throw new Error(`--only: one of ${benchmarks.map((b) => b.name).join(", ")}, not ${o}`);
  return {
    only,
    scale,
    runs,
    drivers: [...drivers, "none"],
    out: get("out"),
    quiet: argv.includes("--quiet"),
  };
}

function adminUrl(): string {
  return (
    process.env.BENCH_DATABASE_URL ??
    process.env.BENCH_ADMIN_URL ??
    "postgres://postgres@127.0.0.1:5432/postgres"
  );
}

async function postgresVersion(url: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  try {
    await c.connect();
    // SHOW names its column server_version, so select it under the name read below.
    const r = await c.query<{ v: string }>("select current_setting('server_version') as v");
    return r.rows[0]?.v ?? "unknown";
  } catch {
    return "unreachable";
  } finally {
    await c.end().catch(() => undefined);
  }
}

function print(r: BenchResult) {
  const head = `${r.bench} [${r.driver}]`;
  if (r.skipped) {
    console.log(`${head}: skipped (${r.skipped})`);
    return;
  }
  for (const f of r.figures) {
    const base =
      f.baseline !== undefined ? `  baseline ${f.baseline} ${f.unit}  ratio ${f.ratio}` : "";
    const target = f.target ? `  target ${f.target}: ${f.met ? "met" : "MISSED"}` : "";
    console.log(`${head} ${f.name}: ${f.value} ${f.unit}${base}${target}`);
  }
}

export async function runBenchmarks(opts: BenchOptions): Promise<BenchReport> {
  const pgUrl = adminUrl();
  const ctx: BenchContext = {
    scale: opts.scale,
    runs: opts.runs,
    pgAdminUrl: pgUrl,
    log: opts.quiet ? () => undefined : (m) => console.log(`  … ${m}`),
  };
  const report: BenchReport = {
    startedAt: new Date().toISOString(),
    machine: {
      cpus: os.availableParallelism(),
      cpuModel: os.cpus()[0]?.model ?? "unknown",
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      postgres: opts.drivers.includes("pg") ? await postgresVersion(pgUrl) : "not used",
    },
    options: {
      scale: opts.scale,
      runs: opts.runs,
      only: opts.only ?? benchmarks.map((b) => b.name),
      drivers: opts.drivers.filter((d) => d !== "none"),
    },
    results: [],
  };
  for (const b of benchmarks) {
    if (opts.only && !opts.only.includes(b.name)) continue;
    for (const driver of b.drivers) {
      if (!opts.drivers.includes(driver)) continue;
      const r = await b.run(ctx, driver);
      if (!opts.quiet) print(r);
      report.results.push(r);
    }
  }
  return report;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const report = await runBenchmarks(opts);
  const out =
    opts.out ??
    path.join("bench-results", `${report.startedAt.replace(/[:.]/g, "-").slice(0, 19)}.json`);
  await mkdir(path.dirname(path.resolve(out)), { recursive: true });
  await writeFile(out, JSON.stringify(report, null, 2) + "\n");
  console.log(`results: ${out}`);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("index.ts")) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
