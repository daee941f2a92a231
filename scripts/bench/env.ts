/**
 * Settings the portal's code reads from its configuration (lib/config), filled in for a
 * benchmark run where the environment leaves them unset. Imported first by the harness, before
 * any module that could read the configuration. Nothing here is a real secret.
 */
import { randomBytes } from "node:crypto";

const defaults: Record<string, string> = {
  AUTH_SECRET: randomBytes(32).toString("base64"),
  SMTP_URL: "smtp://127.0.0.1:2525",
  MAIL_FROM: "Benchmark <bench@portal.example>",
  CLIENT_DATA_KEY: randomBytes(32).toString("base64"),
};
for (const [k, v] of Object.entries(defaults)) process.env[k] ??= v;
// The benchmarks create throwaway databases on DATABASE_URL's server; the database it names is
// never written to, and the portal code must not pick it up through the configuration.
if (process.env.DATABASE_URL) process.env.BENCH_ADMIN_URL ??= process.env.DATABASE_URL;
delete process.env.DATABASE_URL;
