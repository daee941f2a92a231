import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { accessWindows, cases, serviceUnits } from "@/db/schema";
import { DEMO_ORGANISERS, seedDemo, seedId } from "@/db/seed/demo";
import { advanceWindowStates } from "@/lib/windows/job";
import { openTestDb, withRollback } from "../helpers/db";
import { bothCounts } from "../helpers/window-counts";

let t: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t?.close());

describe("per-provider window counts (provider_window_tasks)", () => {
  it("follow every kind of change to the windows", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      let c = await bothCounts(tx);
      expect(c.direct.length).toBeGreaterThan(0);
      expect(c.kept).toEqual(c.direct);

      // Invalidation (no longer live), in one statement for several windows.
      await tx.execute(
        sql`update access_windows set state = 'invalidated'
             where id in (${seedId("window:1")}, ${seedId("window:2")}, ${seedId("window:5")})`,
      );
      c = await bothCounts(tx);
      expect(c.kept).toEqual(c.direct);

      // A reissue: a new window beside the invalidated one.
      const [old] = await tx
        .select()
        .from(accessWindows)
        .where(eq(accessWindows.id, seedId("window:1")));
      const { id: _id, ...copy } = old!;
      await tx.insert(accessWindows).values({
        ...copy,
        state: "planned",
        source: "reissue",
        replacesId: old!.id,
        resourceId: null,
      });
      c = await bothCounts(tx);
      expect(c.kept).toEqual(c.direct);

      // The case's service task changes: the windows' copy follows by cascade, and so do the counts.
      const [kase] = await tx.select().from(cases).where(eq(cases.id, old!.caseId));
      const other = kase!.serviceTask === "working_age" ? "older_people" : "working_age";
      await tx.update(cases).set({ serviceTask: other }).where(eq(cases.id, kase!.id));
      c = await bothCounts(tx);
      expect(c.kept).toEqual(c.direct);
      expect(
        c.kept.some((r) => r.service_task === other && r.organiser_id === kase!.organiserId),
      ).toBe(true);

      // The daily job moves states by the dates (live stays live).
      await advanceWindowStates(tx, "2027-12-31");
      c = await bothCounts(tx);
      expect(c.kept).toEqual(c.direct);

      // Removal.
      await tx.delete(accessWindows).where(eq(accessWindows.id, seedId("window:3")));
      c = await bothCounts(tx);
      expect(c.kept).toEqual(c.direct);
      // Everything about the main organiser's windows is in the counts, nothing else.
      expect(c.kept.every((r) => Object.values(DEMO_ORGANISERS).includes(r.organiser_id))).toBe(
        true,
      );
    });
  });

  it("refuses to move a service unit to another provider (the counts are per provider)", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const [unit] = await tx.select().from(serviceUnits).limit(1);
      const other = unit!.providerId === seedId("provider:1") ? "provider:2" : "provider:1";
      await expect(
        tx.execute(
          sql`update service_units set provider_id = ${seedId(other)} where id = ${unit!.id}`,
        ),
      ).rejects.toThrow();
    });
  });
});
