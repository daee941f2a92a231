import { describe, expect, it } from "vitest";
import { runBenchmarks } from "../../scripts/bench/index";

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
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});
