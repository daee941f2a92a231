import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "@/lib/config";

const base = {
  AUTH_SECRET: "x".repeat(40),
  SMTP_URL: "smtp://127.0.0.1:2525",
};

function problems(env: Record<string, string | undefined>) {
  try {
    parseConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error("expected a ConfigError");
}

describe("configuration", () => {
  it("accepts a minimal valid environment and defaults to PGlite", () => {
    const c = parseConfig(base);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.pgliteDir).toBe(".data/pglite");
    expect(c.port).toBe(3000);
    expect(c.appUrl).toBe("http://localhost:3000");
    expect(c.demoMode).toBe(false);
    expect(c.oidc).toBeUndefined();
  });

  it("has an accessibility feedback address, configurable and checked", () => {
    expect(parseConfig(base).accessibilityFeedbackEmail).toBe(
      "saavutettavuus@hyvinvointialue.example",
    );
    expect(
      parseConfig({ ...base, ACCESSIBILITY_FEEDBACK_EMAIL: "palaute@hyvaalue.fi" })
        .accessibilityFeedbackEmail,
    ).toBe("palaute@hyvaalue.fi");
    const err = problems({ ...base, ACCESSIBILITY_FEEDBACK_EMAIL: "mailto:palaute" });
    expect(err.problems.map((p) => p.variable)).toEqual(["ACCESSIBILITY_FEEDBACK_EMAIL"]);
  });

  it("selects PostgreSQL when DATABASE_URL is set", () => {
    expect(
      parseConfig({ ...base, DATABASE_URL: "postgres://u:p@db.example:5432/portal" }).databaseUrl,
    ).toBe("postgres://u:p@db.example:5432/portal");
  });

  it("takes WEB_CONCURRENCY as 1–64 processes, more than one only with PostgreSQL", () => {
    const pg = { ...base, DATABASE_URL: "postgres://u:p@db.example:5432/portal" };
    expect(parseConfig(base).webConcurrency).toBeUndefined();
    expect(parseConfig({ ...pg, WEB_CONCURRENCY: "4" }).webConcurrency).toBe(4);
    expect(parseConfig({ ...base, WEB_CONCURRENCY: "1" }).webConcurrency).toBe(1);
    for (const [bad, expected] of [
      ["0", "expected 1–64 processes"],
      ["65", "expected 1–64 processes"],
      ["2.5", "expected a whole number of processes"],
      ["many", "expected a number of processes"],
    ]) {
      const err = problems({ ...pg, WEB_CONCURRENCY: bad });
      expect(err.problems).toEqual([{ variable: "WEB_CONCURRENCY", message: expected }]);
    }
    const err = problems({ ...base, WEB_CONCURRENCY: "2" });
    expect(err.message).toMatch(/WEB_CONCURRENCY: expected 1 without DATABASE_URL/);
  });

  it.each(["mysql://u@h/db", "not a url", "postgres://", "http://localhost:5432/db"])(
    "rejects the malformed DATABASE_URL %s, naming the variable and what is expected",
    (value) => {
      const err = problems({ ...base, DATABASE_URL: value });
      expect(err.problems.map((p) => p.variable)).toEqual(["DATABASE_URL"]);
      expect(err.message).toMatch(/DATABASE_URL: expected a PostgreSQL URL such as postgres:\/\//);
    },
  );

  it("reports a missing secret and a bad port together", () => {
    const err = problems({ SMTP_URL: base.SMTP_URL, PORT: "70000" });
    const vars = err.problems.map((p) => p.variable).sort();
    expect(vars).toEqual(["AUTH_SECRET", "PORT"]);
    expect(err.message).toMatch(/AUTH_SECRET: missing/);
    expect(err.message).toMatch(/PORT: expected a TCP port 1–65535/);
  });

  it("requires the OIDC settings together and parses the role map", () => {
    const err = problems({ ...base, OIDC_ISSUER: "https://login.example/v2.0" });
    expect(err.problems.map((p) => p.variable).sort()).toEqual([
      "OIDC_CLIENT_ID",
      "OIDC_CLIENT_SECRET",
      "OIDC_ORGANISER",
    ]);
    const c = parseConfig({
      ...base,
      OIDC_ISSUER: "https://login.example/v2.0",
      OIDC_CLIENT_ID: "portal",
      OIDC_CLIENT_SECRET: "secret",
      OIDC_ORGANISER: "jarvipohja",
      OIDC_ROLE_MAP: "Rekisteri.Kasittelija=caseworker,Rekisteri.Admin=admin",
    });
    expect(c.oidc?.roleMap["Rekisteri.Kasittelija"]).toBe("caseworker");
    expect(c.oidc?.roleMap["Rekisteri.Admin"]).toBe("admin");
    // With a map, bare role names from the IdP grant nothing.
    expect(c.oidc?.roleMap.admin).toBeUndefined();
    expect(problems({ ...base, OIDC_ROLE_MAP: "X=superuser" }).problems[0]?.variable).toBe(
      "OIDC_ROLE_MAP",
    );
  });

  it("accepts only a 32-byte client data key", () => {
    expect(
      parseConfig({ ...base, CLIENT_DATA_KEY: Buffer.alloc(32, 7).toString("base64") })
        .clientDataKey,
    ).toBeTruthy();
    expect(problems({ ...base, CLIENT_DATA_KEY: "c2hvcnQ=" }).message).toMatch(
      /CLIENT_DATA_KEY: expected 32 random bytes in base64/,
    );
  });

  it("rejects a DEMO_MODE that is not a boolean", () => {
    expect(problems({ ...base, DEMO_MODE: "maybe" }).message).toMatch(
      /DEMO_MODE: expected true or false/,
    );
  });

  it("session timeouts default to 30 minutes idle and 10 hours absolute and are validated", () => {
    expect(parseConfig(base).session).toEqual({ idleMinutes: 30, maxHours: 10 });
    expect(
      parseConfig({ ...base, SESSION_IDLE_MINUTES: "15", SESSION_MAX_HOURS: "8" }).session,
    ).toEqual({ idleMinutes: 15, maxHours: 8 });
    expect(problems({ ...base, SESSION_MAX_HOURS: "0" }).message).toMatch(
      /SESSION_MAX_HOURS: expected 1–24 hours/,
    );
    expect(problems({ ...base, SESSION_IDLE_MINUTES: "abc" }).message).toMatch(
      /SESSION_IDLE_MINUTES: .*expected a number of minutes/,
    );
    expect(
      problems({ ...base, SESSION_IDLE_MINUTES: "180", SESSION_MAX_HOURS: "2" }).message,
    ).toMatch(/SESSION_IDLE_MINUTES: expected at most SESSION_MAX_HOURS × 60 minutes/);
  });
});
