import pg from "pg";
import { describe, expect, it } from "vitest";
import { closeClient } from "../../db";
import { freshDb, type BenchContext } from "../../scripts/bench/common";
import { runBenchmarks } from "../../scripts/bench/index";
import { openTestDb } from "../helpers/db";

/**
 * The benchmark harness (npm run bench) at a tiny scale on PGlite: it runs end to end and
 * reports every figure with its baseline. Only the shape is checked, never a time.
 */
describe("benchmark harness", () => {
  it("produces the results JSON at a tiny scale", { timeout: 600_000 }, async () => {
    const report = await runBenchmarks({
      only: ["golive", "dashboard", "sote", "delivery"],
      scale: 0.001,
      runs: 2,
      drivers: ["pglite", "none"],
      quiet: true,
    });
    expect(report.machine.cpus).toBeGreaterThan(0);
    expect(report.results.map((r) => `${r.bench}/${r.driver}`)).toEqual([
      "golive/pglite",
      "dashboard/pglite",
      "sote/none",
      "delivery/pglite",
    ]);
    for (const r of report.results) {
      expect(r.figures.length).toBeGreaterThan(0);
      for (const f of r.figures) {
        expect(f.value).toBeGreaterThan(0);
        if (f.target) expect(typeof f.met).toBe("boolean");
      }
      expect(r.figures[0]!.baseline).toBeGreaterThan(0);
      expect(r.figures[0]!.ratio).toBeGreaterThan(0);
    }
    // Delivery is measured with Nagle on (the target) and off (what encryption and the outbox cost).
    const delivery = report.results.find((r) => r.bench === "delivery")!;
    expect(delivery.figures.map((f) => f.name)).toEqual([
      "S/MIME compose + outbox + send",
      "outbox worker sends only",
      "Nagle off: S/MIME compose + outbox + send",
      "Nagle off: outbox worker sends only",
    ]);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it("closing a database client twice is harmless", async () => {
    const t = await openTestDb();
    await t.close();
    await expect(t.close()).resolves.toBeUndefined();
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    "drops its throwaway PostgreSQL database even when the client was closed first",
    { timeout: 60_000 },
    async () => {
      const admin = new URL(process.env.TEST_DATABASE_URL!);
      admin.pathname = "/postgres";
      const ctx = { pgAdminUrl: admin.toString() } as BenchContext;
      const b = await freshDb(ctx, "pg");
      const name = new URL(b.url!).pathname.slice(1);
      // The HTTP benchmark closes its client before the portal process takes the database over.
      await closeClient(b.client);
      await b.close();
      const c = new pg.Client({ connectionString: ctx.pgAdminUrl });
      await c.connect();
      try {
        const r = await c.query("select 1 from pg_database where datname = $1", [name]);
        expect(r.rowCount).toBe(0);
      } finally {
        await c.end();
      }
    },
  );
});
