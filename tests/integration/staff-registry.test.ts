import { saveUnitAsStaff } from "@/lib/registry/operations";
import { saveContactAsStaff } from "@/lib/providers/operations";
import { businessIdFor } from "@/db/seed/demo";
import { organisationOidRoot } from "@/lib/providers/businessId";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, organiserProviders, organiserSystems, providers } from "@/db/schema";
import { DEMO_ORGANISERS, DEMO_USERS, seedDemo, seedId } from "@/db/seed/demo";
import { providerServices } from "@/lib/providers/queries";
import {
  addProvider,
  addSystem,
  saveSystemStatus,
  updateProviderView,
} from "@/lib/registry/staff-operations";
import { actorOf, openTestDb, withRollback } from "../helpers/db";

let t: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t?.close());

const view = {
  relationship: "contract" as const,
  purchasedService: true,
  serviceVoucher: false,
  reviewState: "reviewed" as const,
  notes: "Tarkistettu 5.5.",
  services: ["communal_housing", "home_care", "not-a-service"],
};

describe("staff keep their own view of shared providers", () => {
  it("updates only its own organiser's view, with services from the catalogue, audited", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const main = await actorOf(tx, DEMO_USERS.projectStaff);
      const r = await updateProviderView(tx, main, { providerId: seedId("provider:2"), ...view });
      expect(r.ok).toBe(true);
      expect((await providerServices(tx, main, seedId("provider:2"))).sort()).toEqual([
        "communal_housing",
        "home_care",
      ]);
      const [audit] = await tx
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.entityId, seedId("provider:2")),
            eq(auditLog.action, "registry.updateProviderView"),
          ),
        );
      expect(audit?.details).toMatchObject({ changes: { reviewState: { to: "reviewed" } } });
      // The small organiser also works with provider 2, but its view is untouched.
      const [small] = await tx
        .select()
        .from(organiserProviders)
        .where(
          and(
            eq(organiserProviders.organiserId, DEMO_ORGANISERS.small),
            eq(organiserProviders.providerId, seedId("provider:2")),
          ),
        );
      expect(small?.notes).toBeNull();
      // A provider the small organiser has no relationship with is out of its reach.
      const other = await actorOf(tx, DEMO_USERS.otherCaseworker);
      const denied = await updateProviderView(tx, other, {
        providerId: seedId("provider:20"),
        ...view,
      });
      expect(denied).toMatchObject({ ok: false, message: "validation.notFound" });
    });
  });

  it("adds a provider once: a business ID already in the portal is shared, not duplicated", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const small = await actorOf(tx, DEMO_USERS.otherCaseworker);
      expect(await addProvider(tx, small, { name: "X", businessId: "1234567-1x" })).toMatchObject({
        ok: false,
        fieldErrors: { businessId: "businessId" },
      });
      const [p20] = await tx
        .select()
        .from(providers)
        .where(eq(providers.id, seedId("provider:20")));
      const shared = await addProvider(tx, small, {
        name: "Toinen nimi",
        businessId: p20!.businessId,
      });
      expect(shared).toMatchObject({ ok: true, id: p20!.id, existed: true });
      const [after] = await tx.select().from(providers).where(eq(providers.id, p20!.id));
      expect(after?.name).toBe(p20!.name);
      const rel = await tx
        .select()
        .from(organiserProviders)
        .where(
          and(
            eq(organiserProviders.organiserId, DEMO_ORGANISERS.small),
            eq(organiserProviders.providerId, p20!.id),
          ),
        );
      expect(rel).toHaveLength(1);
    });
  });

  it("records a system's deployment test per organiser and refuses a duplicate system name", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const small = await actorOf(tx, DEMO_USERS.otherCaseworker);
      const cis = seedId("cis:Nursebuddy");
      const r = await saveSystemStatus(tx, small, {
        cisId: cis,
        testStatus: "passed",
        testDate: "2026-06-01",
        needsCaseNumbers: true,
      });
      expect(r.ok).toBe(true);
      const rows = await tx.select().from(organiserSystems).where(eq(organiserSystems.cisId, cis));
      const byOrg = Object.fromEntries(rows.map((x) => [x.organiserId, x.testStatus]));
      expect(byOrg[DEMO_ORGANISERS.small]).toBe("passed");
      expect(byOrg[DEMO_ORGANISERS.main]).toBe("retest_needed");
      expect(await addSystem(tx, small, { name: "nursebuddy", vendor: "X" })).toMatchObject({
        ok: false,
        fieldErrors: { name: "registry.systemExists" },
      });
    });
  });

  it("staff maintain units and contacts only of providers their organiser works with", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const main = await actorOf(tx, DEMO_USERS.projectStaff);
      const small = await actorOf(tx, DEMO_USERS.otherCaseworker);
      const unit = {
        unitId: "",
        version: 0,
        name: "Uusi yksikkö",
        municipality: "Lahti",
        oid: `${organisationOidRoot(businessIdFor(20))}.10.77`,
        cisId: null,
        kantaInUse: false,
        kantaSince: "",
      };
      expect(await saveUnitAsStaff(tx, main, seedId("provider:20"), unit)).toMatchObject({
        ok: true,
      });
      expect(
        await saveUnitAsStaff(tx, small, seedId("provider:20"), { ...unit, name: "Toinen" }),
      ).toMatchObject({
        ok: false,
        message: "validation.notFound",
      });
      const contact = {
        contactId: "",
        name: "Uusi Henkilö",
        email: "uusi@example.fi",
        phone: "",
        language: "fi" as const,
        title: "",
      };
      expect((await saveContactAsStaff(tx, main, seedId("provider:20"), contact)).status).toBe(
        "created",
      );
      expect((await saveContactAsStaff(tx, small, seedId("provider:20"), contact)).status).toBe(
        "denied",
      );
    });
  });
});
