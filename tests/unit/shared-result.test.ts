import { describe, expect, it } from "vitest";
import { sharedResult } from "@/lib/readiness/shared";

/** A run that finishes when the test says so, counting how often it started. */
function gatedRuns<T>(results: () => T) {
  const gates: (() => void)[] = [];
  const state = { runs: 0 };
  const run = async () => {
    state.runs++;
    await new Promise<void>((r) => gates.push(r));
    return results();
  };
  const releaseAll = async () => {
    gates.splice(0).forEach((r) => r());
    await new Promise((r) => setTimeout(r, 0));
  };
  return { run, state, releaseAll };
}

describe("sharedResult without reuse", () => {
  it("shares one run between concurrent callers of a key, and runs again once it settled", async () => {
    const shared = sharedResult<number>();
    const counter = { runs: 0 };
    const { run, state, releaseAll } = gatedRuns((): number => counter.runs);
    const counted = () => (counter.runs++, run());
    const a = shared("org-1", counted);
    const b = shared("org-1", counted);
    const other = shared("org-2", counted);
    await releaseAll();
    expect(await Promise.all([a, b, other])).toEqual([2, 2, 2]);
    expect(state.runs).toBe(2);
    const c = shared("org-1", counted);
    await releaseAll();
    await c;
    expect(state.runs).toBe(3);
  });

  it("a failed run reaches every caller that shared it, and the next call runs afresh", async () => {
    const shared = sharedResult<string>();
    let calls = 0;
    const failing = async () => {
      calls++;
      throw new Error("database down");
    };
    const [a, b] = [shared("k", failing), shared("k", failing)];
    await expect(a).rejects.toThrow("database down");
    await expect(b).rejects.toThrow("database down");
    expect(calls).toBe(1);
    expect(await shared("k", async () => "ok")).toBe("ok");
  });
});

describe("sharedResult with fresh and stale times", () => {
  const setup = () => {
    let clock = 0;
    let version = 0;
    const shared = sharedResult<number>({ freshMs: 1000, staleMs: 5000, now: () => clock });
    const g = gatedRuns(() => ++version);
    /** The first run, finished: result 1 at time 0. */
    const primed = async () => {
      const first = shared("k", g.run);
      await g.releaseAll();
      expect(await first).toBe(1);
    };
    return { shared, ...g, primed, tick: (ms: number) => (clock += ms) };
  };

  it("hands out a fresh result without running", async () => {
    const { shared, run, state, primed, tick } = setup();
    await primed();
    tick(999);
    expect(await shared("k", run)).toBe(1);
    expect(state.runs).toBe(1);
  });

  it("hands out a stale result at once and refreshes it once in the background", async () => {
    const { shared, run, state, releaseAll, primed, tick } = setup();
    await primed();
    tick(1000);
    expect(await shared("k", run)).toBe(1);
    expect(await shared("k", run)).toBe(1);
    expect(state.runs).toBe(2);
    await releaseAll();
    expect(await shared("k", run)).toBe(2);
    expect(state.runs).toBe(2);
  });

  it("waits for a new run when the last result is older than the stale time", async () => {
    const { shared, run, state, releaseAll, primed, tick } = setup();
    await primed();
    tick(5000);
    let settled = false;
    const next = shared("k", run).then((v) => ((settled = true), v));
    const joined = shared("k", run);
    await new Promise((r) => setTimeout(r, 0));
    expect(settled).toBe(false);
    await releaseAll();
    expect(await next).toBe(2);
    expect(await joined).toBe(2);
    expect(state.runs).toBe(2);
  });

  it("keeps the last good result through a failed refresh, and never keeps the failure", async () => {
    let clock = 0;
    const reported: unknown[] = [];
    const shared = sharedResult<string>({
      freshMs: 1000,
      staleMs: 5000,
      now: () => clock,
      onRefreshError: (err) => reported.push(err),
    });
    expect(await shared("k", async () => "good")).toBe("good");
    clock = 2000;
    let fails = 0;
    const failing = async () => {
      fails++;
      throw new Error("database down");
    };
    expect(await shared("k", failing)).toBe("good");
    await new Promise((r) => setTimeout(r, 0));
    expect(fails).toBe(1);
    expect(String(reported[0])).toContain("database down");
    clock = 6000;
    await expect(shared("k", failing)).rejects.toThrow("database down");
    expect(await shared("k", async () => "again")).toBe("again");
  });
});

describe("sharedResult and a run that throws at once", () => {
  it("hands the error to its caller like a rejected run, and keeps nothing", async () => {
    const shared = sharedResult<string>({ freshMs: 1000, staleMs: 5000 });
    const throwing = () => {
      throw new Error("bad input");
    };
    await expect(shared("k", throwing)).rejects.toThrow("bad input");
    expect(await shared("k", async () => "ok")).toBe("ok");
  });
});

describe("sharedResult and the data generation", () => {
  it("reuses neither a result nor a run in progress once the generation moved", async () => {
    let gen = 0;
    let version = 0;
    const shared = sharedResult<number>({
      freshMs: 1000,
      staleMs: 5000,
      now: () => 0,
      generation: () => gen,
    });
    const g = gatedRuns(() => ++version);
    const first = shared("k", g.run);
    await g.releaseAll();
    expect(await first).toBe(1);
    expect(await shared("k", g.run)).toBe(1);

    gen++; // a write finished
    const afterWrite = shared("k", g.run);
    expect(g.state.runs).toBe(2);
    gen++; // another write while that run is under way: it may predate the write
    const afterSecond = shared("k", g.run);
    expect(g.state.runs).toBe(3);
    await g.releaseAll();
    expect([await afterWrite, await afterSecond]).toEqual([2, 3]);
    // The newest run's result is the one kept; the older one finished too but is not reused.
    expect(await shared("k", g.run)).toBe(3);
    expect(g.state.runs).toBe(3);
  });
});

describe("dataGeneration", () => {
  it("counts writes on globalThis, so separately loaded copies of the module share it", async () => {
    const { dataGeneration, noteWrite } = await import("@/lib/data-generation");
    const before = dataGeneration();
    noteWrite();
    expect(dataGeneration()).toBe(before + 1);
    expect((globalThis as Record<symbol, unknown>)[Symbol.for("portal.dataGeneration")]).toBe(
      before + 1,
    );
  });
});
