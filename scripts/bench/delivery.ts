/**
 * Benchmark 4: encrypted delivery. S/MIME case-OID messages composed and encrypted
 * (lib/delivery/compose.ts), written to the outbox and delivered by the outbox worker
 * (lib/delivery/worker.ts) to a local SMTP sink on loopback (lib/mail/sink.ts), against plain
 * nodemailer sends of the same number of messages to the same sink through a pool of the same
 * size. The figures are messages per second (higher is better).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, count, eq } from "drizzle-orm";
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

function pooledTransport(port: number) {
  return nodemailer.createTransport({
    host: "127.0.0.1",
    port,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: POOL,
    maxMessages: Infinity,
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

    // Baseline: plain messages of the same text through a pool of the same size.
    const plain = pooledTransport(sink.port);
    const plainText = (
      await composeCaseMessage({ ...recipient, keyKind: null }, details(0), composeCtx)
    ).raw;
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
    ctx.log(`delivery/${driver}: plain ${plainRate.toFixed(1)} msg/s`);

    // S/MIME through the outbox: compose and encrypt, queue, then the worker drains it.
    const pooled = pooledTransport(sink.port);
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
            requestKey: `bench-${i}`,
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
    const [{ sent } = { sent: 0 }] = await b.db
      .select({ sent: count() })
      .from(outboxMessages)
      .where(eq(outboxMessages.status, "sent"));
    if (sent < n) throw new Error(`delivery: ${sent} of ${n} messages sent`);
    const endToEnd = n / ((queue.ms + drain.ms) / 1000);
    const workerRate = n / (drain.ms / 1000);
    ctx.log(
      `delivery/${driver}: S/MIME end to end ${endToEnd.toFixed(1)} msg/s, worker ${workerRate.toFixed(1)} msg/s`,
    );
    return {
      bench: "delivery",
      driver,
      params: { messages: n, pool: POOL },
      figures: [
        ratioFigure(
          {
            name: "S/MIME compose + outbox + send",
            unit: "msg/s",
            value: endToEnd,
            baseline: plainRate,
            target: "≥ 0.7× plain nodemailer",
          },
          { minRatio: 0.7 },
        ),
        ratioFigure({
          name: "outbox worker sends only",
          unit: "msg/s",
          value: workerRate,
          baseline: plainRate,
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
