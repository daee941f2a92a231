import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, sql } from "drizzle-orm";
import { simpleParser } from "mailparser";
import {
  accessWindows,
  auditLog,
  campaigns,
  contactPeople,
  organiserProviders,
  organisers,
  providers,
  reminderLog,
  reminderOutbox,
  reminderSettings,
  serviceImplementations,
  serviceUnits,
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
import { closeNow } from "@/lib/windows/operations";
import type { AuditActor } from "@/lib/audit";
import type { Transport } from "@/lib/delivery/worker";
import { startReminderScheduler } from "@/lib/reminders/job";
import {
  computeDueReminders,
  getReminderSettings,
  listReminderLog,
  queueReminder,
  runReminders,
  runRemindersNow,
  saveReminderSchedule,
  type ReminderContext,
} from "@/lib/reminders/operations";
import { MAX_ATTEMPTS, sendDueReminders } from "@/lib/reminders/sender";
import { defaultReminderSettings } from "@/lib/reminders/rules";
import { actorOf, openTestDb, withRollback } from "../helpers/db";
import { captureOutput } from "../helpers/output";

let t: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t?.close());

const CTX: ReminderContext = {
  appUrl: "https://portaali.example",
  from: "Portaali <portaali@jarvipohja.example>",
};
const ORG = DEMO_ORGANISERS.main;
const ELIGIBLE_UNIT = seedId("unit:0:1"); // provider 0: OID, tested system, communal housing
const ATTACH_DAY = "2026-07-01";

/** A temporary identity code (individual number 900–999), as test data must use. */
function hetu(n: number): string {
  const body = `0${1 + (n % 9)}0${1 + (n % 9)}85`;
  const ind = String(900 + n).padStart(3, "0");
  return `${body}-${ind}${hetuCheckCharacter(`${body}${ind}`)}`;
}
const clientName = (n: number) => `Muistu Asiakas${n}`;
const caseOid = (n: number) => `1.2.246.10.2840015.15.2026.${7000 + n}`;

/** Sends nothing: records what it was given. */
function fakeTransport(fail: (n: number) => boolean = () => false) {
  const sent: { to: string; raw: Buffer }[] = [];
  let calls = 0;
  const send: Transport = async (m) => {
    calls++;
    if (fail(calls)) throw Object.assign(new Error("connection refused"), { code: "ECONNREFUSED" });
    sent.push(m);
    return { response: "250 OK" };
  };
  return { send, sent, calls: () => calls };
}

/**
 * A case of an existing client (in service since 2025), attached to the eligible unit on
 * ATTACH_DAY: its window is open from the go-live date, open-ended.
 */
async function openWindowCase(tx: Executor, cw: AuditActor, n: number) {
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
  const r = await attachUnit(
    tx,
    cw,
    { implementationId: impl.id, unitId: ELIGIBLE_UNIT, justification: "" },
    ATTACH_DAY,
  );
  if (!r.ok) throw new Error(r.message);
  return { caseId: c.id, implementationId: impl.id, windowId: r.windowId! };
}

async function windowOf(tx: Executor, id: string) {
  const [w] = await tx.select().from(accessWindows).where(eq(accessWindows.id, id));
  return w!;
}

async function logRows(tx: Executor, kind?: string) {
  const rows = await tx.select().from(reminderLog);
  return kind ? rows.filter((r) => r.kind === kind) : rows;
}

/** Every queued message, decoded: subject and body text. */
async function messages(tx: Executor) {
  const rows = await tx.select().from(reminderOutbox);
  return Promise.all(
    rows.map(async (r) => {
      const parsed = await simpleParser(Buffer.from(r.raw, "latin1"));
      return { row: r, subject: parsed.subject ?? "", text: parsed.text ?? "" };
    }),
  );
}

/** Nothing that identifies a client: no test or demo client names, no identity codes. */
async function expectNoClientData(tx: Executor) {
  const forbidden = [
    ...Array.from({ length: 20 }, (_, n) => clientName(n)),
    ...Array.from({ length: 20 }, (_, n) => hetu(n)),
    ...Array.from({ length: 10 }, (_, n) => demoClientName(n)),
    ...Array.from({ length: 10 }, (_, n) => demoHetu(n)),
    ...Array.from({ length: 2 }, (_, n) => demoClientName(100 + n)),
    ...Array.from({ length: 2 }, (_, n) => demoHetu(100 + n)),
  ];
  const all = await messages(tx);
  for (const m of all) {
    for (const f of forbidden) {
      expect(m.subject).not.toContain(f);
      expect(m.text).not.toContain(f);
      expect(m.row.raw).not.toContain(f);
    }
    // Nor anything shaped like an identity code.
    expect(`${m.subject}\n${m.text}`).not.toMatch(/\b\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]\b/);
  }
  return all;
}

/** Contacts that should get oid_missing reminders from ORG, worked out independently. */
async function expectedOidMissingContacts(tx: Executor): Promise<string[]> {
  const rows = await tx.execute(sql`
    select cp.id from contact_people cp
      join organiser_providers op on op.provider_id = cp.provider_id and op.organiser_id = ${ORG}
     where not exists (select 1 from service_units su where su.provider_id = cp.provider_id)
        or exists (select 1 from service_units su where su.provider_id = cp.provider_id
                     and su.oid_status in ('missing', 'returned'))`);
  return ((rows as { rows: { id: string }[] }).rows ?? []).map((r) => r.id).sort();
}

describe("oid_missing reminders", () => {
  it("go to contacts of registry providers lacking OIDs on the schedule's days, once per step", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const [campaign] = await tx
        .insert(campaigns)
        .values({ organiserId: ORG, opensOn: "2026-05-01", closesOn: "2026-06-15" })
        .returning();
      // Provider 0's first unit was returned by staff; a new provider with no units at all;
      // a provider with missing units that is not in this organiser's registry.
      await tx
        .update(serviceUnits)
        .set({ oidStatus: "returned" })
        .where(eq(serviceUnits.id, ELIGIBLE_UNIT));
      const [bare] = await tx
        .insert(providers)
        .values({ name: "Tyhjä Oy", businessId: "0000000-0" })
        .returning();
      await tx
        .insert(organiserProviders)
        .values({ organiserId: ORG, providerId: bare!.id, relationship: "invited" });
      const [bareContact] = await tx
        .insert(contactPeople)
        .values({
          providerId: bare!.id,
          name: "Tiina Tyhjä",
          email: "tiina@tyhja.example",
          language: "en",
        })
        .returning();
      const [outside] = await tx
        .insert(providers)
        .values({ name: "Ulkopuolinen Oy", businessId: "0000001-9" })
        .returning();
      await tx.insert(serviceUnits).values({
        providerId: outside!.id,
        name: "Ulkopuolinen yksikkö",
        municipality: "Kuopio",
        oidStatus: "missing",
      });
      const [outsideContact] = await tx
        .insert(contactPeople)
        .values({ providerId: outside!.id, name: "Olli Ulko", email: "olli@ulko.example" })
        .returning();

      const expected = await expectedOidMissingContacts(tx);
      expect(expected).toContain(seedId("contact:0:0"));
      expect(expected).toContain(bareContact!.id);
      expect(expected).not.toContain(outsideContact!.id);
      const now = new Date("2026-06-01T06:00:00Z");

      // 15 days before the close: nothing yet.
      let r = await runReminders(tx, "2026-05-31", now, CTX);
      expect(r.queued.oid_missing).toBe(0);

      // 14 days before: one reminder per contact.
      r = await runReminders(tx, "2026-06-01", now, CTX);
      expect(r.failedOrganisers).toBe(0);
      expect(r.queued.oid_missing).toBe(expected.length);
      let rows = await logRows(tx, "oid_missing");
      expect(rows.map((x) => x.targetKey).sort()).toEqual(
        expected.map((id) => `contact:${id}/campaign:${campaign!.id}/d14`).sort(),
      );
      expect(rows.every((x) => x.organiserId === ORG)).toBe(true);

      // Again the same day, and on later days before the next step: nothing new.
      for (const day of ["2026-06-01", "2026-06-05", "2026-06-11"]) {
        r = await runReminders(tx, day, now, CTX);
        expect(r.queued.oid_missing, day).toBe(0);
      }
      // 3 days before: one more each; then nothing until the close, and nothing after it.
      r = await runReminders(tx, "2026-06-12", now, CTX);
      expect(r.queued.oid_missing).toBe(expected.length);
      for (const day of ["2026-06-13", "2026-06-15", "2026-06-16"]) {
        r = await runReminders(tx, day, now, CTX);
        expect(r.queued.oid_missing, day).toBe(0);
      }
      rows = await logRows(tx, "oid_missing");
      expect(rows).toHaveLength(expected.length * 2);
      // At most two per contact per campaign.
      const perContact = new Map<string, number>();
      for (const x of rows) perContact.set(x.recipient, (perContact.get(x.recipient) ?? 0) + 1);
      expect(Math.max(...perContact.values())).toBe(2);

      // The messages: in the contact's language, the unit names and the closing date, no client data.
      const all = await expectNoClientData(tx);
      const toBare = all.find((m) => m.row.recipient === "tiina@tyhja.example")!;
      expect(toBare.subject).toContain("15.6.2026");
      expect(toBare.text).toContain("Hello Tiina Tyhjä,");
      expect(toBare.text).toContain("You have not submitted any service units yet.");
      const [unit] = await tx.select().from(serviceUnits).where(eq(serviceUnits.id, ELIGIBLE_UNIT));
      const [c00] = await tx
        .select()
        .from(contactPeople)
        .where(eq(contactPeople.id, seedId("contact:0:0")));
      const toProvider0 = all.filter((m) => m.row.recipient === c00!.email);
      expect(toProvider0).toHaveLength(2);
      expect(toProvider0[0]!.text).toContain(unit!.name);
      expect(toProvider0[0]!.text).toContain("/signin?callbackUrl=%2Fprovider%2Funits");
      // The other organiser has no campaign open: nothing from it.
      expect((await logRows(tx)).some((x) => x.organiserId === DEMO_ORGANISERS.small)).toBe(false);
    });
  });

  it("racing runs: both work out the same reminders, the unique index keeps one", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      await tx
        .insert(campaigns)
        .values({ organiserId: ORG, opensOn: "2026-05-01", closesOn: "2026-06-15" });
      const [org] = await tx.select().from(organisers).where(eq(organisers.id, ORG));
      const now = new Date("2026-06-01T06:00:00Z");
      // Both runs read before either writes.
      const a = await computeDueReminders(tx, ORG, "2026-06-01");
      const b = await computeDueReminders(tx, ORG, "2026-06-01");
      expect(a.length).toBeGreaterThan(0);
      expect(b).toEqual(a);
      let first = 0;
      for (const d of a) first += await queueReminder(tx, org!, d, CTX, now);
      let second = 0;
      for (const d of b) second += await queueReminder(tx, org!, d, CTX, now);
      expect(first).toBe(a.length);
      expect(second).toBe(0);
      expect(await tx.select().from(reminderOutbox)).toHaveLength(a.length);
      // The index itself refuses a second row for the same target.
      const [one] = await logRows(tx);
      await expect(
        tx.transaction(async (inner) => {
          await inner.insert(reminderLog).values({
            organiserId: one!.organiserId,
            kind: one!.kind,
            targetKey: one!.targetKey,
            recipient: "someone@else.example",
          });
        }),
      ).rejects.toThrow();
    });
  });
});

describe("window_should_close reminders", () => {
  it("go to the responsible case worker with only the case OID and a link, again after N days", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const cw = await actorOf(tx, DEMO_USERS.caseworker);
      const a = await openWindowCase(tx, cw, 1);
      const b = await openWindowCase(tx, cw, 2);
      expect(await windowOf(tx, a.windowId)).toMatchObject({ state: "open", closesOn: null });
      // Case 1's service ended on 31 Aug but its window stays open-ended (recorded around the
      // window); case 2's window closes 14 days after its end, by itself.
      await tx
        .update(serviceImplementations)
        .set({ endsOn: "2026-08-31" })
        .where(inArray(serviceImplementations.id, [a.implementationId, b.implementationId]));
      await tx
        .update(accessWindows)
        .set({ closesOn: "2026-09-14" })
        .where(eq(accessWindows.id, b.windowId));
      const now = new Date("2026-09-01T05:00:00Z");

      expect((await runReminders(tx, "2026-08-31", now, CTX)).queued.window_should_close).toBe(0);
      expect((await runReminders(tx, "2026-09-01", now, CTX)).queued.window_should_close).toBe(1);
      expect((await runReminders(tx, "2026-09-01", now, CTX)).queued.window_should_close).toBe(0);
      expect((await runReminders(tx, "2026-09-07", now, CTX)).queued.window_should_close).toBe(0);
      expect((await runReminders(tx, "2026-09-08", now, CTX)).queued.window_should_close).toBe(1);
      const rows = await logRows(tx, "window_should_close");
      expect(rows.map((r) => r.targetKey).sort()).toEqual([
        `window:${a.windowId}/n0`,
        `window:${a.windowId}/n1`,
      ]);
      expect(rows[0]!.recipient).toBe("aino.aaltonen@jarvipohja.example");

      const all = await expectNoClientData(tx);
      expect(all).toHaveLength(2);
      const m = all[0]!;
      expect(m.text).toContain(caseOid(1));
      expect(m.text).toContain(`https://portaali.example/cases/${a.caseId}`);
      expect(m.text).not.toContain(caseOid(2));
      expect(m.subject).not.toContain(caseOid(1));
      expect(m.subject).toBe(
        "Muistutus: sulje rekisterinkäyttöoikeus (Järvi-Pohjan hyvinvointialue)",
      );

      // Once the window is closed, no more reminders.
      const w = await windowOf(tx, a.windowId);
      expect(
        (await closeNow(tx, cw, { windowId: a.windowId, version: w.version }, "2026-09-09")).ok,
      ).toBe(true);
      expect((await runReminders(tx, "2026-09-15", now, CTX)).queued.window_should_close).toBe(0);
    });
  });
});

describe("delete_client_data reminders", () => {
  it("list only case OIDs and the deadline, N days before and on the deadline, per window once", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const cw = await actorOf(tx, DEMO_USERS.caseworker);
      const close = async (n: number) => {
        const c = await openWindowCase(tx, cw, n);
        const w = await windowOf(tx, c.windowId);
        const r = await closeNow(
          tx,
          cw,
          { windowId: c.windowId, version: w.version },
          "2026-08-31",
        );
        expect(r.ok).toBe(true);
        return c;
      };
      const a = await close(11);
      const b = await close(12);
      const c = await close(13);
      // Case 13 gets the same provider's unit again on a new implementation: still served.
      const impl = await addImplementation(tx, cw, {
        caseId: c.caseId,
        service: "communal_housing",
        startsOn: "2026-09-01",
        endsOn: null,
        voucher: false,
      });
      if (!impl.ok) throw new Error(impl.message);
      expect(
        (
          await attachUnit(
            tx,
            cw,
            { implementationId: impl.id, unitId: ELIGIBLE_UNIT, justification: "" },
            "2026-08-31",
          )
        ).ok,
      ).toBe(true);
      const receivers = await tx
        .select()
        .from(contactPeople)
        .where(
          and(
            eq(contactPeople.providerId, seedId("provider:0")),
            eq(contactPeople.receivesCaseOids, true),
          ),
        );
      expect(receivers.length).toBeGreaterThan(0);
      const now = new Date("2027-01-29T05:00:00Z");

      // Deadline 28.2.2027 (31.8.2026 + 6 months); 30 days before is 29.1.2027.
      expect((await runReminders(tx, "2027-01-28", now, CTX)).queued.delete_client_data).toBe(0);
      expect((await runReminders(tx, "2027-01-29", now, CTX)).queued.delete_client_data).toBe(
        receivers.length,
      );
      expect((await runReminders(tx, "2027-01-29", now, CTX)).queued.delete_client_data).toBe(0);
      let rows = await logRows(tx, "delete_client_data");
      // One log row per window and contact; one message per contact.
      expect(rows).toHaveLength(2 * receivers.length);
      expect(rows.map((r) => r.targetKey).sort()).toEqual(
        receivers
          .flatMap((p) => [
            `window:${a.windowId}/contact:${p.id}/d30`,
            `window:${b.windowId}/contact:${p.id}/d30`,
          ])
          .sort(),
      );
      let all = await expectNoClientData(tx);
      expect(all).toHaveLength(receivers.length);
      const m = all[0]!;
      expect(m.text).toContain(caseOid(11));
      expect(m.text).toContain(caseOid(12));
      expect(m.text).not.toContain(caseOid(13));
      expect(m.text).toContain("28.2.2027");
      expect(m.subject).toContain("28.2.2027");
      expect(new Set(rows.map((r) => r.outboxId)).size).toBe(receivers.length);

      // A window closed on the same day but recorded later gets its own reminder, listing only it.
      const d = await close(14);
      expect((await runReminders(tx, "2027-01-30", now, CTX)).queued.delete_client_data).toBe(
        receivers.length,
      );
      all = await messages(tx);
      const latest = all.filter((x) => x.text.includes(caseOid(14)));
      expect(latest).toHaveLength(receivers.length);
      expect(latest[0]!.text).not.toContain(caseOid(11));

      // On the deadline: one more per contact, all three windows; after it, nothing.
      expect((await runReminders(tx, "2027-02-28", now, CTX)).queued.delete_client_data).toBe(
        receivers.length,
      );
      expect((await runReminders(tx, "2027-03-01", now, CTX)).queued.delete_client_data).toBe(0);
      rows = await logRows(tx, "delete_client_data");
      expect(rows.filter((r) => r.targetKey.endsWith("/d0"))).toHaveLength(3 * receivers.length);
      expect(rows.some((r) => r.targetKey.includes(d.windowId))).toBe(true);
      all = await expectNoClientData(tx);
      expect(all.filter((x) => x.text.includes("Määräpäivä on tänään."))).toHaveLength(
        receivers.length,
      );
    });
  });
});

describe("the sender", () => {
  it("retries with backoff, marks sent and stamps the log; gives up after the last attempt", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      await tx
        .insert(campaigns)
        .values({ organiserId: ORG, opensOn: "2026-05-01", closesOn: "2026-06-15" });
      const now = new Date("2026-06-01T06:00:00Z");
      const r = await runReminders(tx, "2026-06-01", now, CTX);
      const n = r.queued.oid_missing;
      expect(n).toBeGreaterThan(1);

      // The first send fails, the rest go.
      const flaky = fakeTransport((call) => call === 1);
      let s = await sendDueReminders(tx, flaky.send, now);
      expect(s).toEqual({ sent: n - 1, retrying: 1, failed: 0 });
      const [waiting] = await tx
        .select()
        .from(reminderOutbox)
        .where(eq(reminderOutbox.status, "queued"));
      expect(waiting).toMatchObject({
        attempts: 1,
        lastError: expect.stringContaining("ECONNREFUSED"),
      });
      expect(waiting!.nextAttemptAt.getTime()).toBe(now.getTime() + 30_000);
      // Not before its backoff.
      const ok = fakeTransport();
      expect(await sendDueReminders(tx, ok.send, new Date(now.getTime() + 10_000))).toEqual({
        sent: 0,
        retrying: 0,
        failed: 0,
      });
      const later = new Date(now.getTime() + 31_000);
      s = await sendDueReminders(tx, ok.send, later);
      expect(s).toEqual({ sent: 1, retrying: 0, failed: 0 });
      expect(ok.sent[0]!.to).toBe(waiting!.recipient);
      expect(ok.sent[0]!.raw.toString("latin1")).toBe(waiting!.raw);
      const logs = await logRows(tx);
      expect(logs.every((l) => l.sentAt !== null)).toBe(true);
      expect(logs.find((l) => l.outboxId === waiting!.id)!.sentAt!.getTime()).toBe(later.getTime());
      // Nothing is sent twice.
      expect(await sendDueReminders(tx, ok.send, new Date(later.getTime() + 3600_000))).toEqual({
        sent: 0,
        retrying: 0,
        failed: 0,
      });

      // A reminder that never gets through ends failed after MAX_ATTEMPTS.
      await tx
        .update(serviceUnits)
        .set({ oidStatus: "returned" })
        .where(eq(serviceUnits.id, ELIGIBLE_UNIT));
      const then = new Date("2026-06-12T06:00:00Z");
      await runReminders(tx, "2026-06-12", then, CTX);
      const down = fakeTransport(() => true);
      let at = then.getTime();
      let failed = 0;
      for (let i = 0; i < MAX_ATTEMPTS; i++) {
        at += 2 * 3600_000;
        const x = await sendDueReminders(tx, down.send, new Date(at));
        failed += x.failed;
      }
      expect(failed).toBe(n + 1);
      const statuses = await tx.select().from(reminderOutbox);
      expect(statuses.filter((x) => x.status === "failed")).toHaveLength(n + 1);
      expect(
        statuses.filter((x) => x.status === "failed").every((x) => x.attempts === MAX_ATTEMPTS),
      ).toBe(true);

      // The log view: newest first, with the message's status.
      const staff = await actorOf(tx, DEMO_USERS.projectStaff);
      const view = await listReminderLog(tx, staff);
      expect(view).toHaveLength(2 * n + 1);
      expect(view[0]!.status).toBe("failed");
      expect(view[0]!.targetKey).toMatch(/\/d3$/);
      expect(view.at(-1)!.status).toBe("sent");
      // Another organiser's staff see none of it.
      const other = await actorOf(tx, DEMO_USERS.otherCaseworker);
      expect(await listReminderLog(tx, other)).toHaveLength(0);
    });
  });
});

describe("schedule and run now: project staff only, audited", () => {
  it("saves the schedule with an audit row; invalid input names the field; others are refused", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      const staff = await actorOf(tx, DEMO_USERS.projectStaff);
      expect((await getReminderSettings(tx, ORG)).saved).toBeNull();
      const settings = { ...defaultReminderSettings, oidMissingDays: [7], windowRepeatDays: 3 };
      expect(await saveReminderSchedule(tx, staff, settings)).toEqual({ ok: true, changed: true });
      const stored = await getReminderSettings(tx, ORG);
      expect(stored.settings).toEqual(settings);
      expect(stored.saved).toMatchObject({
        updatedBy: staff.userId,
        updatedByName: "Pekka Projektinen",
      });
      expect(await saveReminderSchedule(tx, staff, settings)).toEqual({ ok: true, changed: false });
      const [audit] = await tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "reminders.saveSchedule"), eq(auditLog.outcome, "success")));
      expect(audit).toMatchObject({ actorUserId: staff.userId, organiserId: ORG });
      expect(audit!.details).toMatchObject({
        changes: {
          oidMissingDays: { from: [14, 3], to: [7] },
          windowRepeatDays: { from: 7, to: 3 },
        },
      });

      expect(
        await saveReminderSchedule(tx, staff, {
          ...settings,
          deleteDaysBefore: 0,
          oidMissingDays: [],
        }),
      ).toEqual({
        ok: false,
        message: "validation.invalid",
        fieldErrors: {
          deleteDaysBefore: "reminders.errors.deleteDaysBefore",
          oidMissingDays: "reminders.errors.oidMissingDays",
        },
      });

      for (const id of [DEMO_USERS.caseworker, DEMO_USERS.providerContact]) {
        const who = await actorOf(tx, id);
        expect(await saveReminderSchedule(tx, who, settings)).toEqual({
          ok: false,
          message: "validation.forbidden",
        });
        expect(await runRemindersNow(tx, who, "2026-06-01", new Date(), { ctx: CTX })).toEqual({
          ok: false,
          message: "validation.forbidden",
        });
      }
      const denied = await tx
        .select()
        .from(auditLog)
        .where(
          and(
            inArray(auditLog.action, ["reminders.saveSchedule", "reminders.runNow"]),
            eq(auditLog.outcome, "denied"),
          ),
        );
      expect(denied).toHaveLength(4);
      expect(await tx.select().from(reminderSettings)).toHaveLength(1);
    });
  });

  it("run now queues the actor's organiser's reminders by its schedule and sends them", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      for (const organiserId of [ORG, DEMO_ORGANISERS.small])
        await tx
          .insert(campaigns)
          .values({ organiserId, opensOn: "2026-05-01", closesOn: "2026-06-15" });
      const staff = await actorOf(tx, DEMO_USERS.projectStaff);
      // Reminders about missing OIDs switched off: nothing.
      await saveReminderSchedule(tx, staff, {
        ...defaultReminderSettings,
        oidMissingEnabled: false,
      });
      const now = new Date("2026-06-01T06:00:00Z");
      const mail = fakeTransport();
      let r = await runRemindersNow(tx, staff, "2026-06-01", now, { send: mail.send, ctx: CTX });
      expect(r).toMatchObject({ ok: true, queued: 0, sent: 0 });
      // On at 7 days before: due at once (step 7 has come on 8 June).
      await saveReminderSchedule(tx, staff, { ...defaultReminderSettings, oidMissingDays: [7] });
      r = await runRemindersNow(tx, staff, "2026-06-08", now, { send: mail.send, ctx: CTX });
      const expected = await expectedOidMissingContacts(tx);
      expect(r).toMatchObject({
        ok: true,
        queued: expected.length,
        sent: expected.length,
        failed: 0,
      });
      expect(mail.sent).toHaveLength(expected.length);
      r = await runRemindersNow(tx, staff, "2026-06-08", now, { send: mail.send, ctx: CTX });
      expect(r).toMatchObject({ ok: true, queued: 0, sent: 0 });
      // Only this organiser's: the other one's campaign is open too, but untouched.
      const rows = await logRows(tx);
      expect(rows.every((x) => x.organiserId === ORG)).toBe(true);
      const audits = await tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "reminders.runNow"), eq(auditLog.outcome, "success")));
      expect(audits).toHaveLength(3);
      expect(audits[1]!.details).toMatchObject({
        date: "2026-06-08",
        queued: { oid_missing: expected.length, window_should_close: 0, delete_client_data: 0 },
      });
      await expectNoClientData(tx);
    });
  });
});

describe("the scheduler", () => {
  it("runs and sends at start, logs counts only, and stops", async () => {
    await withRollback(t.db, async (tx) => {
      await seedDemo(tx);
      await tx
        .insert(campaigns)
        .values({ organiserId: ORG, opensOn: "2026-05-01", closesOn: "2026-06-15" });
      const mail = fakeTransport();
      const out = captureOutput();
      const logs = out.lines;
      try {
        const stop = startReminderScheduler(() => tx, {
          now: () => new Date("2026-06-01T09:00:00Z"),
          send: mail.send,
          ctx: CTX,
        });
        await stop();
      } finally {
        out.restore();
      }
      const rows = await logRows(tx);
      expect(rows.length).toBeGreaterThan(0);
      expect(mail.sent).toHaveLength(rows.length);
      expect(rows.every((x) => x.sentAt !== null)).toBe(true);
      expect(logs).toHaveLength(1);
      expect(JSON.parse(logs[0]!)).toMatchObject({
        msg: "reminders run",
        today: "2026-06-01",
        queued: { oid_missing: rows.length },
        sent: rows.length,
      });
      expect(logs[0]).not.toContain("@");
    });
  });
});
