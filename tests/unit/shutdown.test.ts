import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";

/**
 * stopOnSignals in a real process: the test sends SIGTERM and reads the exit code and log lines.
 * `stop` is the given body; a short grace period stands in for the 25 s.
 */
function runWithStop(stopBody: string): Promise<{ code: number | null; out: string }> {
  const script = `
    const { stopOnSignals, shutdownStage } = await import("./scripts/serve.ts");
    stopOnSignals(async () => { ${stopBody} }, 500);
    setInterval(() => {}, 1000);
    console.log("ready");
  `;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  return new Promise((resolve) => {
    const onData = (b: Buffer) => {
      const first = !out.includes("ready");
      out += b.toString();
      if (first && out.includes("ready")) {
        child.kill("SIGTERM");
        child.kill("SIGTERM"); // a wrapper passing the signal on once more changes nothing
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => resolve({ code, out }));
  });
}

// Each case starts a process that loads the server module (Next.js included): run them side by
// side, with room for a busy machine.
/** The JSON log records among the output lines. */
function records(out: string): Record<string, unknown>[] {
  return out.split("\n").flatMap((l) => {
    try {
      return [JSON.parse(l) as Record<string, unknown>];
    } catch {
      return [];
    }
  });
}

describe.concurrent("stopping on SIGTERM", { timeout: 90_000 }, () => {
  it("exits 0 once the graceful stop has finished", async () => {
    const r = await runWithStop("await new Promise((r) => setTimeout(r, 50));");
    expect(r.code).toBe(0);
    expect(records(r.out)).toContainEqual(
      expect.objectContaining({ level: "info", msg: "shutting down", signal: "SIGTERM" }),
    );
    expect(records(r.out)).toContainEqual(expect.objectContaining({ msg: "shut down" }));
  });

  it("exits 1 with a log line when the stop does not finish in time", async () => {
    const r = await runWithStop(
      'await shutdownStage("mail sink", async () => {}); await shutdownStage("database", () => new Promise(() => {}));',
    );
    expect(r.code).toBe(1);
    // The line names what the stop still waits on, and only that.
    expect(records(r.out)).toContainEqual(
      expect.objectContaining({
        level: "error",
        msg: "shutdown did not finish in time; exiting",
        graceMs: 500,
        pending: ["database"],
      }),
    );
  });

  it("exits 1 with a log line when the stop fails", async () => {
    const r = await runWithStop('throw new Error("database close failed");');
    expect(r.code).toBe(1);
    expect(records(r.out)).toContainEqual(
      expect.objectContaining({ level: "error", msg: "shutdown failed" }),
    );
  });
});
