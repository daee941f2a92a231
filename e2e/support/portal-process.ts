import { spawn, type ChildProcess } from "node:child_process";
import { E2E } from "./env";

/**
 * A portal process of a test's own (not the shared e2e server): `node --import tsx <script>`, so
 * the test signals and observes the server process itself, as a container runtime or systemd
 * would, with no npm or tsx wrapper answering in its place.
 */
export type PortalProcess = {
  child: ChildProcess;
  /** All stdout and stderr so far. */
  output: () => string;
  /** Resolves when the output matches; rejects if the process exits first or after `timeoutMs`. */
  waitFor: (re: RegExp, timeoutMs?: number) => Promise<void>;
  /** Resolves with the exit code (null when ended by a signal). */
  exited: Promise<number | null>;
  /** SIGTERM and wait, unless it has already exited. */
  stop: () => Promise<void>;
};

export function startPortal(script: string, args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    // The footer address every visit() checks, as the shared e2e server has it.
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      ACCESSIBILITY_FEEDBACK_EMAIL: E2E.feedbackEmail,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const listeners = new Set<() => void>();
  const onData = (b: Buffer) => {
    out += b.toString();
    for (const l of listeners) l();
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  const waitFor = (re: RegExp, timeoutMs = 120_000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!re.test(out)) return;
        done();
        resolve();
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no ${re} in the output in time:\n${out}`));
      }, timeoutMs);
      const onExit = (code: number | null) => {
        done();
        reject(new Error(`exited with ${code} before ${re}:\n${out}`));
      };
      const done = () => {
        clearTimeout(timer);
        listeners.delete(check);
        child.off("exit", onExit);
      };
      listeners.add(check);
      child.once("exit", onExit);
      check();
    });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    await exited;
  };
  const portal: PortalProcess = { child, output: () => out, waitFor, exited, stop };
  return portal;
}
