import { readdirSync, readFileSync } from "node:fs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import nodemailer from "nodemailer";
import { simpleParser } from "mailparser";
import { contactPeople, outboxMessages } from "@/db/schema";
import type { Executor } from "@/db";
import { DEMO_USERS, seedDemo, seedId } from "@/db/seed/demo";
import { hetuCheckCharacter } from "@/lib/clients/hetu";
import { addImplementation, attachUnit, createCase } from "@/lib/cases/operations";
import { retryDelivery, sendCaseOid } from "@/lib/delivery/operations";
import { claimDue, runOutboxOnce, STALE_MS, type Transport } from "@/lib/delivery/worker";
import { startMailSink, type MailSink } from "@/lib/mail/sink";
import { actorOf, openTestDb, withRollback } from "../helpers/db";
import { captureOutput } from "../helpers/output";
import { hasTool, pgpKeyPair, scratch, selfSignedSmime } from "../helpers/keys";

let t: Awaited<ReturnType<typeof openTestDb>>;
let box: ReturnType<typeof scratch>;
let sinkDir: string;
let sink: MailSink | undefined;
let sinkPort = 0;

const HETU = `120345-981${hetuCheckCharacter("120345981")}`;
const CLIENT = "Outi Outboxtesti";
const CASE_OID = "1.2.246.10.2840015.15.2026.5501";
const SMIME_TO = "smime.vastaanottaja@kotikallio.example";
const PGP_TO = "pgp.vastaanottaja@kotikallio.example";
const smime = selfSignedSmime(SMIME_TO, "Sanna Smime");
const canOpenssl = hasTool("openssl");
const canGpg = hasTool("gpg");

beforeAll(async () => {
  // The outbox composes with the server's configuration (sender, portal address).
  process.env.AUTH_SECRET ??= "integration-secret-integration-secret-0123";
  process.env.SMTP_URL ??= "smtp://127.0.0.1:2599";
  process.env.APP_URL ??= "http://localhost:3000";
  t = await openTestDb();
  box = scratch();
  sinkDir = mkdtempSync(path.join(tmpdir(), "sink-"));
  sink = await startMailSink({ port: 0, dir: sinkDir });
  sinkPort = sink.port;
});
afterAll(async () => {
  await sink?.close();
  box?.cleanup();
  rmSync(sinkDir, { recursive: true, force: true });
  await t?.close();
});

/** The worker's transport, pointed at the sink on loopback (a real SMTP conversation). */
const transport: Transport = async (m) => {
  const tx = nodemailer.createTransport({
    host: "127.0.0.1",
    port: sinkPort,
    secure: false,
    ignoreTLS: true,
    connectionTimeout: 2000,
  });
  try {
    const info = await tx.sendMail({
      envelope: { from: "noreply@hyvinvointialue.example", to: [m.to] },
      raw: m.raw,
    });
    return { response: info.response };
  } finally {
    tx.close();
  }
};

function sinkFiles(): { file: string; raw: Buffer }[] {
  return readdirSync(sinkDir)
    .filter((f) => f.endsWith(".eml"))
    .sort()
    .map((file) => ({ file, raw: readFileSync(path.join(sinkDir, file)) }));
}

function headerBlock(raw: Buffer): string {
  const s = raw.toString("latin1");
  return s.slice(0, s.indexOf("\r\n\r\n"));
}

/** A case with a window on provider 0's unit; two receiving contacts: S/MIME and OpenPGP. */
async function setup(tx: Executor, pgpPublic: string) {
  await seedDemo(tx);
  const cw = await actorOf(tx, DEMO_USERS.caseworker);
  const providerId = seedId("provider:0");
  await tx
    .update(contactPeople)
    .set({ receivesCaseOids: false })
    .where(eq(contactPeople.providerId, providerId));
  await tx.insert(contactPeople).values([
    {
      providerId,
      name: "Sanna Smime",
      email: SMIME_TO,
      language: "fi",
      receivesCaseOids: true,
      encryptionKeyKind: "smime",
      encryptionKey: smime.certPem,
    },
    {
      providerId,
      name: "Pekka Pgp",
      email: PGP_TO,
      language: "sv",
      receivesCaseOids: true,
      encryptionKeyKind: "pgp",
      encryptionKey: pgpPublic,
    },
  ]);
  const c = await createCase(tx, cw, {
    caseOid: CASE_OID,
    serviceTask: "older_people",
    clientName: CLIENT,
    hetu: HETU,
  });
  if (!c.ok) throw new Error(c.message);
  const impl = await addImplementation(tx, cw, {
    caseId: c.id,
    service: "communal_housing",
    startsOn: "2026-12-01",
    endsOn: null,
    voucher: false,
  });
  if (!impl.ok) throw new Error(impl.message);
  const w = await attachUnit(
    tx,
    cw,
    { implementationId: impl.id, unitId: seedId("unit:0:1"), justification: "" },
    "2026-11-23",
  );
  if (!w.ok) throw new Error(w.message);
  return { cw, windowId: w.windowId!, caseId: c.id };
}

async function rows(tx: Executor, caseId: string) {
  return tx.select().from(outboxMessages).where(eq(outboxMessages.caseId, caseId));
}

/** Counts the transactions the worker finishes on `db` (its claim, then each record). */
function watchTransactions(db: Executor) {
  let done = 0;
  const waiting: { n: number; wake: () => void }[] = [];
  const watched = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== "transaction") return Reflect.get(target, prop, receiver);
      const transaction = target.transaction.bind(target) as (...a: unknown[]) => Promise<unknown>;
      return async (...args: unknown[]) => {
        const result = await transaction(...args);
        done++;
        for (const w of waiting) if (done >= w.n) w.wake();
        return result;
      };
    },
  });
  return {
    db: watched,
    count: () => done,
    reached: (n: number) =>
      new Promise<void>((wake) => (done >= n ? wake() : waiting.push({ n, wake }))),
  };
}

describe("the case OID goes encrypted through the outbox to a real SMTP peer", () => {
  it("queues one message per recipient, even on a double click, with no client data outside the encryption", async () => {
    const pgp = await pgpKeyPair(PGP_TO, "Pekka Pgp");
    await withRollback(t.db, async (tx) => {
      const { cw, windowId, caseId } = await setup(tx, pgp.publicKey);
      const key = crypto.randomUUID();
      const first = await sendCaseOid(tx, cw, { windowId, requestKey: key });
      const second = await sendCaseOid(tx, cw, { windowId, requestKey: key });
      expect(first).toMatchObject({ ok: true, queued: 2 });
      expect(second).toMatchObject({ ok: true, queued: 0, existing: 2 });
      const queued = await rows(tx, caseId);
      expect(queued.map((r) => r.method).sort()).toEqual(["pgp", "smime"]);
      const stored = JSON.stringify(queued);
      for (const secret of [CLIENT, HETU, CASE_OID]) expect(stored).not.toContain(secret);
      // Six digits turn up by chance in random ids and ciphertext, so the birth date alone is
      // looked for in the readable fields (the message itself: delivery-compose.test.ts).
      for (const r of queued)
        expect(JSON.stringify([r.subject, r.recipient, r.lastError])).not.toContain(
          HETU.slice(0, 6),
        );
    });
  });

  it.skipIf(!canOpenssl || !canGpg)(
    "the exact bytes the sink received decrypt with openssl and gpg, and the status turns to sent",
    async () => {
      const pgp = await pgpKeyPair(PGP_TO, "Pekka Pgp");
      box.gpgImport(pgp.privateKey);
      await withRollback(t.db, async (tx) => {
        const { cw, windowId, caseId } = await setup(tx, pgp.publicKey);
        const before = new Set(sinkFiles().map((f) => f.file));
        await sendCaseOid(tx, cw, { windowId, requestKey: crypto.randomUUID() });
        const r = await runOutboxOnce(tx, transport, new Date());
        expect(r).toEqual({ sent: 2, retrying: 0, failed: 0 });
        const sent = await rows(tx, caseId);
        expect(sent.every((m) => m.status === "sent" && m.smtpResponse?.startsWith("250"))).toBe(
          true,
        );
        const arrived = sinkFiles().filter((f) => !before.has(f.file));
        expect(arrived).toHaveLength(2);
        for (const { raw } of arrived) {
          const headers = headerBlock(raw);
          for (const secret of [CLIENT, "Outboxtesti", HETU, CASE_OID, "2840015.15"])
            expect(headers).not.toContain(secret);
          const parsed = await simpleParser(raw);
          const row = sent.find((m) => m.messageId === parsed.messageId)!;
          expect(row).toBeDefined();
          const inner =
            row.method === "smime" ? box.opensslDecrypt(raw, smime) : box.gpgDecrypt(raw);
          const content = await simpleParser(inner);
          expect(content.text).toContain(CASE_OID);
          expect(content.text).toContain(CLIENT);
          // The birth date, not the identity code, by the organiser's default setting.
          expect(content.text).toContain("12.3.1945");
          expect(content.text).not.toContain(HETU);
          if (row.method === "pgp") expect(content.text).toContain("Ärendets OID");
          else expect(content.text).toContain("Asian OID");
        }
      });
    },
  );

  it("an SMTP outage loses nothing: retried with backoff, then delivered exactly once per Message-ID", async () => {
    const pgp = await pgpKeyPair(PGP_TO, "Pekka Pgp");
    await withRollback(t.db, async (tx) => {
      const { cw, windowId, caseId } = await setup(tx, pgp.publicKey);
      await sink!.close();
      const before = new Set(sinkFiles().map((f) => f.file));
      const t0 = new Date();
      await sendCaseOid(tx, cw, { windowId, requestKey: crypto.randomUUID() }, t0);
      const down = await runOutboxOnce(tx, transport, t0);
      expect(down).toEqual({ sent: 0, retrying: 2, failed: 0 });
      let state = await rows(tx, caseId);
      expect(state.every((m) => m.status === "queued" && m.attempts === 1 && m.lastError)).toBe(
        true,
      );
      // Not due yet: nothing is tried before the backoff has passed.
      expect(await runOutboxOnce(tx, transport, new Date(t0.getTime() + 10_000))).toEqual({
        sent: 0,
        retrying: 0,
        failed: 0,
      });
      // A few minutes later the server is back.
      sink = await startMailSink({ port: sinkPort, dir: sinkDir });
      const up = await runOutboxOnce(tx, transport, new Date(t0.getTime() + 5 * 60_000));
      expect(up).toEqual({ sent: 2, retrying: 0, failed: 0 });
      state = await rows(tx, caseId);
      const ids = state.map((m) => m.messageId);
      const arrived = await Promise.all(
        sinkFiles()
          .filter((f) => !before.has(f.file))
          .map(async (f) => (await simpleParser(f.raw)).messageId),
      );
      expect(arrived.sort()).toEqual(ids.sort());
    });
  });

  it("after the last retry a message is failed; staff retry it and it is delivered", async () => {
    const pgp = await pgpKeyPair(PGP_TO, "Pekka Pgp");
    await withRollback(t.db, async (tx) => {
      const { cw, windowId, caseId } = await setup(tx, pgp.publicKey);
      await sendCaseOid(tx, cw, { windowId, requestKey: crypto.randomUUID() });
      await tx
        .update(outboxMessages)
        .set({ maxAttempts: 1 })
        .where(eq(outboxMessages.caseId, caseId));
      const broken: Transport = async () => {
        throw Object.assign(new Error("Connection refused"), { code: "ECONNREFUSED" });
      };
      expect(await runOutboxOnce(tx, broken, new Date())).toMatchObject({ failed: 2 });
      const [failed] = await rows(tx, caseId);
      expect(failed).toMatchObject({
        status: "failed",
        lastError: "ECONNREFUSED Connection refused",
      });
      // A provider contact may not retry; staff may.
      const contact = await actorOf(tx, DEMO_USERS.providerContact);
      expect(await retryDelivery(tx, contact, { id: failed!.id })).toMatchObject({ ok: false });
      const staff = await actorOf(tx, DEMO_USERS.projectStaff);
      expect(await retryDelivery(tx, staff, { id: failed!.id })).toEqual({ ok: true });
      expect(await runOutboxOnce(tx, transport, new Date())).toMatchObject({ sent: 1 });
      const [again] = await tx
        .select()
        .from(outboxMessages)
        .where(eq(outboxMessages.id, failed!.id));
      expect(again).toMatchObject({ status: "sent", attempts: 1 });
    });
  });

  it("a worker crash between the SMTP accept and the bookkeeping causes at most one duplicate, with the same Message-ID", async () => {
    const pgp = await pgpKeyPair(PGP_TO, "Pekka Pgp");
    await withRollback(t.db, async (tx) => {
      const { cw, windowId, caseId } = await setup(tx, pgp.publicKey);
      await sendCaseOid(tx, cw, { windowId, requestKey: crypto.randomUUID() });
      const before = new Set(sinkFiles().map((f) => f.file));
      const t0 = new Date();
      // The worker claims and the server accepts, then the process dies before recording it.
      const claimed = await claimDue(tx, t0);
      expect(claimed).toHaveLength(2);
      const crashed = claimed[0]!;
      await transport({ to: crashed.recipient, raw: Buffer.from(crashed.raw, "latin1") });
      // Meanwhile another worker must not take the rows that are being sent.
      expect(await claimDue(tx, new Date(t0.getTime() + 1000))).toHaveLength(0);
      // After the stale limit a worker takes both over and sends them.
      const later = new Date(t0.getTime() + STALE_MS + 1000);
      expect(await runOutboxOnce(tx, transport, later)).toMatchObject({ sent: 2 });
      const arrived = await Promise.all(
        sinkFiles()
          .filter((f) => !before.has(f.file))
          .map(async (f) => (await simpleParser(f.raw)).messageId),
      );
      const counts = new Map<string, number>();
      for (const id of arrived) counts.set(id!, (counts.get(id!) ?? 0) + 1);
      expect(counts.get(crashed.messageId)).toBe(2);
      const other = (await rows(tx, caseId)).find((m) => m.id !== crashed.id)!;
      expect(counts.get(other.messageId)).toBe(1);
      expect((await rows(tx, caseId)).every((m) => m.status === "sent")).toBe(true);
    });
  });

  it("a worker told to stop finishes the message it is sending and gives the rest of its claim back, unattempted", async () => {
    const pgp = await pgpKeyPair(PGP_TO, "Pekka Pgp");
    await withRollback(t.db, async (tx) => {
      const { cw, windowId, caseId } = await setup(tx, pgp.publicKey);
      await sendCaseOid(tx, cw, { windowId, requestKey: crypto.randomUUID() });
      let stopped = false;
      const stopDuringFirst: Transport = async (m) => {
        stopped = true; // SIGTERM arrives while the first message is on the wire
        return transport(m);
      };
      const r = await runOutboxOnce(tx, stopDuringFirst, new Date(), {
        isStopped: () => stopped,
      });
      expect(r).toEqual({ sent: 1, retrying: 0, failed: 0 });
      const state = await rows(tx, caseId);
      expect(state.filter((m) => m.status === "sent")).toHaveLength(1);
      // The other one is due at once for the next worker, as if never claimed.
      expect(state.find((m) => m.status !== "sent")).toMatchObject({
        status: "queued",
        attempts: 0,
        lockedAt: null,
      });
      expect(await runOutboxOnce(tx, transport, new Date())).toEqual({
        sent: 1,
        retrying: 0,
        failed: 0,
      });
    });
  });

  it("outcomes that finish together are recorded in one transaction at the end of the pass", async () => {
    const pgp = await pgpKeyPair(PGP_TO, "Pekka Pgp");
    await withRollback(t.db, async (tx) => {
      const { cw, windowId, caseId } = await setup(tx, pgp.publicKey);
      await sendCaseOid(tx, cw, { windowId, requestKey: crypto.randomUUID() });
      const watched = watchTransactions(tx);
      const r = await runOutboxOnce(watched.db, transport, new Date(), { recordAfterMs: 60_000 });
      expect(r).toEqual({ sent: 2, retrying: 0, failed: 0 });
      // The claim, then one record for both (not one a message, written while the other sends).
      expect(watched.count()).toBe(2);
      expect((await rows(tx, caseId)).map((m) => m.status)).toEqual(["sent", "sent"]);
    });
  });

  it("while one send is slow, the one already sent is recorded before the end of the pass", async () => {
    const pgp = await pgpKeyPair(PGP_TO, "Pekka Pgp");
    await withRollback(t.db, async (tx) => {
      const { cw, windowId, caseId } = await setup(tx, pgp.publicKey);
      await sendCaseOid(tx, cw, { windowId, requestKey: crypto.randomUUID() });
      const watched = watchTransactions(tx);
      let calls = 0;
      let seen: string[] = [];
      const oneSlow: Transport = async (m) => {
        if (++calls === 1) return transport(m);
        // This send stays on the wire until the other's outcome is written (claim + 1 record).
        let guard: ReturnType<typeof setTimeout> | undefined;
        await Promise.race([
          watched.reached(2),
          new Promise((_, reject) => {
            guard = setTimeout(
              () => reject(new Error("the first outcome was not recorded")),
              10_000,
            );
          }),
        ]).finally(() => clearTimeout(guard));
        seen = (await rows(tx, caseId)).map((r) => r.status).sort();
        return transport(m);
      };
      const r = await runOutboxOnce(watched.db, oneSlow, new Date(), { recordAfterMs: 20 });
      expect(r).toEqual({ sent: 2, retrying: 0, failed: 0 });
      expect(seen).toEqual(["sending", "sent"]);
      expect(watched.count()).toBe(3);
    });
  });

  it("no log line carries client data", async () => {
    const out = captureOutput();
    try {
      const pgp = await pgpKeyPair(PGP_TO, "Pekka Pgp");
      await withRollback(t.db, async (tx) => {
        const { cw, windowId } = await setup(tx, pgp.publicKey);
        await sendCaseOid(tx, cw, { windowId, requestKey: crypto.randomUUID() });
        await runOutboxOnce(tx, transport, new Date());
        await runOutboxOnce(
          tx,
          async () => {
            throw new Error("boom");
          },
          new Date(Date.now() + 3_600_000),
        );
      });
    } finally {
      out.restore();
    }
    const all = out.lines.join("\n");
    for (const secret of [CLIENT, HETU, CASE_OID]) expect(all).not.toContain(secret);
  });
});

describe("scope", () => {
  it("another welfare area cannot send or retry this organiser's deliveries", async () => {
    const pgp = await pgpKeyPair(PGP_TO, "Pekka Pgp");
    await withRollback(t.db, async (tx) => {
      const { windowId, caseId, cw } = await setup(tx, pgp.publicKey);
      const other = await actorOf(tx, DEMO_USERS.otherCaseworker);
      expect(
        await sendCaseOid(tx, other, { windowId, requestKey: crypto.randomUUID() }),
      ).toMatchObject({ ok: false, message: "validation.notFound" });
      await sendCaseOid(tx, cw, { windowId, requestKey: crypto.randomUUID() });
      const [m] = await rows(tx, caseId);
      await tx
        .update(outboxMessages)
        .set({ status: "failed" })
        .where(and(eq(outboxMessages.id, m!.id)));
      expect(await retryDelivery(tx, other, { id: m!.id })).toMatchObject({
        ok: false,
        message: "validation.notFound",
      });
    });
  });
});
