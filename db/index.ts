import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import pg from "pg";
import * as schema from "./schema";
import { getConfig } from "../lib/config";
import { log } from "../lib/log";

/** One database type for both drivers: PostgreSQL through `pg`, or embedded PGlite. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Anything queries can run on: the database or an open transaction. */
export type Executor = Db | Tx;

export type RawClient = { kind: "pg"; pool: pg.Pool } | { kind: "pglite"; pglite: PGlite };

export function wrap(client: RawClient): Db {
  return client.kind === "pg"
    ? (drizzlePg(client.pool, { schema, casing: "snake_case" }) as unknown as Db)
    : (drizzlePglite(client.pglite, { schema, casing: "snake_case" }) as unknown as Db);
}

/**
 * How long a query may wait for a connection before it fails (health, pages, jobs). pg-pool
 * counts the wait for a free pooled connection too, not only connecting: at 3 s, 20 concurrent
 * requests for a slow page failed with "timeout exceeded when trying to connect" (HTTP bench).
 * A server that is down refuses at once, so this bounds only a busy pool or a silent network.
 */
export const PG_CONNECT_TIMEOUT_MS = 10_000;

/** The error code only: a driver message may quote a query, never worth a stack per connection. */
function logConnectionLost(err: Error & { code?: string }) {
  log.warn({ code: err.code ?? err.name }, "database connection lost");
}

export function openClient(opts: { databaseUrl?: string; pgliteDir?: string }): RawClient {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: 10,
      // A server that is down or unreachable fails the request within seconds instead of
      // hanging it (pg waits forever by default); the next request connects afresh.
      connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS,
      // Notice a connection that died silently (a failover, a dropped NAT entry).
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    // A connection the server ends (restart, failover) emits "error". The pool handles it for
    // idle clients; a checked-out client between two queries (e.g. inside a transaction) has no
    // listener of its own, and an unhandled "error" would end the process. The query in flight
    // fails anyway, and the pool drops the broken client when it is released.
    pool.on("error", logConnectionLost);
    pool.on("connect", (c) => c.on("error", logConnectionLost));
    return { kind: "pg", pool };
  }
  // A directory path; "memory://" gives a throwaway in-memory database (tests).
  return { kind: "pglite", pglite: new PGlite(opts.pgliteDir ?? "memory://") };
}

/**
 * Closes the client; a second call does nothing. A caller that hands the database to another
 * process closes early and its cleanup closes again: a throwing second close made the HTTP
 * benchmark skip dropping its database.
 */
export async function closeClient(client: RawClient): Promise<void> {
  if (client.kind === "pg") {
    if (!client.pool.ending) await client.pool.end();
  } else if (!client.pglite.closed) await client.pglite.close();
}

/*
 * The raw client lives on globalThis so the Next.js server bundle and the
 * launcher (scripts/serve.ts) share one PGlite instance: PGlite has no
 * cross-process lock, and exactly one owner may hold its data directory.
 */
const g = globalThis as unknown as { __portalDbClient?: RawClient; __portalDb?: Db };

export function setClient(client: RawClient): void {
  g.__portalDbClient = client;
  g.__portalDb = undefined;
}

export function getClient(): RawClient {
  if (!g.__portalDbClient) {
    // Config is read lazily so that `next build` never needs runtime settings.
    const c = getConfig();
    g.__portalDbClient = openClient({ databaseUrl: c.databaseUrl, pgliteDir: c.pgliteDir });
  }
  return g.__portalDbClient;
}

/** The process's database. */
let cached: { client: RawClient; db: Db } | undefined;
export function getDb(): Db {
  // Each module instance (launcher, server bundle) wraps the shared client once.
  const client = getClient();
  if (cached?.client !== client) cached = { client, db: wrap(client) };
  return cached.db;
}

export { schema };
