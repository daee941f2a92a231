/**
 * npm run demo: build, migrate an embedded PGlite database in .data/, seed demo
 * data on first run, start the portal in production mode with a local SMTP sink.
 *   --reset     start again from empty data
 *   --no-build  reuse an existing build
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";

const args = new Set(process.argv.slice(2));
const dataDir = path.resolve(".data");
mkdirSync(dataDir, { recursive: true });

// A stable secret per checkout, so sessions survive a demo restart.
const secretFile = path.join(dataDir, "auth-secret");
if (!existsSync(secretFile))
  writeFileSync(secretFile, randomBytes(32).toString("base64url"), { mode: 0o600 });

const keyFile = path.join(dataDir, "client-data-key");
if (!existsSync(keyFile))
  writeFileSync(keyFile, randomBytes(32).toString("base64"), { mode: 0o600 });

const port = Number(process.env.PORT ?? 3000);
const sinkPort = Number(process.env.MAIL_SINK_PORT ?? 2525);
const defaults: Record<string, string> = {
  NODE_ENV: "production",
  DEMO_MODE: "true",
  PORT: String(port),
  AUTH_SECRET: readFileSync(secretFile, "utf8").trim(),
  CLIENT_DATA_KEY: readFileSync(keyFile, "utf8").trim(),
  PGLITE_DIR: path.join(dataDir, "pglite"),
  MAIL_SINK_DIR: path.join(dataDir, "mail"),
  SMTP_URL: `smtp://127.0.0.1:${sinkPort}`,
};
for (const [k, v] of Object.entries(defaults)) if (!process.env[k]) process.env[k] = v;

if (!args.has("--no-build")) {
  console.log("Building the portal (next build)…");
  const r = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const { servePortal, printDemoHelp, stopOnSignals } = await import("./serve");
const portal = await servePortal({
  mailSinkPort: sinkPort,
  seedDemo: true,
  resetData: args.has("--reset"),
});
stopOnSignals(portal.stop);
printDemoHelp(portal.url, sinkPort);
