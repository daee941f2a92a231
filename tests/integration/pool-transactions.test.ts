import { sql } from "drizzle-orm";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { wrap } from "../../db";
import { rowsOf } from "../../db/rows";

/*
 * Transactions on the pg pool lose no connection when the server fails them (drizzle-orm's
 * node-postgres transaction() leaked the client when BEGIN failed, drizzle-orm#6241; we patch
 * it, patches/drizzle-orm+0.45.4.patch). A leaked client stalls every later checkout of a full
 * pool and makes pool.end() wait forever: a graceful stop after a database restart overran its
 * time (e2e/resilience.spec.ts). One connection in the pool, so a leak shows at the next query.
 * PostgreSQL only: PGlite has no pool.
 */
const url = process.env.TEST_DATABASE_URL;
const pools: pg.Pool[] = [];

function onePool() {
  // A short wait for a free connection: a leaked client fails the next query within 2 s.
  const pool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 2000 });
  // A terminated connection is the point of a test (db/index.ts logs these in the app).
  pool.on("error", () => undefined);
  pool.on("connect", (c) => c.on("error", () => undefined));
  pools.push(pool);
  return { pool, db: wrap({ kind: "pg", pool }) };
}

/** The first row of a raw query's result. */
const first = <T>(result: unknown) => rowsOf<T>(result)[0]!;

afterEach(async () => {
  // Resolves only when every client has been released: a leak would time the hook out.
  await Promise.all(pools.splice(0).map((p) => p.end()));
});

describe.skipIf(!url)("transactions on the pg pool", () => {
  it("give the connection back when BEGIN itself fails, and the next transaction runs", async () => {
    const { pool, db } = onePool();
    // A connection left in an aborted transaction: the server refuses the next BEGIN (25P02),
    // as it refuses any statement on a connection that has just been terminated.
    const client = await pool.connect();
    await client.query("begin");
    await expect(client.query("select 1/0")).rejects.toThrow();
    client.release();

    const failed = db.transaction(async () => "never runs");
    await expect(failed).rejects.toMatchObject({ cause: { code: "25P02" } });
    expect(pool.totalCount).toBe(0); // destroyed, not put back in its aborted state

    const n = await db.transaction(
      async (tx) => first<{ n: number }>(await tx.execute(sql`select 1 as n`)).n,
    );
    expect(n).toBe(1);
  });

  it("give the caller the original error and drop the connection when ROLLBACK fails", async () => {
    const { pool, db } = onePool();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const failed = db.transaction(async (tx) => {
        const { pid } = first<{ pid: number }>(
          await tx.execute(sql`select pg_backend_pid() as pid`),
        );
        // The server ends this connection (a restart, a failover) before the rollback.
        await admin.query("select pg_terminate_backend($1)", [pid]);
        throw new Error("the work failed");
      });
      await expect(failed).rejects.toThrow("the work failed");
      expect(first<{ n: number }>(await db.execute(sql`select 2 as n`)).n).toBe(2);
      expect(pool.totalCount).toBe(1);
    } finally {
      await admin.end();
    }
  });
});
