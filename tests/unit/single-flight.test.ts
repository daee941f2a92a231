import { describe, expect, it } from "vitest";
import { singleFlight } from "@/lib/readiness/shared";

describe("singleFlight", () => {
  it("shares one run between concurrent callers of a key, and runs again once it settled", async () => {
    const shared = singleFlight<number>();
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const run = async () => {
      runs++;
      await gate;
      return runs;
    };
    const a = shared("org-1", run);
    const b = shared("org-1", run);
    const other = shared("org-2", run);
    release();
    expect(await Promise.all([a, b, other])).toEqual([2, 2, 2]);
    expect(runs).toBe(2);
    await shared("org-1", run);
    expect(runs).toBe(3);
  });

  it("a failed run reaches every caller that shared it, and the next call runs afresh", async () => {
    const shared = singleFlight<string>();
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
