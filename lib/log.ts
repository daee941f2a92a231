/**
 * The one server logger: JSON lines on stdout with level names, ISO time, the message and,
 * inside a request, its id (ADR 0012). Keys that usually hold client data or credentials are
 * redacted wherever they appear one level deep, as a backstop: callers log counts and ids only.
 */
import pino, { type DestinationStream, type Logger } from "pino";

const REDACTED_KEYS = [
  "name",
  "clientName",
  "hetu",
  "identityCode",
  "email",
  "token",
  "password",
  "secret",
  "authorization",
  "cookie",
];

export const REDACT_PATHS = [
  ...REDACTED_KEYS,
  ...REDACTED_KEYS.map((k) => `*.${k}`),
  'headers["set-cookie"]',
  '*.headers["set-cookie"]',
];

// Looked up at each write (not bound once), so the e2e server's stdout copy and the tests'
// spies see every line.
const stdout: DestinationStream = { write: (line: string) => void process.stdout.write(line) };

export function createLogger(destination: DestinationStream = stdout): Logger {
  return pino(
    {
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      level: "info",
    },
    destination,
  );
}

export const log = createLogger();

/** The logger for the current request, carrying proxy.ts's x-request-id; `log` outside one. */
export async function requestLog(): Promise<Logger> {
  try {
    // Loaded lazily: next/headers must not load before Next itself in scripts/serve.ts.
    const { headers } = await import("next/headers");
    const id = (await headers()).get("x-request-id");
    return id ? log.child({ reqId: id }) : log;
  } catch {
    return log; // not inside a request (jobs, scripts)
  }
}
