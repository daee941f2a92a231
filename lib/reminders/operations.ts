import { and, asc, desc, eq, gte, inArray, lt, lte, sql } from "drizzle-orm";
import { createTranslator } from "next-intl";
import type { Executor } from "@/db";
import {
  accessWindows,
  campaigns,
  cases,
  contactPeople,
  organiserProviders,
  organisers,
  reminderLog,
  reminderOutbox,
  reminderSettings,
  serviceImplementations,
  serviceUnits,
  users,
  type Organiser,
  type ReminderKind,
  type ReminderStatus,
  type Role,
} from "@/db/schema";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { changes } from "@/lib/audit/diff";
import { mayRunAction, type ActionKey } from "@/lib/auth/access";
import { organiserOf } from "@/lib/auth/scope";
import { getConfig } from "@/lib/config";
import { newMessageId } from "@/lib/delivery/compose";
import { buildPlainNotice } from "@/lib/delivery/mime";
import type { Transport } from "@/lib/delivery/worker";
import { formatCalendarDate } from "@/lib/i18n/format";
import { allMessages } from "@/lib/i18n/messages";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { orgName } from "@/lib/i18n/pick";
import { currentPolicy } from "@/lib/policy/queries";
import { addDays, isCalendarDate } from "@/lib/windows/dates";
import {
  defaultReminderSettings,
  deletionStep,
  oidMissingStep,
  targetKey,
  unitLacksOid,
  windowReminderRound,
  windowShouldClose,
  type ReminderSettings,
} from "./rules";
import { fieldErrorsOf, readStoredSettings, reminderSettingsSchema } from "./schemas";
import { sendDueReminders, type SendResult } from "./sender";
import { log } from "../log";

/**
 * Reminders (issue 6): the organiser's schedule, working out which reminders are due, and
 * queueing each exactly once. A reminder is one or more reminder_log rows (one per target:
 * what it is about and which step of the schedule) and one reminder_outbox message; the log
 * rows are inserted first with ON CONFLICT DO NOTHING and the message is written only for the
 * targets whose insert won, in the same transaction, so two runs racing can never queue the
 * same reminder twice. Messages carry no client data (names, identity codes): only counts,
 * dates, unit names, case OIDs (DOMAIN rule 5) and links.
 */

export type ReminderContext = { appUrl: string; from: string };

function defaultContext(): ReminderContext {
  const c = getConfig();
  return { appUrl: c.appUrl, from: c.mailFrom };
}

function localeOf(v: string | null | undefined): Locale {
  return isLocale(v) ? v : "fi";
}

/* ------------------------------------------------------------------ Settings */

export type StoredReminderSettings = {
  settings: ReminderSettings;
  /** Null while the defaults are in use. */
  saved: { updatedAt: Date; updatedBy: string | null; updatedByName: string | null } | null;
};

/** The organiser's schedule: the saved one, or the defaults. */
export async function getReminderSettings(
  db: Executor,
  organiserId: string,
): Promise<StoredReminderSettings> {
  const [row] = await db
    .select({
      settings: reminderSettings.settings,
      updatedAt: reminderSettings.updatedAt,
      updatedBy: reminderSettings.updatedBy,
      name: users.name,
      email: users.email,
    })
    .from(reminderSettings)
    .leftJoin(users, eq(users.id, reminderSettings.updatedBy))
    .where(eq(reminderSettings.organiserId, organiserId));
  if (!row) return { settings: defaultReminderSettings, saved: null };
  return {
    settings: readStoredSettings(row.settings),
    saved: {
      updatedAt: row.updatedAt,
      updatedBy: row.updatedBy,
      updatedByName: row.name ?? row.email ?? null,
    },
  };
}

export type SaveScheduleResult =
  | { ok: true; changed: boolean }
  | { ok: false; message: string; fieldErrors?: Record<string, string> };

const SETTINGS_FIELDS = [
  "oidMissingEnabled",
  "oidMissingDays",
  "windowShouldCloseEnabled",
  "windowRepeatDays",
  "deleteClientDataEnabled",
  "deleteDaysBefore",
] as const satisfies readonly (keyof ReminderSettings)[];

async function refuse(db: Executor, actor: AuditActor, action: ActionKey): Promise<boolean> {
  if (actor.role && mayRunAction(actor.role as Role, action)) return false;
  await writeAudit(db, actor, { action, outcome: "denied", details: { reason: "role" } });
  return true;
}

/**
 * Project staff (or an admin) save the organiser's reminder schedule. Invalid settings change
 * nothing and return field errors (keys under reminders.errors); the row and its audit row
 * (the changed fields, from/to) commit together.
 */
export async function saveReminderSchedule(
  db: Executor,
  actor: AuditActor,
  input: unknown,
): Promise<SaveScheduleResult> {
  if (await refuse(db, actor, "reminders.saveSchedule"))
    return { ok: false, message: "validation.forbidden" };
  const organiserId = organiserOf(actor);
  const parsed = reminderSettingsSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, message: "validation.invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  const settings = parsed.data;
  return db.transaction(async (tx) => {
    // Serialises saves of this organiser's schedule.
    await tx
      .select({ id: organisers.id })
      .from(organisers)
      .where(eq(organisers.id, organiserId))
      .for("no key update");
    const current = await getReminderSettings(tx, organiserId);
    const diff = changes<ReminderSettings>(current.settings, settings, [...SETTINGS_FIELDS]);
    if (current.saved && Object.keys(diff).length === 0) return { ok: true, changed: false };
    await tx
      .insert(reminderSettings)
      .values({ organiserId, settings, updatedBy: actor.userId })
      .onConflictDoUpdate({
        target: reminderSettings.organiserId,
        set: { settings, updatedBy: actor.userId, updatedAt: sql`now()` },
      });
    await writeAudit(tx, actor, {
      action: "reminders.saveSchedule",
      outcome: "success",
      entityType: "reminder_settings",
      entityId: organiserId,
      details: { changes: diff },
    });
    return { ok: true, changed: Object.keys(diff).length > 0 || !current.saved };
  });
}

/* ------------------------------------------------------------- Due reminders */

type Target = { targetKey: string };

/** One reminder message to one recipient, covering one or more log targets. */
export type DueReminder = {
  recipient: string;
  name: string;
  locale: Locale;
} & (
  | {
      kind: "oid_missing";
      targets: Target[];
      closesOn: string;
      /** Names of the units without an OID (not client data). */
      units: string[];
    }
  | { kind: "window_should_close"; targets: Target[]; caseId: string; caseOid: string }
  | {
      kind: "delete_client_data";
      targets: (Target & { caseOid: string })[];
      deadline: string;
      /** 0 on the deadline itself. */
      step: number;
    }
);

/** oid_missing: contacts of registry providers still lacking OIDs, before the campaign closes. */
async function dueOidMissing(
  db: Executor,
  organiserId: string,
  today: string,
  settings: ReminderSettings,
): Promise<DueReminder[]> {
  if (!settings.oidMissingEnabled) return [];
  // The campaign open today (the latest opened, should several overlap).
  const [campaign] = await db
    .select()
    .from(campaigns)
    .where(
      and(
        eq(campaigns.organiserId, organiserId),
        lte(campaigns.opensOn, today),
        gte(campaigns.closesOn, today),
      ),
    )
    .orderBy(desc(campaigns.opensOn), desc(campaigns.createdAt))
    .limit(1);
  if (!campaign) return [];
  const step = oidMissingStep(campaign, today, settings.oidMissingDays);
  if (step === null) return [];

  const providerIds = (
    await db
      .select({ id: organiserProviders.providerId })
      .from(organiserProviders)
      .where(eq(organiserProviders.organiserId, organiserId))
  ).map((r) => r.id);
  if (providerIds.length === 0) return [];
  const units = await db
    .select({
      providerId: serviceUnits.providerId,
      name: serviceUnits.name,
      oidStatus: serviceUnits.oidStatus,
    })
    .from(serviceUnits)
    .where(inArray(serviceUnits.providerId, providerIds))
    .orderBy(asc(serviceUnits.name));
  const byProvider = new Map<string, { total: number; lacking: string[] }>();
  for (const id of providerIds) byProvider.set(id, { total: 0, lacking: [] });
  for (const u of units) {
    const p = byProvider.get(u.providerId)!;
    p.total++;
    if (unitLacksOid(u.oidStatus)) p.lacking.push(u.name);
  }
  const lacking = providerIds.filter((id) => {
    const p = byProvider.get(id)!;
    return p.total === 0 || p.lacking.length > 0;
  });
  if (lacking.length === 0) return [];
  const contacts = await db
    .select()
    .from(contactPeople)
    .where(inArray(contactPeople.providerId, lacking))
    .orderBy(asc(contactPeople.email));
  return contacts.map((c) => ({
    kind: "oid_missing" as const,
    recipient: c.email,
    name: c.name,
    locale: localeOf(c.language),
    targets: [{ targetKey: targetKey.oidMissing(c.id, campaign.id, step) }],
    closesOn: campaign.closesOn,
    units: byProvider.get(c.providerId)!.lacking,
  }));
}

/** window_should_close: the responsible case worker of each window open after its service ended. */
async function dueWindowShouldClose(
  db: Executor,
  organiserId: string,
  today: string,
  settings: ReminderSettings,
): Promise<DueReminder[]> {
  if (!settings.windowShouldCloseEnabled) return [];
  const { settings: policy } = await currentPolicy(db, organiserId);
  const rows = await db
    .select({
      windowId: accessWindows.id,
      state: accessWindows.state,
      closesOn: accessWindows.closesOn,
      endsOn: serviceImplementations.endsOn,
      caseId: cases.id,
      caseOid: cases.caseOid,
      email: users.email,
      name: users.name,
      locale: users.locale,
      disabledAt: users.disabledAt,
    })
    .from(accessWindows)
    .innerJoin(cases, eq(cases.id, accessWindows.caseId))
    .innerJoin(
      serviceImplementations,
      eq(serviceImplementations.id, accessWindows.implementationId),
    )
    .innerJoin(users, eq(users.id, cases.responsibleUserId))
    .where(
      and(
        eq(accessWindows.organiserId, organiserId),
        eq(accessWindows.state, "open"),
        lt(serviceImplementations.endsOn, today),
      ),
    )
    .orderBy(asc(cases.caseOid), asc(accessWindows.id));
  const out: DueReminder[] = [];
  for (const r of rows) {
    if (!r.email || r.disabledAt) continue;
    if (!windowShouldClose(r, today, policy.daysAfterEnd)) continue;
    const round = windowReminderRound(r.endsOn!, today, settings.windowRepeatDays);
    if (round < 0) continue;
    out.push({
      kind: "window_should_close",
      recipient: r.email,
      name: r.name ?? r.email,
      locale: localeOf(r.locale),
      targets: [{ targetKey: targetKey.windowShouldClose(r.windowId, round) }],
      caseId: r.caseId,
      caseOid: r.caseOid,
    });
  }
  return out;
}

/**
 * delete_client_data: contacts who receive case OIDs, about closed windows whose deletion
 * deadline (closesOn + 6 months) comes within `deleteDaysBefore` days or is today. One message
 * per contact and deadline listing the case OIDs. A case that still has a planned or open window
 * on a unit of the same provider is left out (the provider still serves the client).
 */
async function dueDeleteClientData(
  db: Executor,
  organiserId: string,
  today: string,
  settings: ReminderSettings,
): Promise<DueReminder[]> {
  if (!settings.deleteClientDataEnabled) return [];
  // Deadlines from today on are closesOn from about 6 months back; a week of slack for the months.
  const earliest = addDays(today, -190);
  const rows = await db
    .select({
      windowId: accessWindows.id,
      closesOn: accessWindows.closesOn,
      caseOid: cases.caseOid,
      contactId: contactPeople.id,
      email: contactPeople.email,
      name: contactPeople.name,
      language: contactPeople.language,
    })
    .from(accessWindows)
    .innerJoin(cases, eq(cases.id, accessWindows.caseId))
    .innerJoin(serviceUnits, eq(serviceUnits.id, accessWindows.serviceUnitId))
    .innerJoin(
      contactPeople,
      and(
        eq(contactPeople.providerId, serviceUnits.providerId),
        eq(contactPeople.receivesCaseOids, true),
      ),
    )
    .where(
      and(
        eq(accessWindows.organiserId, organiserId),
        eq(accessWindows.state, "closed"),
        gte(accessWindows.closesOn, earliest),
        lt(accessWindows.closesOn, today),
        sql`not exists (
          select 1 from ${accessWindows} as live
            join ${serviceUnits} as lu on lu.id = live.service_unit_id
           where live.case_id = ${accessWindows.caseId}
             and lu.provider_id = ${serviceUnits.providerId}
             and live.state in ('planned', 'open'))`,
      ),
    )
    .orderBy(asc(contactPeople.email), asc(cases.caseOid), asc(accessWindows.id));
  const groups = new Map<string, Extract<DueReminder, { kind: "delete_client_data" }>>();
  for (const r of rows) {
    const due = deletionStep(r.closesOn!, today, settings.deleteDaysBefore);
    if (!due) continue;
    const key = `${r.contactId}/${due.deadline}/${due.step}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        kind: "delete_client_data",
        recipient: r.email,
        name: r.name,
        locale: localeOf(r.language),
        targets: [],
        deadline: due.deadline,
        step: due.step,
      };
      groups.set(key, g);
    }
    g.targets.push({
      targetKey: targetKey.deleteClientData(r.windowId, r.contactId, due.step),
      caseOid: r.caseOid,
    });
  }
  return [...groups.values()];
}

/** Every reminder of one organiser due on `today` by its schedule (logged or not). */
export async function computeDueReminders(
  db: Executor,
  organiserId: string,
  today: string,
  settings?: ReminderSettings,
): Promise<DueReminder[]> {
  if (!isCalendarDate(today))
    throw new RangeError(`today: not a calendar date (yyyy-mm-dd): ${JSON.stringify(today)}`);
  const s = settings ?? (await getReminderSettings(db, organiserId)).settings;
  return [
    ...(await dueOidMissing(db, organiserId, today, s)),
    ...(await dueWindowShouldClose(db, organiserId, today, s)),
    ...(await dueDeleteClientData(db, organiserId, today, s)),
  ];
}

/* ------------------------------------------------------------------ Messages */

export type ComposedReminder = { subject: string; text: string; messageId: string; raw: Buffer };

/**
 * The plain-text e-mail of a reminder in the recipient's language. Only what the due reminder
 * carries goes in: the recipient's own name, the organiser's name, dates, unit names, case OIDs
 * and links; never a client's name or identity code.
 */
export function composeReminder(
  due: DueReminder,
  organiser: Pick<Organiser, "nameFi" | "nameSv" | "nameEn">,
  ctx: ReminderContext,
  now: Date,
): ComposedReminder {
  const locale = due.locale;
  const t = createTranslator({
    locale,
    messages: allMessages[locale],
    namespace: "reminders.mail",
  });
  const org = orgName(organiser, locale);
  let subject: string;
  let body: string[];
  if (due.kind === "oid_missing") {
    const date = formatCalendarDate(due.closesOn);
    subject = t("oidMissingSubject", { date, organiser: org });
    body = [
      t("oidMissingBody", { organiser: org, date, count: due.units.length }),
      ...(due.units.length ? ["", t("oidMissingUnits"), ...due.units.map((u) => `- ${u}`)] : []),
      "",
      t("oidMissingLink", { url: `${ctx.appUrl}/signin?callbackUrl=%2Fprovider%2Funits` }),
    ];
  } else if (due.kind === "window_should_close") {
    subject = t("windowSubject", { organiser: org });
    body = [
      t("windowBody"),
      "",
      `${t("caseOid")}: ${due.caseOid}`,
      "",
      t("windowLink", { url: `${ctx.appUrl}/cases/${due.caseId}` }),
    ];
  } else {
    const deadline = formatCalendarDate(due.deadline);
    const oids = [...new Set(due.targets.map((x) => x.caseOid))];
    subject = t("deleteSubject", { deadline, organiser: org });
    body = [
      t("deleteBody", { deadline }),
      ...(due.step === 0 ? ["", t("deleteToday")] : []),
      "",
      t("caseOids"),
      ...oids.map((o) => `- ${o}`),
    ];
  }
  const text = [
    t("greeting", { name: due.name }),
    "",
    ...body,
    "",
    t("automatic"),
    "",
    t("signature", { organiser: org }),
  ].join("\n");
  const messageId = newMessageId(ctx.from);
  const raw = buildPlainNotice({
    from: ctx.from,
    to: due.recipient,
    subject,
    messageId,
    date: now,
    text,
  });
  return { subject, text, messageId, raw };
}

/**
 * Queues one reminder unless it was already queued: inserts its log rows (ON CONFLICT DO
 * NOTHING) and, for the targets whose insert won, one message, all in one transaction. Returns
 * the number of targets queued (0 when another run got there first).
 */
export async function queueReminder(
  db: Executor,
  organiser: Pick<Organiser, "id" | "nameFi" | "nameSv" | "nameEn">,
  due: DueReminder,
  ctx: ReminderContext,
  now: Date,
): Promise<number> {
  return db.transaction(async (tx) => {
    const won = await tx
      .insert(reminderLog)
      .values(
        due.targets.map((x) => ({
          organiserId: organiser.id,
          kind: due.kind,
          targetKey: x.targetKey,
          recipient: due.recipient,
          createdAt: now,
        })),
      )
      .onConflictDoNothing({
        target: [reminderLog.organiserId, reminderLog.kind, reminderLog.targetKey],
      })
      .returning({ id: reminderLog.id, targetKey: reminderLog.targetKey });
    if (won.length === 0) return 0;
    const keys = new Set(won.map((w) => w.targetKey));
    const mine = {
      ...due,
      targets: due.targets.filter((x) => keys.has(x.targetKey)),
    } as DueReminder;
    const m = composeReminder(mine, organiser, ctx, now);
    const [row] = await tx
      .insert(reminderOutbox)
      .values({
        organiserId: organiser.id,
        logId: won[0]!.id,
        recipient: due.recipient,
        subject: m.subject,
        messageId: m.messageId,
        raw: m.raw.toString("latin1"),
        nextAttemptAt: now,
        createdAt: now,
      })
      .returning({ id: reminderOutbox.id });
    await tx
      .update(reminderLog)
      .set({ outboxId: row!.id })
      .where(
        inArray(
          reminderLog.id,
          won.map((w) => w.id),
        ),
      );
    return won.length;
  });
}

/* ----------------------------------------------------------------------- Runs */

export type KindCounts = Record<ReminderKind, number>;

export type RunResult = {
  organisers: number;
  /** Messages queued by kind (a deletion message may cover several windows). */
  queued: KindCounts;
  /** Organisers whose run failed (logged; the others went on). */
  failedOrganisers: number;
};

function emptyCounts(): KindCounts {
  return { oid_missing: 0, window_should_close: 0, delete_client_data: 0 };
}

export function totalOf(c: KindCounts): number {
  return c.oid_missing + c.window_should_close + c.delete_client_data;
}

/** Works out and queues one organiser's due reminders. Returns the messages queued by kind. */
export async function runRemindersFor(
  db: Executor,
  organiser: Pick<Organiser, "id" | "nameFi" | "nameSv" | "nameEn">,
  today: string,
  now: Date,
  ctx: ReminderContext,
): Promise<KindCounts> {
  const counts = emptyCounts();
  const due = await computeDueReminders(db, organiser.id, today);
  for (const d of due) if ((await queueReminder(db, organiser, d, ctx, now)) > 0) counts[d.kind]++;
  return counts;
}

/**
 * The scheduled run: every organiser's due reminders on `today` (yyyy-mm-dd, Helsinki), each
 * queued once. Idempotent: a second run on the same day queues nothing. An organiser whose
 * run fails is logged (ids and error only) and the others go on.
 */
export async function runReminders(
  db: Executor,
  today: string,
  now: Date,
  ctx: ReminderContext = defaultContext(),
): Promise<RunResult> {
  if (!isCalendarDate(today))
    throw new RangeError(`today: not a calendar date (yyyy-mm-dd): ${JSON.stringify(today)}`);
  const orgs = await db.select().from(organisers).orderBy(asc(organisers.code));
  const queued = emptyCounts();
  let failedOrganisers = 0;
  for (const org of orgs) {
    try {
      const c = await runRemindersFor(db, org, today, now, ctx);
      for (const k of Object.keys(c) as ReminderKind[]) queued[k] += c[k];
    } catch (err) {
      failedOrganisers++;
      log.error({ organiserId: org.id, err: String(err) }, "reminders failed for an organiser");
    }
  }
  return { organisers: orgs.length, queued, failedOrganisers };
}

export type RunNowResult =
  ({ ok: true; queued: number; byKind: KindCounts } & SendResult) | { ok: false; message: string };

/**
 * "Run now" on the page: the actor's organiser's due reminders are queued (with the audit row,
 * in one transaction), then that organiser's due messages are sent at once.
 */
export async function runRemindersNow(
  db: Executor,
  actor: AuditActor,
  today: string,
  now: Date,
  deps: { send?: Transport; ctx?: ReminderContext } = {},
): Promise<RunNowResult> {
  if (await refuse(db, actor, "reminders.runNow"))
    return { ok: false, message: "validation.forbidden" };
  const organiserId = organiserOf(actor);
  const ctx = deps.ctx ?? defaultContext();
  const byKind = await db.transaction(async (tx) => {
    const [org] = await tx.select().from(organisers).where(eq(organisers.id, organiserId));
    if (!org) throw new Error("organiser not found");
    const counts = await runRemindersFor(tx, org, today, now, ctx);
    await writeAudit(tx, actor, {
      action: "reminders.runNow",
      outcome: "success",
      entityType: "organiser",
      entityId: organiserId,
      details: { date: today, queued: counts },
    });
    return counts;
  });
  const sent = await sendDueReminders(db, deps.send, now, { organiserId });
  return { ok: true, queued: totalOf(byKind), byKind, ...sent };
}

/* ------------------------------------------------------------------------ Log */

export type ReminderLogView = {
  id: string;
  kind: ReminderKind;
  recipient: string;
  targetKey: string;
  createdAt: Date;
  sentAt: Date | null;
  status: ReminderStatus | null;
  attempts: number | null;
};

/** The actor's organiser's reminder log, newest first. */
export async function listReminderLog(
  db: Executor,
  actor: AuditActor,
  limit = 200,
): Promise<ReminderLogView[]> {
  const organiserId = organiserOf(actor);
  return db
    .select({
      id: reminderLog.id,
      kind: reminderLog.kind,
      recipient: reminderLog.recipient,
      targetKey: reminderLog.targetKey,
      createdAt: reminderLog.createdAt,
      sentAt: reminderLog.sentAt,
      status: reminderOutbox.status,
      attempts: reminderOutbox.attempts,
    })
    .from(reminderLog)
    .leftJoin(reminderOutbox, eq(reminderOutbox.id, reminderLog.outboxId))
    .where(eq(reminderLog.organiserId, organiserId))
    .orderBy(desc(reminderLog.createdAt), asc(reminderLog.targetKey))
    .limit(limit);
}
