import { describe, expect, it } from "vitest";
import { createLogger, log, requestLog } from "@/lib/log";
import { requestIdFrom } from "@/lib/security/csp";
import { captureOutput } from "../helpers/output";

function collect() {
  const lines: string[] = [];
  const logger = createLogger({ write: (s: string) => void lines.push(s) });
  return {
    logger,
    lines,
    parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe("lib/log", () => {
  it("writes one JSON line with level name, ISO time, msg and the request id", () => {
    const { logger, lines, parsed } = collect();
    logger.child({ reqId: "abc-123-def" }).warn({ count: 3 }, "outbox pass");
    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith("\n")).toBe(true);
    const rec = parsed()[0]!;
    expect(rec).toMatchObject({
      level: "warn",
      msg: "outbox pass",
      reqId: "abc-123-def",
      count: 3,
    });
    expect(new Date(String(rec.time)).toISOString()).toBe(rec.time);
  });

  it("redacts keys that hold client data or credentials, at the top and one level down", () => {
    const { logger, lines, parsed } = collect();
    logger.info(
      {
        name: "Testi Asiakas",
        hetu: "010190-123A",
        identityCode: "010190-123A",
        email: "anna@example.fi",
        token: "tok-secret",
        password: "pw-secret",
        client: { name: "Toinen Asiakas", hetu: "020290-456B" },
        headers: { authorization: "Bearer xyz", cookie: "authjs.session-token=abc" },
        count: 2,
      },
      "something happened",
    );
    const text = lines.join("");
    for (const secret of [
      "Testi Asiakas",
      "010190-123A",
      "anna@example.fi",
      "tok-secret",
      "pw-secret",
      "Toinen Asiakas",
      "020290-456B",
      "Bearer xyz",
      "authjs.session-token",
    ])
      expect(text).not.toContain(secret);
    expect(parsed()[0]).toMatchObject({
      name: "[redacted]",
      client: { name: "[redacted]", hetu: "[redacted]" },
      headers: { authorization: "[redacted]", cookie: "[redacted]" },
      count: 2,
    });
  });

  it("the shared logger writes to stdout, and outside a request has no request id", async () => {
    const out = captureOutput();
    try {
      log.info("plain");
      (await requestLog()).info("outside a request");
    } finally {
      out.restore();
    }
    expect(out.records().map((r) => [r.msg, r.reqId])).toEqual([
      ["plain", undefined],
      ["outside a request", undefined],
    ]);
  });
});

describe("request ids", () => {
  it("keeps a short safe incoming id and replaces anything else with a UUID", () => {
    expect(requestIdFrom("req-2026.11_23abc")).toBe("req-2026.11_23abc");
    const uuid = /^[0-9a-f-]{36}$/;
    for (const bad of [
      null,
      "",
      "short",
      "a".repeat(65),
      "bad id",
      'x"}\n{"level":"fatal',
      "ä".repeat(10),
    ])
      expect(requestIdFrom(bad)).toMatch(uuid);
  });
});
