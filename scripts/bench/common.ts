import { sql } from "drizzle-orm";
/**
 * Shared parts of the benchmark harness: databases to measure on, timing statistics and the
 * shape of a result. Every benchmark runs on a database of its own (a throwaway PostgreSQL
 * database or an in-memory PGlite), migrated and seeded by the benchmark itself.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { closeClient, openClient, wrap, type Db, type RawClient } from "../../db";
import { migrateDb } from "../../db/migrate";

export type Driver = "pg" | "pglite";

/** One measured figure with its baseline from the same run. */
export type Figure = {
  name: string;
  unit: "ms" | "msg/s" | "MB" | "rows";
  value: number;
  /** The same work done the barest way (raw SQL, a bare parser, plain sends), if any. */
  baseline?: number;
  /** value / baseline (for msg/s: value / baseline too, so higher is better there). */
  ratio?: number;
  /** The target, in words, and whether this run met it. */
  target?: string;
  met?: boolean;
};

export type BenchResult = {
  bench: string;
  driver: Driver | "none";
  /** Data sizes and settings of this run. */
  params: Record<string, number | string>;
  figures: Figure[];
  /** Set when the benchmark could not run (e.g. no build for the HTTP benchmark). */
  skipped?: string;
};

export type BenchContext = {
  scale: number;
  /** Repetitions for latency figures. */
  runs: number;
  /** PostgreSQL server to create throwaway databases on. */
  pgAdminUrl: string;
  log: (msg: string) => void;
};

export type Benchmark = {
  name: string;
  drivers: readonly (Driver | "none")[];
  run: (ctx: BenchContext, driver: Driver | "none") => Promise<BenchResult>;
};

export type BenchDb = {
  db: Db;
  client: RawClient;
  driver: Driver;
  /** postgres://… of the throwaway database (pg only). */
  url?: string;
  close: () => Promise<void>;
};

/**
 * Lets PostgreSQL write out what earlier steps left in its WAL before a timed write: otherwise
 * a checkpoint the seed's 300,000 rows provoked lands inside whichever statement runs next (the
 * bare baseline took 23–32 s from run to run). The same for both sides of a ratio.
 */
export async function settle(b: BenchDb): Promise<void> {
  if (b.driver !== "pg") return;
  try {
    await b.db.execute(sql`checkpoint`);
  } catch (e) {
    // CHECKPOINT needs a superuser or pg_checkpoint (PostgreSQL 15): without, run unsettled.
    const code = (e as { cause?: { code?: string } }).cause?.code;
    if (code !== "42501") throw e;
  }
}

/**
 * A new, migrated, empty database. PostgreSQL: CREATE DATABASE bench_… on the admin URL's
 * server (dropped again by close()); PGlite: in memory.
 */
export async function freshDb(ctx: BenchContext, driver: Driver): Promise<BenchDb> {
  if (driver === "pglite") {
    const client = openClient({ pgliteDir: "memory://" });
    await migrateDb(client);
    return { db: wrap(client), client, driver, close: () => closeClient(client) };
  }
  const name = `bench_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ctx.pgAdminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(ctx.pgAdminUrl);
  url.pathname = `/${name}`;
  const client = openClient({ databaseUrl: url.toString() });
  await migrateDb(client);
  return {
    db: wrap(client),
    client,
    driver,
    url: url.toString(),
    close: async () => {
      await closeClient(client);
      const a = new pg.Client({ connectionString: ctx.pgAdminUrl });
      await a.connect();
      try {
        await a.query(`drop database if exists ${name} with (force)`);
      } finally {
        await a.end();
      }
    },
  };
}

/** Milliseconds spent in fn, and its result. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

/** The q-th quantile (0–1) of the samples, nearest rank. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

export const round = (x: number, digits = 1) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/** A figure whose ratio to its baseline is computed, rounded and checked against `max`/`min`. */
export function ratioFigure(
  f: Omit<Figure, "ratio" | "met">,
  check?: { maxRatio?: number; minRatio?: number; maxValue?: number },
): Figure {
  const ratio = f.baseline ? f.value / f.baseline : undefined;
  let met: boolean | undefined;
  if (check) {
    met = true;
    if (check.maxRatio !== undefined && ratio !== undefined) met &&= ratio <= check.maxRatio;
    if (check.minRatio !== undefined && ratio !== undefined) met &&= ratio >= check.minRatio;
    if (check.maxValue !== undefined) met &&= f.value <= check.maxValue;
  }
  return {
    ...f,
    value: round(f.value),
    ...(f.baseline !== undefined ? { baseline: round(f.baseline) } : {}),
    ...(ratio !== undefined ? { ratio: round(ratio, 2) } : {}),
    ...(met !== undefined ? { met } : {}),
  };
}
