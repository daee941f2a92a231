/**
 * The case-number batch (by 31 August): the preview's counts are what is queued, one encrypted
 * message per receiving contact with the provider's existing clients' case OIDs as a CSV inside,
 * never twice for the same form, nothing identifying in headers or audit, and only for project
 * staff of the organiser whose cases they are.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { simpleParser } from "mailparser";
import {
  accessWindows,
  auditLog,
  contactPeople,
  organiserSystems,
  outboxMessages,
  serviceUnits,
  users,
  type OutboxMessage,
} from "@/db/schema";
import type { Executor } from "@/db";
import {
  DEMO_ORGANISERS,
  DEMO_USERS,
  demoClientName,
  demoHetu,
  seedDemo,
  seedId,
} from "@/db/seed/demo";
import { hetuCheckCharacter } from "@/lib/clients/hetu";
import { addImplementation, attachUnit, createCase } from "@/lib/cases/operations";
import type { AuditActor } from "@/lib/audit";
import {
  batchProgress,
  listBatches,
  previewBatch,
  sendBatch,
  type BatchPreview,
} from "@/lib/delivery/batch";
import { openPickup } from "@/lib/delivery/operations";
import { actorOf, openTestDb, withRollback } from "../helpers/db";
import { hasTool, scratch, selfSignedSmime } from "../helpers/keys";

let t: Awaited<ReturnType<typeof openTestDb>>;
let box: ReturnType<typeof scratch>;
const canOpenssl = hasTool("openssl");
const smime = selfSignedSmime("vastaanottaja@kotikallio.example", "Batch Vastaanottaja");

beforeAll(async () => {
  // Composing uses the server's configuration (sender, portal address).
  process.env.AUTH_SECRET ??= "integration-secret-integration-secret-0123";
  process.env.SMTP_URL ??= "smtp://127.0.0.1:2599";
  process.env.APP_URL ??= "http://localhost:3000";
  t = await openTestDb();
  box = scratch();
});
afterAll(async () => {
  box?.cleanup();
  await t?.close();
});

const TODAY = "2026-11-23";
const NOW = new Date("2026-11-23T08:00:00Z");
const PROVIDER_0 = seedId("provider:0");
const UNIT_0 = seedId("unit:0:1");
const DEMO_CASE_0 = "1.2.246.10.2840015.15.2026.1000"; // demo: provider 0, existing client, open
const SMALL_STAFF = "test-batch-staff-rannikko";

/** A temporary identity code (individual number 900–999), as test data must use. */
function hetu(n: number): string {
  const body = `1${n % 10}0${1 + (n % 9)}55`;
  const ind = String(900 + n).padStart(3, "0");
  return `${body}-${ind}${hetuCheckCharacter(`${body}${ind}`)}`;
}
const clientName = (n: number) => `Erkki Eräajo${n}`;
const caseOid = (n: number) => `1.2.246.10.2840015.15.2026.${7700 + n}`;

/** A case of a client already in service before go-live, with a window on provider 0's unit. */
async function existingClientWindow(tx: Executor, cw: AuditActor, n: number) {
  const c = await createCase(tx, cw, {
    caseOid: caseOid(n),
    serviceTask: "older_people",
    clientName: clientName(n),
    hetu: hetu(n),
  });
  if (!c.ok) throw new Error(c.message);
  const impl = await addImplementation(tx, cw, {
    caseId: c.id,
    service: "communal_housing",
    startsOn: "2025-03-03",
    endsOn: null,
    voucher: false,
  });
  if (!impl.ok) throw new Error(impl.message);
  const w = await attachUnit(
    tx,
    cw,
    { implementationId: impl.id, unitId: UNIT_0, justification: "" },
    TODAY,
  );
  if (!w.ok) throw new Error(w.message);
  return w.windowId!;
}

/**
 * Demo data plus: provider 0's system needs case numbers for the main organiser, every receiving
 * contact has the test S/MIME certificate, provider 0 gets a second (Swedish) receiving contact,
 * and two existing-client windows on provider 0's unit (a third one is invalidated).
 */
async function setup(tx: Executor) {
  await seedDemo(tx);
  const cw = await actorOf(tx, DEMO_USERS.caseworker);
  const staff = await actorOf(tx, DEMO_USERS.projectStaff);
  const [unit] = await tx.select().from(serviceUnits).where(eq(serviceUnits.id, UNIT_0));
  await tx
    .update(organiserSystems)
    .set({ needsCaseNumbers: true })
    .where(
      and(
        eq(organiserSystems.organiserId, DEMO_ORGANISERS.main),
        eq(organiserSystems.cisId, unit!.cisId!),
      ),
    );
  await tx
    .update(contactPeople)
    .set({ encryptionKeyKind: "smime", encryptionKey: smime.certPem, encryptionKeyExpires: null })
    .where(eq(contactPeople.receivesCaseOids, true));
  await tx.insert(contactPeople).values({
    providerId: PROVIDER_0,
    name: "Sven Svensson",
    email: "sven.svensson@kotikallio.example",
    language: "sv",
    receivesCaseOids: true,
    encryptionKeyKind: "smime",
    encryptionKey: smime.certPem,
  });
  await existingClientWindow(tx, cw, 1);
  await existingClientWindow(tx, cw, 2);
  const gone = await existingClientWindow(tx, cw, 3);
  await tx
    .update(accessWindows)
    .set({ state: "invalidated", invalidatedAt: NOW, invalidatedReason: "test" })
    .where(eq(accessWindows.id, gone));
  return { cw, staff };
}

function previewOk(p: Awaited<ReturnType<typeof previewBatch>>): BatchPreview {
  if (!p.ok) throw new Error(p.message);
  return p;
}

async function batchRows(tx: Executor, batchId: string) {
  return tx.select().from(outboxMessages).where(eq(outboxMessages.batchId, batchId));
}

function headerBlock(raw: Buffer): string {
  const s = raw.toString("latin1");
  return s.slice(0, s.indexOf("\r\n\r\n"));
}

/** The case OIDs in a CSV list (first column; the header row is skipped). */
function csvOids(csv: string): string[] {
  return csv
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .slice(1)
    .filter((l) => l.length > 0)
    .map((l) => l.split(";")[0]!);
}

/** The CSV attachment of a decrypted S/MIME message. */
async function decryptedCsv(m: OutboxMessage): Promise<string> {
  const entity = box.opensslDecrypt(Buffer.from(m.raw, "latin1"), smime);
  const parsed = await simpleParser(entity);
  const csv = parsed.attachments.find((a) => a.contentType === "text/csv");
  expect(csv, "CSV attachment").toBeDefined();
  return csv!.content.toString("utf8");
}

/** Every demo and test client's name and identity code, and every known case OID. */
const SECRETS = {
  names: [
    ...Array.from({ length: 10 }, (_, i) => demoClientName(i)),
    ...Array.from({ length: 2 }, (_, i) => demoClientName(100 + i)),
    ...[1, 2, 3].map(clientName),
  ],
  hetus: [
    ...Array.from({ length: 10 }, (_, i) => demoHetu(i)),
    ...Array.from({ length: 2 }, (_, i) => demoHetu(100 + i)),
    ...[1, 2, 3].map(hetu),
  ],
};

describe("case-number batch", () => {
  it("queues what the preview shows: one message per receiving contact, never twice", async () => {
    await withRollback(t.db, async (tx) => {
      const { staff } = await setup(tx);
      const preview = previewOk(await previewBatch(tx, staff, NOW));
      expect(preview.deadline).toBe("2026-08-31");

      const p0 = preview.providers.find((p) => p.providerId === PROVIDER_0)!;
      expect(p0).toMatchObject({ cases: 3, noRecipients: false, systems: ["DomaCare"] });
      expect(p0.recipients.map((r) => r.method)).toEqual(["smime", "smime"]);
      // Provider 11 has an existing client too, but its system does not need case numbers.
      expect(preview.providers.map((p) => p.providerId)).not.toContain(seedId("provider:11"));
      expect(preview.totals.blocked).toBe(0);
      expect(preview.totals.messages).toBe(
        preview.providers.reduce((n, p) => n + p.recipients.length, 0),
      );

      const requestKey = randomUUID();
      const sent = await sendBatch(tx, staff, { requestKey }, NOW);
      expect(sent).toMatchObject({
        ok: true,
        already: false,
        messages: preview.totals.messages,
        providers: preview.totals.sendable,
        cases: preview.totals.casesSendable,
        skipped: 0,
      });
      if (!sent.ok) return;
      const rows = await batchRows(tx, sent.batchId);
      expect(rows).toHaveLength(preview.totals.messages);
      for (const p of preview.providers) {
        const mine = rows.filter((r) => r.providerId === p.providerId);
        expect(mine.map((r) => r.contactId).sort()).toEqual(
          p.recipients.map((r) => r.contactId).sort(),
        );
        for (const r of mine) {
          expect(r).toMatchObject({
            kind: "batch",
            status: "queued",
            method: "smime",
            caseId: null,
            windowId: null,
            caseCount: p.cases,
            organiserId: DEMO_ORGANISERS.main,
            pickupEnc: null,
          });
          expect(r.requestKey).toBe(`${requestKey}:${p.providerId}:${r.contactId}`);
        }
      }

      // The same form again: nothing new, and the answer points at the first batch.
      const again = await sendBatch(tx, staff, { requestKey }, NOW);
      expect(again).toMatchObject({ ok: true, already: true, messages: 0, batchId: sent.batchId });
      const all = await tx.select().from(outboxMessages).where(eq(outboxMessages.kind, "batch"));
      expect(all).toHaveLength(rows.length);

      const progress = await batchProgress(tx, staff, sent.batchId);
      expect(progress).toMatchObject({
        ok: true,
        total: rows.length,
        queued: rows.length,
        sending: 0,
        sent: 0,
        failed: 0,
      });
      const history = await listBatches(tx, staff);
      expect(history).toEqual([
        expect.objectContaining({ batchId: sent.batchId, messages: rows.length, sent: 0 }),
      ]);

      // One audit row per run, with counts only.
      const audits = await tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "deliveries.batch"), eq(auditLog.outcome, "success")));
      expect(audits).toHaveLength(2);
      expect(audits.find((a) => a.entityId === sent.batchId)?.details).toMatchObject({
        messages: rows.length,
        providers: preview.totals.sendable,
        cases: preview.totals.casesSendable,
      });
      const dump = JSON.stringify(audits);
      for (const s of [...SECRETS.names, ...SECRETS.hetus, DEMO_CASE_0, caseOid(1)])
        expect(dump).not.toContain(s);
    });
  });

  it.skipIf(!canOpenssl)(
    "every message decrypts to its provider's list, and no header carries a case OID or a name",
    async () => {
      await withRollback(t.db, async (tx) => {
        const { staff } = await setup(tx);
        const preview = previewOk(await previewBatch(tx, staff, NOW));
        const sent = await sendBatch(tx, staff, { requestKey: randomUUID() }, NOW);
        if (!sent.ok) throw new Error(sent.message);
        const rows = await batchRows(tx, sent.batchId);
        expect(rows.length).toBeGreaterThan(0);
        const allOids = new Set<string>();
        for (const m of rows) {
          const oids = csvOids(await decryptedCsv(m));
          const p = preview.providers.find((x) => x.providerId === m.providerId)!;
          expect(oids).toHaveLength(p.cases);
          expect(new Set(oids).size).toBe(oids.length);
          if (m.providerId === PROVIDER_0)
            expect(oids.sort()).toEqual([DEMO_CASE_0, caseOid(1), caseOid(2)].sort());
          // Only the main organiser's cases.
          for (const o of oids) expect(o.startsWith("1.2.246.10.2840015.")).toBe(true);
          oids.forEach((o) => allOids.add(o));
        }
        expect(allOids.has(caseOid(3))).toBe(false); // invalidated
        for (const m of rows) {
          const raw = Buffer.from(m.raw, "latin1");
          const headers = headerBlock(raw);
          const parsed = await simpleParser(raw);
          const decoded = `${headers}\n${m.subject}\n${JSON.stringify([...parsed.headers])}`;
          for (const oid of allOids) expect(decoded).not.toContain(oid);
          for (const name of SECRETS.names) {
            expect(decoded).not.toContain(name);
            for (const part of name.split(" ")) expect(decoded).not.toContain(part);
          }
          for (const h of SECRETS.hetus) expect(decoded).not.toContain(h);
          // Nothing readable in the stored bytes at all: the body is the CMS envelope.
          for (const name of SECRETS.names) expect(m.raw).not.toContain(name);
          for (const oid of allOids) expect(m.raw).not.toContain(oid);
        }
        // The Swedish contact's list has Swedish column names.
        const sv = rows.find((r) => r.recipient === "sven.svensson@kotikallio.example")!;
        expect((await decryptedCsv(sv)).replace(/^\uFEFF/, "")).toMatch(/^Ärendets OID;/);
      });
    },
  );

  it("flags providers without a receiving contact and sends to the rest, by pickup when there is no key", async () => {
    await withRollback(t.db, async (tx) => {
      const { staff } = await setup(tx);
      const p10 = seedId("provider:10");
      await tx
        .update(contactPeople)
        .set({ receivesCaseOids: false })
        .where(eq(contactPeople.providerId, p10));
      await tx
        .update(contactPeople)
        .set({ encryptionKeyKind: null, encryptionKey: null })
        .where(eq(contactPeople.providerId, PROVIDER_0));
      const preview = previewOk(await previewBatch(tx, staff, NOW));
      const blocked = preview.providers.find((p) => p.providerId === p10)!;
      expect(blocked).toMatchObject({ noRecipients: true, recipients: [] });
      expect(blocked.cases).toBeGreaterThan(0);
      expect(preview.totals.blocked).toBe(1);
      expect(preview.totals.casesSendable).toBe(preview.totals.cases - blocked.cases);
      const p0 = preview.providers.find((p) => p.providerId === PROVIDER_0)!;
      expect(p0.recipients.map((r) => r.method)).toEqual(["pickup", "pickup"]);
      expect(preview.totals.methods.pickup).toBe(2);

      const sent = await sendBatch(tx, staff, { requestKey: randomUUID() }, NOW);
      expect(sent).toMatchObject({ ok: true, skipped: 1, messages: preview.totals.messages });
      if (!sent.ok) return;
      const rows = await batchRows(tx, sent.batchId);
      expect(rows.some((r) => r.providerId === p10)).toBe(false);
      const pickups = rows.filter((r) => r.providerId === PROVIDER_0);
      expect(pickups).toHaveLength(2);
      for (const m of pickups) {
        expect(m.method).toBe("pickup");
        // The notice carries nothing identifying; the list is sealed for pickup.
        for (const s of [DEMO_CASE_0, caseOid(1), clientName(1), hetu(1)])
          expect(m.raw).not.toContain(s);
        const content = openPickup(m.organiserId, m.pickupEnc!);
        expect(csvOids(content.csv!).sort()).toEqual([DEMO_CASE_0, caseOid(1), caseOid(2)].sort());
        expect(content.csv).toContain(clientName(1));
      }
    });
  });

  it("refuses a case worker, and audits the refusal", async () => {
    await withRollback(t.db, async (tx) => {
      const { cw } = await setup(tx);
      const refused = { ok: false, message: "validation.forbidden" };
      expect(await previewBatch(tx, cw, NOW)).toEqual(refused);
      expect(await sendBatch(tx, cw, { requestKey: randomUUID() }, NOW)).toEqual(refused);
      expect(await batchProgress(tx, cw, randomUUID())).toEqual(refused);
      expect(
        await tx.select().from(outboxMessages).where(eq(outboxMessages.kind, "batch")),
      ).toEqual([]);
      const denied = await tx
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.action, "deliveries.batch"),
            eq(auditLog.outcome, "denied"),
            eq(auditLog.actorUserId, DEMO_USERS.caseworker),
          ),
        );
      expect(denied).toHaveLength(3);
      expect(denied[0]?.details).toEqual({ reason: "role" });
    });
  });

  it("keeps organisers apart: the other organiser's staff see and send only their own cases", async () => {
    await withRollback(t.db, async (tx) => {
      const { staff } = await setup(tx);
      await tx.insert(users).values({
        id: SMALL_STAFF,
        name: "Riikka Rannikko",
        email: "riikka.rannikko@rannikko.example",
        role: "project_staff",
        organiserId: DEMO_ORGANISERS.small,
      });
      const other = await actorOf(tx, SMALL_STAFF);
      const main = previewOk(await previewBatch(tx, staff, NOW));
      const small = previewOk(await previewBatch(tx, other, NOW));
      // Providers are shared, cases are not: provider 0 serves both, with one case of Rannikko's.
      expect(small.providers.map((p) => [p.providerId, p.cases])).toEqual([[PROVIDER_0, 1]]);
      const mainOnly = main.providers.filter((p) => p.providerId !== PROVIDER_0);
      expect(mainOnly.length).toBeGreaterThan(0);
      for (const p of mainOnly)
        expect(small.providers.map((x) => x.providerId)).not.toContain(p.providerId);

      const mainBatch = await sendBatch(tx, staff, { requestKey: randomUUID() }, NOW);
      if (!mainBatch.ok) throw new Error(mainBatch.message);
      // Main's batch is invisible to the other organiser's staff (and the attempt is audited).
      expect(await batchProgress(tx, other, mainBatch.batchId)).toBeNull();
      expect(await listBatches(tx, other)).toEqual([]);
      const [outOfScope] = await tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.actorUserId, SMALL_STAFF), eq(auditLog.outcome, "denied")));
      expect(outOfScope?.details).toEqual({ reason: "out_of_scope" });

      const smallBatch = await sendBatch(tx, other, { requestKey: randomUUID() }, NOW);
      if (!smallBatch.ok) throw new Error(smallBatch.message);
      const rows = await batchRows(tx, smallBatch.batchId);
      expect(rows.map((r) => [r.organiserId, r.providerId, r.caseCount])).toEqual(
        rows.map(() => [DEMO_ORGANISERS.small, PROVIDER_0, 1]),
      );
      if (canOpenssl)
        for (const m of rows)
          expect(csvOids(await decryptedCsv(m))).toEqual(["1.2.246.10.2840023.15.2026.1100"]);
      // Each organiser's messages stay in its own batch.
      const mainRows = await tx
        .select({ organiserId: outboxMessages.organiserId })
        .from(outboxMessages)
        .where(inArray(outboxMessages.batchId, [mainBatch.batchId]));
      expect(new Set(mainRows.map((r) => r.organiserId))).toEqual(new Set([DEMO_ORGANISERS.main]));
    });
  });

  it("answers 'nothing to send' when no provider can receive, and queues nothing", async () => {
    await withRollback(t.db, async (tx) => {
      const { staff } = await setup(tx);
      await tx.update(contactPeople).set({ receivesCaseOids: false });
      const preview = previewOk(await previewBatch(tx, staff, NOW));
      expect(preview.totals.messages).toBe(0);
      expect(preview.totals.blocked).toBe(preview.totals.providers);
      expect(await sendBatch(tx, staff, { requestKey: randomUUID() }, NOW)).toEqual({
        ok: false,
        message: "batch.nothing",
      });
      expect(
        await tx.select().from(outboxMessages).where(eq(outboxMessages.kind, "batch")),
      ).toEqual([]);
    });
  });
});
