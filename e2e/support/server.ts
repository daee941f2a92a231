/**
 * The server the end-to-end tests run against: the built portal in production
 * mode on a fresh, empty PGlite folder (so every run proves the demo starts
 * from nothing), with the SMTP sink and a real OIDC provider on loopback.
 */
import { appendFileSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { E2E } from "./env";
import { OIDC_ROLE_MAP, startOidcServer } from "./oidc-server";

rmSync(E2E.dataDir, { recursive: true, force: true });
mkdirSync(E2E.dataDir, { recursive: true });

// Keep a copy of all server output, so tests can prove no identity code is ever logged.
for (const stream of [process.stdout, process.stderr]) {
  const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    try {
      appendFileSync(
        E2E.logFile,
        typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array),
      );
    } catch {
      // Logging must never break the server.
    }
    return write(chunk, ...rest);
  }) as typeof stream.write;
}

const oidc = await startOidcServer({
  port: E2E.oidcPort,
  clientId: E2E.oidcClientId,
  clientSecret: E2E.oidcClientSecret,
  redirectUri: `${E2E.baseURL}/api/auth/callback/oidc`,
});

Object.assign(process.env, {
  NODE_ENV: "production",
  PORT: String(E2E.port),
  DEMO_MODE: "true",
  AUTH_SECRET: E2E.authSecret,
  CLIENT_DATA_KEY: E2E.clientDataKey,
  PGLITE_DIR: path.join(E2E.dataDir, "pglite"),
  MAIL_SINK_DIR: E2E.mailDir,
  ACCESSIBILITY_FEEDBACK_EMAIL: E2E.feedbackEmail,
  SMTP_URL: `smtp://127.0.0.1:${E2E.sinkPort}`,
  OIDC_ISSUER: oidc.issuer,
  OIDC_CLIENT_ID: E2E.oidcClientId,
  OIDC_CLIENT_SECRET: E2E.oidcClientSecret,
  OIDC_NAME: "Järvi-Pohjan Entra ID",
  OIDC_ROLE_CLAIM: "roles",
  OIDC_ROLE_MAP,
  OIDC_ORGANISER: "jarvipohja",
});
if (process.env.E2E_DATABASE_URL) process.env.DATABASE_URL = process.env.E2E_DATABASE_URL;

const { servePortal, stopOnSignals } = await import("../../scripts/serve");
// The reminder timer would send mail at moments the mail assertions cannot predict; reminders are
// proven by tests/integration/reminders.test.ts and the page's "run now".
const portal = await servePortal({
  mailSinkPort: E2E.sinkPort,
  seedDemo: true,
  quiet: true,
  reminders: false,
});
stopOnSignals(async () => {
  await portal.stop();
  await oidc.close();
});
console.log(`e2e portal ready at ${portal.url}`);
