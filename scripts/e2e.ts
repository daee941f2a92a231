/**
 * Runs the Playwright suite: finds or installs a Chromium, builds the app,
 * then hands over to Playwright (which starts e2e/support/server.ts).
 */
import { execSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

function findChromium(): string | undefined {
  for (const p of [
    process.env.CHROMIUM_PATH,
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
  ]) {
    if (p && existsSync(p)) return p;
  }
  return undefined;
}

let chromium = findChromium();
if (!chromium && process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
  console.log("No browser found: installing Debian's chromium with apt-get…");
  execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", {
    stdio: "inherit",
  });
  chromium = findChromium();
}
if (!chromium) {
  // An ordinary machine with internet: Playwright's own browser.
  console.log("No system Chromium: installing Playwright's Chromium…");
  execSync("npx playwright install chromium", { stdio: "inherit" });
}

if (!process.argv.includes("--no-build")) {
  const b = spawnSync("npx", ["next", "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (b.status !== 0) process.exit(b.status ?? 1);
}

const args = process.argv.slice(2).filter((a) => a !== "--no-build");
const r = spawnSync("npx", ["playwright", "test", ...args], {
  stdio: "inherit",
  env: { ...process.env, ...(chromium ? { CHROMIUM_PATH: chromium } : {}) },
});
process.exit(r.status ?? 1);
