/**
 * Benchmark 4: encrypted delivery. S/MIME case-OID messages composed and encrypted
 * (lib/delivery/compose.ts), written to the outbox and delivered by the outbox worker
 * (lib/delivery/worker.ts) to a local SMTP sink on loopback (lib/mail/sink.ts), against plain
 * nodemailer sends of the same number of messages to the same sink through a pool of the same
 * size. The figures are messages per second (higher is better).
 *
 * Each is measured twice. First as the portal sends, with Nagle's algorithm on (nodemailer's
 * default, ADR 27): each message then waits about 40 ms for the sink's delayed ACK, so this
 * ratio (the target) shows whether the outbox keeps the pool busy. Then with Nagle off on
 * the client sockets of both pools (not the sink's, nor the database's), where the sends no
 * longer wait and the ratio shows what encryption and the outbox's database work cost (no
 * target; it moves when that cost does).
 */
import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, count, eq, ne } from "drizzle-orm";
import nodemailer from "nodemailer";
import { contactPeople, organiserProviders, outboxMessages } from "../../db/schema";
import { DEMO_ORGANISERS, seedDemo } from "../../db/seed/demo";
import { composeCaseMessage, type Recipient } from "../../lib/delivery/compose";
import { runOutboxOnce, type Transport } from "../../lib/delivery/worker";
import { startMailSink } from "../../lib/mail/sink";
import { selfSignedSmime } from "../../tests/helpers/keys";
import {
  freshDb,
  ratioFigure,
  timed,
  type BenchContext,
  type Benchmark,
  type BenchResult,
  type Driver,
} from "./common";

/** The portal's pool (lib/mail/send.ts): four connections. */
const POOL = 4;
const FROM = "bench@portal.example";

function pooledTransport(port: number, noDelay: boolean) {
  return nodemailer.createTransport({
    host: "127.0.0.1",
    port,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: POOL,
    maxMessages: Infinity,
    ...(noDelay ? { getSocket: connectNoDelay } : {}),
  });
}

/**
 * nodemailer's hook for a socket of the caller's own: a connected one with Nagle off. Loopback
 * only: a connect that hangs is not timed out here (nodemailer's timeout starts after the hook).
 */
function connectNoDelay(
  options: { host?: string; port?: number },
  callback: (err: Error | null, socketOptions?: { connection: net.Socket }) => void,
) {
  const socket = net.connect({ host: options.host, port: Number(options.port), noDelay: true });
  const fail = (e: Error) => callback(e);
  socket.once("error", fail);
  socket.once("connect", () => {
    socket.removeListener("error", fail);
    callback(null, { connection: socket });
  });
}

async function run(ctx: BenchContext, driver: Driver): Promise<BenchResult> {
  const n = Math.max(20, Math.round(1000 * ctx.scale));
  const dir = await mkdtemp(path.join(tmpdir(), "bench-mail-"));
  const sink = await startMailSink({ port: 0, dir });
  const b = await freshDb(ctx, driver);
  try {
    await seedDemo(b.db);
    const org = DEMO_ORGANISERS.main;
    const [contact] = await b.db
      .select({ id: contactPeople.id, providerId: contactPeople.providerId })
      .from(contactPeople)
      .innerJoin(
        organiserProviders,
        and(
          eq(organiserProviders.providerId, contactPeople.providerId),
          eq(organiserProviders.organiserId, org),
        ),
      )
      .limit(1);
    if (!contact) throw new Error("delivery: the demo data has no contact person");
    const email = "vastaanottaja@tuottaja.example";
    const identity = selfSignedSmime(email, "Vastaanottaja");
    const recipient: Recipient = {
      contactId: contact.id,
      name: "Vastaanottaja",
      email,
      language: "fi",
      keyKind: "smime",
      key: identity.certPem,
      keyExpires: null,
    };
    const composeCtx = {
      organiser: { nameFi: "Järvipohjan hva", nameSv: "Järvipohja", nameEn: "Järvipohja" },
      identifier: "hetu" as const,
      from: FROM,
      appUrl: "http://localhost:3000",
    };
    const details = (i: number) => ({
      caseOid: `1.2.246.10.2840015.15.2026.${100000 + i}`,
      clientName: `Asiakas ${i}`,
      hetu: "010150-9039",
      serviceTask: "older_people",
      service: "communal_housing",
      unitName: "Yksikkö",
      opensOn: "2026-06-15",
      closesOn: null,
    });

    const plainText = (
      await composeCaseMessage({ ...recipient, keyKind: null }, details(0), composeCtx)
    ).raw;

    /** Plain sends, then S/MIME through the outbox, with the pool's sockets as `noDelay` says. */
    const measure = async (noDelay: boolean) => {
      const label = `delivery/${driver}${noDelay ? ", Nagle off" : ""}`;
      // Baseline: plain messages of the same text through a pool of the same size.
      const plain = pooledTransport(sink.port, noDelay);
      const base = await timed(() =>
        Promise.all(
          Array.from({ length: n }, (_, i) =>
            plain.sendMail({
              from: FROM,
              to: email,
              subject: `Asia ${i}`,
              text: plainText.toString("latin1"),
            }),
          ),
        ),
      );
      plain.close();
      const plainRate = n / (base.ms / 1000);
      ctx.log(`${label}: plain ${plainRate.toFixed(1)} msg/s`);

      // S/MIME through the outbox: compose and encrypt, queue, then the worker drains it.
      const pooled = pooledTransport(sink.port, noDelay);
      const transport: Transport = async (m) => {
        const info = await pooled.sendMail({ envelope: { from: FROM, to: [m.to] }, raw: m.raw });
        return { response: info.response };
      };
      const now = new Date();
      const queue = await timed(async () => {
        for (let from = 0; from < n; from += 100) {
          const rows = [];
          for (let i = from; i < Math.min(n, from + 100); i++) {
            const m = await composeCaseMessage(recipient, details(i), composeCtx, now);
            rows.push({
              organiserId: org,
              kind: "case_oid" as const,
              providerId: contact.providerId,
              contactId: contact.id,
              recipient: email,
              method: m.method,
              messageId: m.messageId,
              requestKey: `bench-${noDelay ? "nodelay" : "nagle"}-${i}`,
              subject: m.subject,
              raw: m.raw.toString("latin1"),
              nextAttemptAt: now,
            });
          }
          await b.db.insert(outboxMessages).values(rows);
        }
      });
      const drain = await timed(async () => {
        let sent = 0;
        while (sent < n) {
          const r = await runOutboxOnce(b.db, transport, new Date());
          if (r.retrying + r.failed > 0) throw new Error("delivery: a send to the sink failed");
          if (r.sent === 0) throw new Error("delivery: the outbox ran dry before every message");
          sent += r.sent;
        }
      });
      pooled.close();
      const [{ queued } = { queued: 0 }] = await b.db
        .select({ queued: count() })
        .from(outboxMessages)
        .where(ne(outboxMessages.status, "sent"));
      if (queued > 0) throw new Error(`delivery: ${queued} messages left unsent`);
      const endToEnd = n / ((queue.ms + drain.ms) / 1000);
      const workerRate = n / (drain.ms / 1000);
      ctx.log(
        `${label}: S/MIME end to end ${endToEnd.toFixed(1)} msg/s, worker ${workerRate.toFixed(1)} msg/s`,
      );
      return { plainRate, endToEnd, workerRate };
    };

    const nagle = await measure(false);
    const noDelay = await measure(true);
    return {
      bench: "delivery",
      driver,
      params: { messages: n, pool: POOL },
      figures: [
        ratioFigure(
          {
            name: "S/MIME compose + outbox + send",
            unit: "msg/s",
            value: nagle.endToEnd,
            baseline: nagle.plainRate,
            target: "≥ 0.7× plain nodemailer",
          },
          { minRatio: 0.7 },
        ),
        ratioFigure({
          name: "outbox worker sends only",
          unit: "msg/s",
          value: nagle.workerRate,
          baseline: nagle.plainRate,
        }),
        ratioFigure({
          name: "Nagle off: S/MIME compose + outbox + send",
          unit: "msg/s",
          value: noDelay.endToEnd,
          baseline: noDelay.plainRate,
        }),
        ratioFigure({
          name: "Nagle off: outbox worker sends only",
          unit: "msg/s",
          value: noDelay.workerRate,
          baseline: noDelay.plainRate,
        }),
      ],
    };
  } finally {
    await b.close();
    await sink.close();
    await rm(dir, { recursive: true, force: true });
  }
}

export const delivery: Benchmark = {
  name: "delivery",
  drivers: ["pg", "pglite"],
  run: (ctx, driver) => run(ctx, driver as Driver),
};
