import { mkdtempSync, rmSync, createReadStream } from "node:fs";
import os from "node:os";
import path from "node:path";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, campaignInvitations, serviceUnits, users } from "@/db/schema";
import { DEMO_USERS, businessIdFor, seedDemo, seedId } from "@/db/seed/demo";
import { inviteContacts, openCampaign } from "@/lib/campaigns/operations";
import { reviewUnitOid, saveOwnUnit } from "@/lib/registry/operations";
import { importSoteExport } from "@/lib/registry/sote-import";
import { latestSnapshot } from "@/lib/registry/register";
import { organisationOidRoot } from "@/lib/providers/businessId";
import { helsinkiDate } from "@/lib/i18n/today";
import { startMailSink, type MailSink } from "@/lib/mail/sink";
import { writeSyntheticExport } from "@/lib/sote/generate";
import type { SoteEntry } from "@/lib/sote/parse";
import { actorOf, openTestDb, withRollback } from "../helpers/db";

let t: Awaited<ReturnType<typeof openTestDb>>;
let dir: string;
let sink: MailSink;
beforeAll(async () => {
  t = await openTestDb();
  dir = mkdtempSync(path.join(os.tmpdir(), "registry-test-"));
  sink = await startMailSink({ port: 0, dir: path.join(dir, "mail") });
});
afterAll(async () => {
  await sink?.close();
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

const ROOT0 = organisationOidRoot(businessIdFor(0));
const ROOT1 = organisationOidRoot(businessIdFor(1));
const unitInput = (over: Partial<Parameters<typeof saveOwnUnit>[2]> = {}) => ({
  unitId: "",
  version: 0,
  name: "Kotikallio, Tampere (uusi yksikkö)",
  municipality: "Tampere",
  oid: "",
  cisId: null,
  kantaInUse: false,
  kantaSince: "",
  ...over,
});

function entry(oid: string, over: Partial<SoteEntry> = {}): SoteEntry {
  return {
    oid,
    active: true,
    longName: "Testiyksikkö",
    hierarchyLevel: "1",
    parentOid: oid.replace(/\.10\.\d+$/, ".10.0"),
    businessId: businessIdFor(0),
    sector: "2 Yksityinen",
    socialServiceUnit: true,
    ...over,
  };
}

describe("provider contacts submit OIDs through the one validator", () => {
  it("refuses the organisation-unit OID with its own message and changes nothing", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const a = await actorOf(tx, DEMO_USERS.providerContact);
      const before = await tx
        .select()
        .from(serviceUnits)
        .where(eq(serviceUnits.providerId, seedId("provider:0")));
      const r = await saveOwnUnit(tx, a, unitInput({ oid: ` urn:oid:${ROOT0}.10.0 ` }));
      expect(r).toMatchObject({ ok: false, fieldErrors: { oid: "oid.organisationUnit" } });
      // Every problem of the form at once: missing name and municipality and the wrong OID.
      const all = await saveOwnUnit(
        tx,
        a,
        unitInput({ name: "", municipality: "", oid: `${ROOT0}.10.0` }),
      );
      expect(all).toMatchObject({
        ok: false,
        fieldErrors: { name: "required", municipality: "required", oid: "oid.organisationUnit" },
      });
      const other = await saveOwnUnit(tx, a, unitInput({ oid: `${ROOT1}.10.5` }));
      expect(other).toMatchObject({ ok: false, fieldErrors: { oid: "oid.otherBusinessId" } });
      const after = await tx
        .select()
        .from(serviceUnits)
        .where(eq(serviceUnits.providerId, seedId("provider:0")));
      expect(after).toEqual(before);
    });
  });

  it("accepts a service-unit OID, normalises it, marks it late outside a campaign and audits it", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const a = await actorOf(tx, DEMO_USERS.providerContact);
      const r = await saveOwnUnit(tx, a, unitInput({ oid: ` urn:oid:${ROOT0}.10.900 ` }));
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const [unit] = await tx.select().from(serviceUnits).where(eq(serviceUnits.id, r.id));
      expect(unit).toMatchObject({
        oid: `${ROOT0}.10.900`,
        oidStatus: "submitted",
        oidSubmittedLate: true,
      });
      const [audit] = await tx.select().from(auditLog).where(eq(auditLog.entityId, r.id));
      expect(audit).toMatchObject({ action: "provider.addUnit", outcome: "success" });
    });
  });

  it("is on time while a campaign of a related organiser is open", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const staff = await actorOf(tx, DEMO_USERS.projectStaff);
      const today = helsinkiDate();
      await openCampaign(tx, staff, { opensOn: today, closesOn: today });
      const a = await actorOf(tx, DEMO_USERS.providerContact);
      const r = await saveOwnUnit(tx, a, unitInput({ oid: `${ROOT0}.10.901` }));
      if (!r.ok) throw new Error("expected ok");
      const [unit] = await tx.select().from(serviceUnits).where(eq(serviceUnits.id, r.id));
      expect(unit?.oidSubmittedLate).toBe(false);
    });
  });

  it("refuses an OID another unit holds, naming that unit", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const a = await actorOf(tx, DEMO_USERS.providerContact);
      const [held] = await tx
        .select()
        .from(serviceUnits)
        .where(eq(serviceUnits.id, seedId("unit:0:1")));
      const r = await saveOwnUnit(tx, a, unitInput({ oid: held!.oid! }));
      expect(r).toMatchObject({
        ok: false,
        fieldErrors: { oid: "oid.duplicate" },
        fieldParams: { oid: { unit: held!.name } },
      });
    });
  });

  it("refuses another provider's unit id and a stale version", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const a = await actorOf(tx, DEMO_USERS.providerContact);
      const foreign = await saveOwnUnit(
        tx,
        a,
        unitInput({ unitId: seedId("unit:1:1"), version: 1 }),
      );
      expect(foreign).toMatchObject({ ok: false, message: "validation.notFound" });
      const denied = await tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, seedId("unit:1:1")), eq(auditLog.outcome, "denied")));
      expect(denied).toHaveLength(1);
      const stale = await saveOwnUnit(
        tx,
        a,
        unitInput({ unitId: seedId("unit:0:1"), version: 99 }),
      );
      expect(stale).toMatchObject({ ok: false, message: "validation.conflict" });
    });
  });
});

describe("verification against the SOTE register", () => {
  it("imports a snapshot streaming, verifies OIDs with exact reasons, and a bad file applies nothing", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const a = await actorOf(tx, DEMO_USERS.providerContact);
      const staff = await actorOf(tx, DEMO_USERS.projectStaff);
      const ok = await saveOwnUnit(tx, a, unitInput({ name: "A", oid: `${ROOT0}.10.910` }));
      const inactive = await saveOwnUnit(tx, a, unitInput({ name: "B", oid: `${ROOT0}.10.911` }));
      const notSocial = await saveOwnUnit(tx, a, unitInput({ name: "C", oid: `${ROOT0}.10.912` }));
      const missing = await saveOwnUnit(tx, a, unitInput({ name: "D", oid: `${ROOT0}.10.913` }));
      const file = path.join(dir, "export.xml");
      await writeSyntheticExport(file, {
        entries: 2000,
        seed: 7,
        include: [
          entry(`${ROOT0}.10.910`),
          entry(`${ROOT0}.10.911`, { active: false }),
          entry(`${ROOT0}.10.912`, { socialServiceUnit: false }),
        ],
      });
      const result = await importSoteExport(tx, staff, createReadStream(file), "export.xml");
      expect(result.entries).toBe(2000);
      const status = async (r: typeof ok) => {
        if (!r.ok) throw new Error("setup");
        const [u] = await tx.select().from(serviceUnits).where(eq(serviceUnits.id, r.id));
        return [u!.oidStatus, u!.oidReason];
      };
      expect(await status(ok)).toEqual(["verified", null]);
      expect(await status(inactive)).toEqual(["needs_attention", "inactive"]);
      expect(await status(notSocial)).toEqual(["needs_attention", "not_social_service_unit"]);
      expect(await status(missing)).toEqual(["needs_attention", "not_in_register"]);

      // A new submission is checked against the snapshot at once.
      const later = await saveOwnUnit(
        tx,
        a,
        unitInput({ name: "E", oid: `${ROOT0}.10.910`.replace("910", "914") }),
      );
      expect(await status(later)).toEqual(["needs_attention", "not_in_register"]);

      // A broken file inside a savepoint: nothing of it stays, the snapshot in force is unchanged.
      const snapshotBefore = await latestSnapshot(tx);
      await expect(
        tx.transaction(async (inner) => {
          await importSoteExport(
            inner,
            staff,
            ["<termsystem id='1.2.246.537.6.202.2008'><termitementry id='1.2"],
            "bad.xml",
          );
        }),
      ).rejects.toThrow();
      expect((await latestSnapshot(tx))?.id).toBe(snapshotBefore?.id);
      expect(await status(ok)).toEqual(["verified", null]);
    });
  });

  it("staff verify or return only OIDs of providers their organiser works with", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const main = await actorOf(tx, DEMO_USERS.projectStaff);
      const small = await actorOf(tx, DEMO_USERS.otherCaseworker);
      const returned = await reviewUnitOid(tx, main, {
        unitId: seedId("unit:10:1"),
        decision: "return",
        reason: "Väärä yksikkö",
      });
      expect(returned).toMatchObject({ ok: true, oidStatus: "returned" });
      const [u] = await tx
        .select()
        .from(serviceUnits)
        .where(eq(serviceUnits.id, seedId("unit:10:1")));
      expect(u).toMatchObject({
        oidStatus: "returned",
        oidReason: "Väärä yksikkö",
        oidReviewedBy: DEMO_USERS.projectStaff,
      });
      // Provider 10 works only with the main organiser.
      const foreign = await reviewUnitOid(tx, small, {
        unitId: seedId("unit:10:1"),
        decision: "verify",
        reason: "",
      });
      expect(foreign).toMatchObject({ ok: false, message: "validation.notFound" });
    });
  });
});

describe("campaign invitations", () => {
  it("invites every contact once; a failed send stays failed and is retried", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const staff = await actorOf(tx, DEMO_USERS.projectStaff);
      const id = await openCampaign(tx, staff, { opensOn: "2026-05-01", closesOn: "2026-06-15" });
      // First with the SMTP server unreachable: nothing is lost, every row is "failed".
      const down = nodemailer.createTransport({
        host: "127.0.0.1",
        port: 1,
        connectionTimeout: 500,
      });
      const first = await inviteContacts(tx, staff, id, {
        send: (m) => down.sendMail(m as never),
        appUrl: "http://localhost:3000",
      });
      expect(first?.sent).toBe(0);
      expect(first?.failed).toBe(first?.invited);
      // Then through a real SMTP peer: each invitation goes exactly once.
      const up = nodemailer.createTransport({
        host: "127.0.0.1",
        port: sink.port,
        secure: false,
        ignoreTLS: true,
      });
      const send = (m: Parameters<typeof up.sendMail>[0]) =>
        up
          .sendMail({ from: "portal@hyvinvointialue.example", ...m })
          .then((i) => ({ messageId: i.messageId, response: i.response }));
      const second = await inviteContacts(tx, staff, id, { send, appUrl: "http://localhost:3000" });
      expect(second).toMatchObject({ sent: first!.invited, failed: 0 });
      const third = await inviteContacts(tx, staff, id, { send, appUrl: "http://localhost:3000" });
      expect(third).toMatchObject({ sent: 0, failed: 0 });
      const rows = await tx
        .select()
        .from(campaignInvitations)
        .where(eq(campaignInvitations.campaignId, id));
      expect(rows).toHaveLength(first!.invited);
      expect(rows.every((r) => r.status === "sent" && r.attempts === 2)).toBe(true);
      // Every contact can now sign in as its own provider's contact.
      const contactUser = await tx
        .select()
        .from(users)
        .where(eq(users.email, "anna.virtanen@kotikallio.example"));
      expect(contactUser[0]?.providerId).toBe(seedId("provider:0"));
    });
  });
});
