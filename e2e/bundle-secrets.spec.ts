import path from "node:path";
import { expect, test } from "@playwright/test";
import { DEMO_USERS } from "@/db/seed/demo";
import { E2E } from "./support/env";
import { signInAs } from "./support/fixtures";
import { findSecrets, scanDir } from "./support/secrets";

/** The running e2e server's own secrets and connection strings (e2e/support/server.ts). */
const SECRETS: Record<string, string> = {
  AUTH_SECRET: E2E.authSecret,
  CLIENT_DATA_KEY: E2E.clientDataKey,
  OIDC_CLIENT_SECRET: E2E.oidcClientSecret,
  SMTP_URL: `smtp://127.0.0.1:${E2E.sinkPort}`,
  PGLITE_DIR: path.join(E2E.dataDir, "pglite"),
  ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : {}),
};

test("no server secret is in any built browser file", async () => {
  // The run builds the app first, so this is the bundle the server is serving.
  const { files, findings } = await scanDir(path.resolve(".next", "static"), SECRETS);
  expect(files, "files under .next/static").toBeGreaterThan(10);
  expect(findings).toEqual([]);
});

test("no server secret is in the HTML of public and signed-in pages", async ({ page }) => {
  const signin = await page.request.get("/signin");
  expect(signin.status()).toBe(200);
  const findings = findSecrets(await signin.text(), "/signin", SECRETS);

  await signInAs(page, DEMO_USERS.admin);
  for (const url of ["/providers", "/settings", "/readiness", "/audit", "/mailbox"]) {
    const res = await page.request.get(url);
    expect(res.status(), url).toBe(200);
    findings.push(...findSecrets(await res.text(), url, SECRETS));
  }
  expect(findings).toEqual([]);
});
