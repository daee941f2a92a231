import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { contactPeople, providers, serviceUnits } from "@/db/schema";
import type { Executor } from "@/db";
import { DEMO_USERS, seedDemo } from "@/db/seed/demo";
import { businessIdCheckDigit, organisationOidRoot } from "@/lib/providers/businessId";
import { applyImport, planImport } from "@/lib/registry/import";
import { actorOf, openTestDb, withRollback } from "../helpers/db";

let t: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t?.close());

function bid(n: number): string {
  for (let x = n; ; x++) {
    const body = String(x).padStart(7, "0");
    const c = businessIdCheckDigit(body);
    if (c !== null) return `${body}-${c}`;
  }
}

const HEADER =
  "Y-tunnus;Palveluntuottaja;Palveluyksikkö;OID;Kunta;Asiakastietojärjestelmä;Yhteyshenkilö;Sähköposti;Puhelin;Kieli;Vastaanottaa OID";
const A = bid(5550000);
const B = bid(5560000);
const good = [
  HEADER,
  `${A};Hoivakoti Äijälä Oy;Äijälän palvelukoti;${organisationOidRoot(A)}.10.1;Jyväskylä;DomaCare;Sari Äijälä;sari@aijala.example;+358 40 111 2222;fi;K`,
  `${A};Hoivakoti Äijälä Oy;Äijälän kotihoito;${organisationOidRoot(A)}.10.2;Jyväskylä;;Timo Äijälä;timo@aijala.example;;fi;E`,
  `${B};Omsorg Björk Ab;Björkhemmet;;Vaasa;Sofia;Britt Björk;britt@bjork.example;;sv;J`,
].join("\r\n");

const enc = (s: string) => new TextEncoder().encode(s);
const counts = async (db: Executor) => ({
  providers: (await db.select({ n: count() }).from(providers))[0]!.n,
  units: (await db.select({ n: count() }).from(serviceUnits))[0]!.n,
  contacts: (await db.select({ n: count() }).from(contactPeople))[0]!.n,
});

describe("registry CSV import", () => {
  it("a dry run equals the apply, and applying twice changes nothing the second time", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const staff = await actorOf(tx, DEMO_USERS.projectStaff);
      const before = await counts(tx);
      const { plan } = await planImport(tx, enc(good));
      expect(plan.issues).toEqual([]);
      expect(plan.providers).toEqual({ new: 2, updated: 0, unchanged: 0 });
      expect(plan.units).toEqual({ new: 3, updated: 0, unchanged: 0 });
      expect(plan.contacts).toEqual({ new: 3, updated: 0, unchanged: 0 });
      expect(await counts(tx)).toEqual(before);

      const applied = await applyImport(tx, staff, enc(good));
      expect(applied.applied).toBe(true);
      expect(applied.plan).toEqual(plan);
      const after = await counts(tx);
      expect(after).toEqual({
        providers: before.providers + 2,
        units: before.units + 3,
        contacts: before.contacts + 3,
      });
      const [unit] = await tx
        .select()
        .from(serviceUnits)
        .where(eq(serviceUnits.name, "Äijälän palvelukoti"));
      expect(unit).toMatchObject({ oid: `${organisationOidRoot(A)}.10.1`, oidStatus: "submitted" });

      const again = await planImport(tx, enc(good));
      expect(again.plan.providers).toEqual({ new: 0, updated: 0, unchanged: 2 });
      expect(again.plan.units).toEqual({ new: 0, updated: 0, unchanged: 3 });
      expect(again.plan.contacts).toEqual({ new: 0, updated: 0, unchanged: 3 });
    });
  });

  it("reports every bad row with its line and field, and a bad file applies nothing", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const staff = await actorOf(tx, DEMO_USERS.projectStaff);
      const bad = [
        HEADER,
        `${A};Hoivakoti Äijälä Oy;Äijälän palvelukoti;${organisationOidRoot(A)}.10.1;Jyväskylä;DomaCare;Sari;sari@aijala.example;;fi;K`,
        `1234567-2;Väärä Oy;Yksikkö;;Tampere;;;;;;`,
        `${A};Hoivakoti Äijälä Oy;Toinen;${organisationOidRoot(A)}.10.0;Jyväskylä;TuntematonJärjestelmä;Timo;ei-osoite;soita;ru;ehkä`,
      ].join("\n");
      const before = await counts(tx);
      const { plan } = await planImport(tx, enc(bad));
      const found = plan.issues.map((i) => `${i.line}:${i.field}:${i.key}`);
      expect(found).toEqual([
        "3:businessId:import.businessId",
        "4:oid:oid.organisationUnit",
        "4:cis:import.unknownSystem",
        "4:contactEmail:import.email",
        "4:contactPhone:import.phone",
        "4:language:import.language",
        "4:receivesCaseOids:import.yesNo",
      ]);
      const result = await applyImport(tx, staff, enc(bad));
      expect(result.applied).toBe(false);
      expect(await counts(tx)).toEqual(before);
    });
  });

  it("reads Excel's Windows-1252 CSV and refuses an OID another provider's unit holds", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const [held] = await tx.select().from(serviceUnits).limit(1);
      const latin1 = Uint8Array.from(
        `${HEADER}\n${A};Hoivakoti Äijälä Oy;Äijälä;${held!.oid};Jyväskylä;;;;;;\n`,
        (ch) => ch.charCodeAt(0),
      );
      const { plan } = await planImport(tx, latin1);
      // The OID is under another business ID, so the one validator already says so.
      expect(plan.issues.map((i) => i.key)).toEqual(["oid.otherBusinessId"]);
    });
  });
});
