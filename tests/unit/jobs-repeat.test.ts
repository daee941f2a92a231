import { afterEach, describe, expect, it, vi } from "vitest";
import { DrizzleQueryError } from "drizzle-orm/errors";
import { errorText, startRepeating } from "@/lib/jobs/repeat";
import { captureOutput } from "../helpers/output";

afterEach(() => vi.restoreAllMocks());

describe("a failed job run", () => {
  it("logs the driver's error and code, never the query or its parameters", async () => {
    const out = captureOutput();
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), {
      code: "ECONNREFUSED",
    });
    const stop = startRepeating("test job", 60_000, async () => {
      throw new DrizzleQueryError(
        'select "name" from "contact_people" where "email" = $1',
        ["anna.virtanen@kotikallio.example"],
        refused,
      );
    });
    await stop(); // resolves once the first run (started at once) has finished
    out.restore();
    expect(out.lines).toHaveLength(1);
    expect(out.records()[0]).toMatchObject({
      level: "error",
      msg: "test job failed",
      err: "query failed: Error: connect ECONNREFUSED 127.0.0.1:5432 (ECONNREFUSED)",
    });
    expect(out.lines[0]).not.toContain("anna.virtanen");
    expect(out.lines[0]).not.toContain("contact_people");
  });

  it("keeps other errors as they are", () => {
    expect(errorText(new Error("boom"))).toBe("Error: boom");
  });
});
