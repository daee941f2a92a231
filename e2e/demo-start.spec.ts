import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

/** Starts a command and resolves when a line matches, collecting its output. */
const started: ChildProcess[] = [];
test.afterEach(async () => {
  // Never leave a server behind, even when an assertion failed half-way.
  for (const c of started.splice(0)) await stop(c);
});

function startAndWait(cmd: string[], env: Record<string, string>, ready: RegExp) {
  const child = spawn(cmd[0]!, cmd.slice(1), {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  started.push(child);
  let out = "";
  const done = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in time:\n${out}`)), 90_000);
    const onData = (b: Buffer) => {
      out += b.toString();
      if (ready.test(out)) {
        clearTimeout(timer);
        resolve(out);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${out}`));
    });
  });
  return { child, done, output: () => out };
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  try {
    process.kill(-child.pid!, "SIGTERM");
  } catch {
    return;
  }
  await exited;
}

test.describe.configure({ timeout: 240_000 });

test("the demo starts from an empty PGlite folder, reuses its data on the next run, and demo accounts vanish without demo mode", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "portal-demo-"));
  const env = {
    PORT: "3300",
    MAIL_SINK_PORT: "2725",
    PGLITE_DIR: path.join(dir, "pglite"),
    MAIL_SINK_DIR: path.join(dir, "mail"),
  };
  try {
    const first = startAndWait(
      ["npx", "tsx", "scripts/demo.ts", "--no-build"],
      env,
      /is running: http:\/\/localhost:3300/,
    );
    const out1 = await first.done;
    expect(out1).toContain("Demo data seeded.");
    const page = await fetch("http://localhost:3300/signin").then((r) => r.text());
    expect(page).toContain('id="demo-heading"');
    expect(page).toContain("Aino Aaltonen");
    await stop(first.child);

    const second = startAndWait(
      ["npx", "tsx", "scripts/demo.ts", "--no-build"],
      env,
      /is running: http:\/\/localhost:3300/,
    );
    expect(await second.done).toContain("Existing data reused.");
    await stop(second.child);

    // Production start on the same data, demo mode off: no demo accounts, no demo provider.
    const prod = startAndWait(
      ["npx", "tsx", "scripts/start.ts"],
      {
        PORT: "3300",
        PGLITE_DIR: env.PGLITE_DIR,
        AUTH_SECRET: "prod-like-secret-prod-like-secret-0123456789",
        SMTP_URL: "smtp://127.0.0.1:2725",
        DEMO_MODE: "false",
        NODE_ENV: "production",
      },
      /portal listening/,
    );
    await prod.done;
    const signin = await fetch("http://localhost:3300/signin").then((r) => r.text());
    expect(signin).toContain('id="provider-heading"');
    expect(signin).not.toContain('id="demo-heading"');
    expect(signin).not.toContain("demo-caseworker");
    const providers = (await fetch("http://localhost:3300/api/auth/providers").then((r) =>
      r.json(),
    )) as Record<string, unknown>;
    expect(Object.keys(providers)).toEqual(["nodemailer"]);
    const mailbox = await fetch("http://localhost:3300/mailbox", { redirect: "manual" });
    expect(mailbox.status).toBe(307);
    await stop(prod.child);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("start-up stops with a clear message when DATABASE_URL is malformed", async () => {
  const run = startAndWait(
    ["npx", "tsx", "scripts/start.ts"],
    {
      DATABASE_URL: "mysql://nope",
      AUTH_SECRET: "x".repeat(40),
      SMTP_URL: "smtp://127.0.0.1:2725",
      PORT: "3301",
    },
    /$^/,
  );
  const err = await run.done.catch((e: Error) => e.message);
  expect(err).toMatch(/exited with 1/);
  expect(err).toContain("DATABASE_URL: expected a PostgreSQL URL such as postgres://");
});
