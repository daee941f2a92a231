import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { auditLog } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { openTestDb, withRollback } from "../helpers/db";

let t: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t?.close());

const actor = {
  userId: "u1",
  role: "admin",
  organiserId: null,
  providerId: null,
  sourceIp: "127.0.0.1",
};

describe("audit table", () => {
  it("refuses UPDATE, DELETE and TRUNCATE at the database level", async () => {
    const marker = `test.audit.${Date.now()}.${Math.random()}`;
    await writeAudit(t.db, actor, { action: marker, outcome: "success" });
    await expect(
      t.db.update(auditLog).set({ outcome: "failure" }).where(eq(auditLog.action, marker)),
    ).rejects.toThrow();
    await expect(t.db.delete(auditLog).where(eq(auditLog.action, marker))).rejects.toThrow();
    await expect(t.db.execute(sql`truncate audit_log`)).rejects.toThrow();
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.action, marker));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ outcome: "success", actorUserId: "u1", sourceIp: "127.0.0.1" });
  });

  it("commits and rolls back with the transaction of the change it records", async () => {
    const marker = `test.audit.tx.${Date.now()}.${Math.random()}`;
    await withRollback(t.db, async (tx) => {
      await writeAudit(tx, actor, { action: marker, outcome: "success" });
      expect(await tx.select().from(auditLog).where(eq(auditLog.action, marker))).toHaveLength(1);
    });
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, marker))).toHaveLength(0);
  });
});
