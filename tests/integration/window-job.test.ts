import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { accessWindows, auditLog, type WindowState } from "@/db/schema";
import { DEMO_ORGANISERS, seedDemo, seedId } from "@/db/seed/demo";
import { advanceWindowStates, startWindowScheduler, WINDOW_JOB_LOCK_KEY } from "@/lib/windows/job";
import { openTestDb, withRollback } from "../helpers/db";
import { captureOutput } from "../helpers/output";

let t: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t?.close());
afterEach(() => {
  vi.restoreAllMocks();
});

const ORG = DEMO_ORGANISERS.main;

/*
 * The test windows live in 2025; the demo seed's windows all start in 2026 or later, so the
 * job never moves a seeded window on these dates and the counts below are exact.
 */
async function makeWindows(
  tx: Executor,
  specs: Record<string, { opensOn: string; closesOn: string | null; state?: WindowState }>,
): Promise<Record<string, string>> {
  await seedDemo(tx);
  const [seeded] = await tx
    .select()
    .from(accessWindows)
    .where(eq(accessWindows.id, seedId("window:0")));
  const ids: Record<string, string> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const [row] = await tx
      .insert(accessWindows)
      .values({
        organiserId: ORG,
        caseId: seeded!.caseId,
        serviceTask: seeded!.serviceTask,
        serviceUnitId: seeded!.serviceUnitId,
        opensOn: spec.opensOn,
        closesOn: spec.closesOn,
        state: spec.state ?? "planned",
      })
      .returning({ id: accessWindows.id });
    ids[name] = row!.id;
  }
  return ids;
}

async function states(tx: Executor, ids: Record<string, string>) {
  const rows = await tx
    .select({ id: accessWindows.id, state: accessWindows.state, version: accessWindows.version })
    .from(accessWindows)
    .where(inArray(accessWindows.id, Object.values(ids)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return Object.fromEntries(
    Object.entries(ids).map(([name, id]) => [name, byId.get(id)!.state]),
  ) as Record<string, WindowState>;
}

async function versionOf(tx: Executor, id: string) {
  const [row] = await tx
    .select({ version: accessWindows.version })
    .from(accessWindows)
    .where(eq(accessWindows.id, id));
  return row!.version;
}

async function windowAudit(tx: Executor, ids: Record<string, string>) {
  return tx
    .select()
    .from(auditLog)
    .where(
      and(eq(auditLog.entityType, "access_window"), inArray(auditLog.entityId, Object.values(ids))),
    )
    .orderBy(auditLog.id);
}

describe("advanceWindowStates", () => {
  it("moves windows forward along their dates, only once, with an audit row per change", async () => {
    await withRollback(t.db, async (tx) => {
      const ids = await makeWindows(tx, {
        dated: { opensOn: "2025-03-10", closesOn: "2025-03-20" },
        openEnded: { opensOn: "2025-03-10", closesOn: null },
        oneDay: { opensOn: "2025-03-10", closesOn: "2025-03-10" },
        invalidated: { opensOn: "2025-03-01", closesOn: "2025-03-05", state: "invalidated" },
        bothPassed: { opensOn: "2025-01-01", closesOn: "2025-02-01" },
        closedByHand: { opensOn: "2025-03-01", closesOn: "2025-03-31", state: "closed" },
      });

      // The day before opening: only the window whose both dates passed moves, straight to closed.
      expect(await advanceWindowStates(tx, "2025-03-09")).toEqual({ opened: 0, closed: 1 });
      expect(await states(tx, ids)).toEqual({
        dated: "planned",
        openEnded: "planned",
        oneDay: "planned",
        invalidated: "invalidated",
        bothPassed: "closed",
        closedByHand: "closed",
      });

      // Opening day.
      expect(await advanceWindowStates(tx, "2025-03-10")).toEqual({ opened: 3, closed: 0 });
      expect(await states(tx, ids)).toMatchObject({
        dated: "open",
        openEnded: "open",
        oneDay: "open",
        closedByHand: "closed",
      });

      // Idempotent: a second run the same day changes nothing and writes no audit rows.
      const auditBefore = (await windowAudit(tx, ids)).length;
      expect(await advanceWindowStates(tx, "2025-03-10")).toEqual({ opened: 0, closed: 0 });
      expect(await windowAudit(tx, ids)).toHaveLength(auditBefore);

      // Open through closesOn inclusive; the one-day window closes the day after.
      expect(await advanceWindowStates(tx, "2025-03-11")).toEqual({ opened: 0, closed: 1 });
      expect(await advanceWindowStates(tx, "2025-03-20")).toEqual({ opened: 0, closed: 0 });
      expect((await states(tx, ids)).dated).toBe("open");

      // Closed the day after closesOn; the open-ended window stays open.
      expect(await advanceWindowStates(tx, "2025-03-21")).toEqual({ opened: 0, closed: 1 });
      expect(await advanceWindowStates(tx, "2025-12-31")).toEqual({ opened: 0, closed: 0 });
      expect(await states(tx, ids)).toEqual({
        dated: "closed",
        openEnded: "open",
        oneDay: "closed",
        invalidated: "invalidated",
        bothPassed: "closed",
        closedByHand: "closed",
      });

      // Every change increments the version; untouched windows keep theirs.
      expect(await versionOf(tx, ids.dated!)).toBe(3);
      expect(await versionOf(tx, ids.openEnded!)).toBe(2);
      expect(await versionOf(tx, ids.bothPassed!)).toBe(2);
      expect(await versionOf(tx, ids.invalidated!)).toBe(1);
      expect(await versionOf(tx, ids.closedByHand!)).toBe(1);

      const audit = await windowAudit(tx, ids);
      const of = (name: string) => audit.filter((a) => a.entityId === ids[name]);
      expect(audit).toHaveLength(6);
      expect(of("dated").map((a) => a.action)).toEqual(["window.opened", "window.closed"]);
      expect(of("dated")[0]).toMatchObject({
        organiserId: ORG,
        providerId: null,
        actorUserId: null,
        actorRole: "system",
        entityType: "access_window",
        outcome: "success",
        details: {
          changes: { state: { from: "planned", to: "open" } },
          version: 2,
          date: "2025-03-10",
        },
      });
      expect(of("dated")[1]?.details).toMatchObject({
        changes: { state: { from: "open", to: "closed" } },
        version: 3,
        date: "2025-03-21",
      });
      expect(of("bothPassed")).toHaveLength(1);
      expect(of("bothPassed")[0]).toMatchObject({
        action: "window.closed",
        details: { changes: { state: { from: "planned", to: "closed" } } },
      });
      expect(of("invalidated")).toHaveLength(0);
      expect(of("closedByHand")).toHaveLength(0);
    });
  });

  it("refuses a date that is not yyyy-mm-dd", async () => {
    await expect(advanceWindowStates(t.db, "2025-02-30")).rejects.toThrow(RangeError);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    "does nothing while another process holds the job's lock",
    async () => {
      await withRollback(t.db, async (holder) => {
        await holder.execute(sql`select pg_advisory_xact_lock(${WINDOW_JOB_LOCK_KEY}::bigint)`);
        // t.db runs on another pooled connection, like a second server process.
        expect(await advanceWindowStates(t.db, "2030-01-01")).toEqual({ opened: 0, closed: 0 });
      });
    },
  );
});

describe("startWindowScheduler", () => {
  it("runs at once on the Helsinki date, logs only counts, and stops", async () => {
    const out = captureOutput();
    await withRollback(t.db, async (tx) => {
      const ids = await makeWindows(tx, {
        w: { opensOn: "2025-03-10", closesOn: "2025-03-20" },
      });
      // 22:30 UTC on 9 March is already 10 March in Helsinki (UTC+2).
      const stop = startWindowScheduler(() => tx, {
        now: () => new Date("2025-03-09T22:30:00Z"),
        intervalMs: 60 * 60 * 1000,
      });
      await stop();
      expect((await states(tx, ids)).w).toBe("open");
    }).finally(out.restore);
    expect(out.lines).toHaveLength(1);
    const { time, ...logged } = JSON.parse(out.lines[0]!) as Record<string, unknown>;
    expect(typeof time).toBe("string");
    expect(logged).toEqual({
      level: "info",
      msg: "access window states advanced",
      today: "2025-03-10",
      opened: 1,
      closed: 0,
    });
  });

  it("logs an error without throwing and keeps its timer from holding the process", async () => {
    const out = captureOutput();
    const unref = vi.spyOn(globalThis, "setInterval");
    const stop = startWindowScheduler(() => {
      throw new Error("database unavailable");
    });
    await stop();
    out.restore();
    expect(out.records()).toMatchObject([
      { level: "error", msg: "access window job failed", err: "Error: database unavailable" },
    ]);
    const timer = unref.mock.results[0]?.value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
  });
});
