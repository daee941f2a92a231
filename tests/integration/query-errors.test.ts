import { inspect } from "node:util";
import { sql } from "drizzle-orm";
import { DrizzleQueryError } from "drizzle-orm/errors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb } from "../helpers/db";

/*
 * A failed query's error is logged whole by Next.js when a page fails (e.g. while the database
 * is down). Its parameters are data — names, e-mail addresses, session ids — so they must not
 * be in its message or in what console.error prints (patches/drizzle-orm+0.45.4.patch, ADR 17).
 * Code that handles the error still has them.
 */
let t: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t?.close());

describe("a failed query's error", () => {
  it("names the query but prints none of its parameters", async () => {
    const secret = "Salainen Asiakas 010101-123N";
    const failed = await t.db.execute(sql`select * from no_such_table where name = ${secret}`).then(
      () => null,
      (e: unknown) => e,
    );
    expect(failed).toBeInstanceOf(DrizzleQueryError);
    const err = failed as DrizzleQueryError;
    expect(err.message).toContain("no_such_table");
    expect(err.message).not.toContain(secret);
    expect(inspect(err, { depth: 5 })).not.toContain(secret);
    expect(JSON.stringify(err)).not.toContain(secret);
    expect(err.params).toEqual([secret]);
  });
});
