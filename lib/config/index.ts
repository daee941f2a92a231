import { z } from "zod";
import { parseMasterKey } from "../crypto/field";

/**
 * All configuration is read here, once, from the environment and validated.
 * A wrong or missing value stops start-up with a message naming the variable
 * and what is expected (see ConfigError).
 */

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"], {
    error: "expected true or false",
  })
  .transform((v) => v === "true" || v === "1" || v === "yes");

const port = z.coerce
  .number({ error: "expected a TCP port number" })
  .int("expected a whole number")
  .min(1, "expected a TCP port 1–65535")
  .max(65535, "expected a TCP port 1–65535");

const postgresUrl = z.string().refine(
  (v) => {
    try {
      const u = new URL(v);
      return (u.protocol === "postgres:" || u.protocol === "postgresql:") && u.hostname !== "";
    } catch {
      return false;
    }
  },
  { message: "expected a PostgreSQL URL such as postgres://user:password@host:5432/database" },
);

const httpUrl = (example: string) =>
  z.string().refine(
    (v) => {
      try {
        const u = new URL(v);
        return u.protocol === "http:" || u.protocol === "https:";
      } catch {
        return false;
      }
    },
    { message: `expected an http(s) URL such as ${example}` },
  );

const smtpUrl = z.string().refine(
  (v) => {
    try {
      const u = new URL(v);
      return (u.protocol === "smtp:" || u.protocol === "smtps:") && u.hostname !== "";
    } catch {
      return false;
    }
  },
  { message: "expected an SMTP URL such as smtp://user:password@mail.example.fi:587" },
);

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: postgresUrl.optional(),
    PGLITE_DIR: z.string().min(1).default(".data/pglite"),
    PORT: port.default(3000),
    APP_URL: httpUrl("https://rekisteri.hyvinvointialue.fi").optional(),
    AUTH_SECRET: z
      .string({ error: "expected a random secret of at least 32 characters" })
      .min(32, "expected a random secret of at least 32 characters (e.g. openssl rand -base64 32)"),
    DEMO_MODE: bool.default(false),
    SMTP_URL: smtpUrl,
    MAIL_FROM: z
      .string()
      .regex(
        /^(.+<)?[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+>?$/,
        "expected an address such as Portaali <noreply@hyvinvointialue.fi>",
      )
      .default("Rekisterinkäyttöoikeusportaali <noreply@hyvinvointialue.example>"),
    MAIL_SINK_DIR: z.string().min(1).optional(),
    /** Where the footer's and the accessibility statement's feedback link sends mail. */
    ACCESSIBILITY_FEEDBACK_EMAIL: z
      .string()
      .regex(
        /^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$/,
        "expected an address such as saavutettavuus@hyvinvointialue.fi",
      )
      .default("saavutettavuus@hyvinvointialue.example"),
    MAGIC_LINK_MINUTES: z.coerce
      .number({ error: "expected a number of minutes" })
      .int()
      .min(1, "expected 1–60 minutes")
      .max(60, "expected 1–60 minutes")
      .default(10),
    /** A session ends after this long without a request. */
    SESSION_IDLE_MINUTES: z.coerce
      .number({ error: "expected a number of minutes" })
      .int("expected a whole number of minutes")
      .min(1, "expected 1–720 minutes")
      .max(720, "expected 1–720 minutes")
      .default(30),
    /** A session ends this long after sign-in, however active. */
    SESSION_MAX_HOURS: z.coerce
      .number({ error: "expected a number of hours" })
      .int("expected a whole number of hours")
      .min(1, "expected 1–24 hours")
      .max(24, "expected 1–24 hours")
      .default(10),
    OIDC_ISSUER: httpUrl("https://login.microsoftonline.com/<tenant>/v2.0").optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_NAME: z.string().min(1).default("Microsoft Entra ID"),
    OIDC_ROLE_CLAIM: z.string().min(1).default("roles"),
    /** Claim value → portal role, e.g. "Kasittelija=caseworker,Projekti=project_staff". */
    OIDC_ROLE_MAP: z
      .string()
      .regex(
        /^([^=,]+=(caseworker|project_staff|admin))(,[^=,]+=(caseworker|project_staff|admin))*$/,
        "expected claimValue=role pairs separated by commas; roles are caseworker, project_staff, admin",
      )
      .optional(),
    /** Code of the organiser (welfare area) whose staff sign in through this OIDC provider. */
    OIDC_ORGANISER: z.string().min(1).optional(),
    /** Key for client data at rest (names, identity codes): 32 random bytes, base64. */
    CLIENT_DATA_KEY: z
      .string()
      .refine(
        (v) => parseMasterKey(v) !== null,
        "expected 32 random bytes in base64 (openssl rand -base64 32)",
      )
      .optional(),
    /** The organiser's S/MIME signing certificate and key (PEM files); signing is optional. */
    SMIME_SIGNER_CERT_FILE: z.string().min(1).optional(),
    SMIME_SIGNER_KEY_FILE: z.string().min(1).optional(),
    /** "inline": the outbox worker runs in the web process; "external": npm run worker does. */
    OUTBOX_WORKER: z.enum(["inline", "external"]).default("inline"),
    /**
     * HTTP worker processes of `npm start` (ADR 21). Unset: one per CPU core with PostgreSQL,
     * one with PGlite, which a single process must own.
     */
    WEB_CONCURRENCY: z.coerce
      .number({ error: "expected a number of processes" })
      .int("expected a whole number of processes")
      .min(1, "expected 1–64 processes")
      .max(64, "expected 1–64 processes")
      .optional(),
    /** Behind a reverse proxy: trust its X-Forwarded-For / X-Forwarded-Host. */
    TRUST_PROXY: bool.default(false),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace"]).default("info"),
  })
  .superRefine((env, ctx) => {
    if ((env.WEB_CONCURRENCY ?? 1) > 1 && !env.DATABASE_URL)
      ctx.addIssue({
        code: "custom",
        path: ["WEB_CONCURRENCY"],
        message:
          "expected 1 without DATABASE_URL: the embedded database (PGlite) is owned by one process",
      });
    if (env.SESSION_IDLE_MINUTES > env.SESSION_MAX_HOURS * 60)
      ctx.addIssue({
        code: "custom",
        path: ["SESSION_IDLE_MINUTES"],
        message: "expected at most SESSION_MAX_HOURS × 60 minutes",
      });
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET, env.OIDC_ORGANISER];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      for (const key of [
        "OIDC_ISSUER",
        "OIDC_CLIENT_ID",
        "OIDC_CLIENT_SECRET",
        "OIDC_ORGANISER",
      ] as const) {
        if (!env[key])
          ctx.addIssue({
            code: "custom",
            path: [key],
            message:
              "expected when any OIDC_* setting is given (issuer, client id, client secret and organiser code go together)",
          });
      }
    }
  });

export type Role = "caseworker" | "project_staff" | "admin" | "provider_contact";

export type Config = {
  nodeEnv: "development" | "production" | "test";
  databaseUrl?: string;
  pgliteDir: string;
  port: number;
  appUrl: string;
  authSecret: string;
  demoMode: boolean;
  smtpUrl: string;
  mailFrom: string;
  mailSinkDir?: string;
  accessibilityFeedbackEmail: string;
  magicLinkMinutes: number;
  session: { idleMinutes: number; maxHours: number };
  oidc?: {
    issuer: string;
    clientId: string;
    clientSecret: string;
    name: string;
    roleClaim: string;
    roleMap: Record<string, Exclude<Role, "provider_contact">>;
    organiserCode: string;
  };
  logLevel: string;
  trustProxy: boolean;
  clientDataKey?: string;
  smimeSigner?: { certFile: string; keyFile: string };
  outboxWorker: "inline" | "external";
  /** HTTP worker processes asked for (WEB_CONCURRENCY); undefined: the caller's default. */
  webConcurrency?: number;
};

export class ConfigError extends Error {
  constructor(public readonly problems: { variable: string; message: string }[]) {
    super(
      "Invalid configuration:\n" + problems.map((p) => `  ${p.variable}: ${p.message}`).join("\n"),
    );
    this.name = "ConfigError";
  }
}

/** Pure: parse an environment object. Throws ConfigError naming each bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  // Empty strings mean "not set", as in most deployment tools.
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ""),
  );
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((i) => ({
        variable: String(i.path[0] ?? "environment"),
        message:
          // Missing means not set: a coerced number that is not one ("many") is set but wrong.
          i.code === "invalid_type" && !(String(i.path[0]) in cleaned)
            ? `missing; ${i.message}`
            : i.message,
      })),
    );
  }
  const e = result.data;
  // Without a map, claim values are the role names; with one, only the map counts
  // (so an IdP group that happens to be called "admin" grants nothing).
  const roleMap: Record<string, Exclude<Role, "provider_contact">> = e.OIDC_ROLE_MAP
    ? {}
    : { caseworker: "caseworker", project_staff: "project_staff", admin: "admin" };
  if (e.OIDC_ROLE_MAP) {
    for (const pair of e.OIDC_ROLE_MAP.split(",")) {
      const [claimValue, role] = pair.split("=") as [string, Exclude<Role, "provider_contact">];
      roleMap[claimValue.trim()] = role;
    }
  }
  return {
    nodeEnv: e.NODE_ENV,
    databaseUrl: e.DATABASE_URL,
    pgliteDir: e.PGLITE_DIR,
    port: e.PORT,
    appUrl: (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ""),
    authSecret: e.AUTH_SECRET,
    demoMode: e.DEMO_MODE,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    mailSinkDir: e.MAIL_SINK_DIR,
    accessibilityFeedbackEmail: e.ACCESSIBILITY_FEEDBACK_EMAIL,
    magicLinkMinutes: e.MAGIC_LINK_MINUTES,
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, maxHours: e.SESSION_MAX_HOURS },
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET && e.OIDC_ORGANISER
        ? {
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            name: e.OIDC_NAME,
            roleClaim: e.OIDC_ROLE_CLAIM,
            roleMap,
            organiserCode: e.OIDC_ORGANISER,
          }
        : undefined,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    clientDataKey: e.CLIENT_DATA_KEY,
    smimeSigner:
      e.SMIME_SIGNER_CERT_FILE && e.SMIME_SIGNER_KEY_FILE
        ? { certFile: e.SMIME_SIGNER_CERT_FILE, keyFile: e.SMIME_SIGNER_KEY_FILE }
        : undefined,
    outboxWorker: e.OUTBOX_WORKER,
    webConcurrency: e.WEB_CONCURRENCY,
  };
}

const g = globalThis as unknown as { __portalConfig?: Config };

/** The process's configuration, parsed once. */
export function getConfig(): Config {
  if (!g.__portalConfig) g.__portalConfig = parseConfig(process.env);
  return g.__portalConfig;
}
