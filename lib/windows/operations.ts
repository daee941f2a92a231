import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { accessWindows, serviceImplementations, type AccessWindow } from "@/db/schema";
import { auditOutOfScope, writeAudit, type AuditActor } from "@/lib/audit";
import { organiserOf } from "@/lib/auth/scope";
import { actorMay, type ActionKey } from "@/lib/auth/access";
import type { CaseResult } from "@/lib/cases/operations";
import { currentPolicy } from "@/lib/policy/queries";
import { addDays, helsinkiToday } from "./dates";
import { stateOn, validateWindow } from "./rules";

/**
 * What a case worker does to an access window: open now, close now, change dates, invalidate and
 * reissue (DOMAIN rule 6). Each takes the version the person saw: when someone else saved in
 * between, the save is refused with a conflict and nothing is overwritten.
 */
type Locked = { ok: true; window: AccessWindow } | { ok: false; result: CaseResult };

async function lockWindow(
  tx: Executor,
  actor: AuditActor,
  action: string,
  windowId: string,
  version: number,
): Promise<Locked> {
  const [w] = await tx
    .select()
    .from(accessWindows)
    .where(and(eq(accessWindows.id, windowId), eq(accessWindows.organiserId, organiserOf(actor))))
    .for("update");
  if (!w) {
    await auditOutOfScope(tx, actor, action, "access_window", windowId);
    return { ok: false, result: { ok: false, message: "validation.notFound" } };
  }
  if (w.version !== version)
    return { ok: false, result: { ok: false, message: "validation.conflict" } };
  return { ok: true, window: w };
}

async function guard(
  db: Executor,
  actor: AuditActor,
  action: ActionKey,
): Promise<CaseResult | null> {
  if (actorMay(actor, action)) return null;
  await writeAudit(db, actor, { action, outcome: "denied", details: { reason: "role" } });
  return { ok: false, message: "validation.forbidden" };
}

async function save(
  tx: Executor,
  actor: AuditActor,
  action: string,
  w: AccessWindow,
  next: Partial<AccessWindow>,
  details: Record<string, unknown> = {},
): Promise<CaseResult> {
  // The version check is repeated in the UPDATE, so even without the row lock a racing save loses.
  const updated = await tx
    .update(accessWindows)
    .set({ ...next, version: w.version + 1, updatedAt: new Date() })
    .where(and(eq(accessWindows.id, w.id), eq(accessWindows.version, w.version)))
    .returning({ id: accessWindows.id });
  if (updated.length === 0) return { ok: false, message: "validation.conflict" };
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const k of ["opensOn", "closesOn", "state"] as const)
    if (k in next && next[k] !== w[k]) changes[k] = { from: w[k], to: next[k] };
  await writeAudit(tx, actor, {
    action,
    outcome: "success",
    entityType: "access_window",
    entityId: w.id,
    details: { caseId: w.caseId, changes, ...details },
  });
  return { ok: true, id: w.id };
}

/** Opens a planned window today. */
export async function openNow(
  db: Executor,
  actor: AuditActor,
  input: { windowId: string; version: number },
  today: string = helsinkiToday(),
): Promise<CaseResult> {
  const refused = await guard(db, actor, "windows.openNow");
  if (refused) return refused;
  return db.transaction(async (tx) => {
    const l = await lockWindow(tx, actor, "windows.openNow", input.windowId, input.version);
    if (!l.ok) return l.result;
    const w = l.window;
    if (w.state !== "planned") return { ok: false, message: "windows.notPlanned" };
    const { settings } = await currentPolicy(tx, w.organiserId);
    if (today < settings.goLiveDate)
      return { ok: false, message: "windows.beforeGoLive", params: { date: settings.goLiveDate } };
    const closesOn = w.closesOn !== null && w.closesOn < today ? today : w.closesOn;
    return save(tx, actor, "windows.openNow", w, {
      opensOn: today,
      closesOn,
      state: "open",
    });
  });
}

/** Closes an open window: access ends today. */
export async function closeNow(
  db: Executor,
  actor: AuditActor,
  input: { windowId: string; version: number },
  today: string = helsinkiToday(),
): Promise<CaseResult> {
  const refused = await guard(db, actor, "windows.closeNow");
  if (refused) return refused;
  return db.transaction(async (tx) => {
    const l = await lockWindow(tx, actor, "windows.closeNow", input.windowId, input.version);
    if (!l.ok) return l.result;
    const w = l.window;
    if (w.state !== "open") return { ok: false, message: "windows.notOpen" };
    return save(tx, actor, "windows.closeNow", w, {
      closesOn: today < w.opensOn ? w.opensOn : today,
      state: "closed",
      datesManual: true,
    });
  });
}

/**
 * Changes a window's dates within the organiser's policy: never before go-live, at most
 * daysBeforeStart before the service starts, and at most daysAfterEnd after it ends.
 */
export async function changeDates(
  db: Executor,
  actor: AuditActor,
  input: { windowId: string; version: number; opensOn: string; closesOn: string | null },
  today: string = helsinkiToday(),
): Promise<CaseResult> {
  const refused = await guard(db, actor, "windows.changeDates");
  if (refused) return refused;
  const shape = validateWindow(input);
  if (!shape.ok)
    return { ok: false, message: "validation.invalid", fieldErrors: { [shape.field]: shape.key } };
  return db.transaction(async (tx) => {
    const l = await lockWindow(tx, actor, "windows.changeDates", input.windowId, input.version);
    if (!l.ok) return l.result;
    const w = l.window;
    if (w.state === "invalidated") return { ok: false, message: "windows.invalidatedFinal" };
    const { settings } = await currentPolicy(tx, w.organiserId);
    const [impl] = w.implementationId
      ? await tx
          .select()
          .from(serviceImplementations)
          .where(eq(serviceImplementations.id, w.implementationId))
      : [];
    const fieldErrors: Record<string, string> = {};
    const params: Record<string, string> = {};
    let earliest = settings.goLiveDate;
    if (impl && !w.existingClient) {
      const lead = addDays(impl.startsOn, -settings.daysBeforeStart);
      if (lead > earliest) earliest = lead;
    }
    if (input.opensOn < earliest) {
      fieldErrors.opensOn = "windows.opensTooEarly";
      params.earliest = earliest;
    }
    if (impl?.endsOn) {
      const latest = addDays(impl.endsOn, settings.daysAfterEnd);
      if (input.closesOn === null || input.closesOn > latest) {
        fieldErrors.closesOn = "windows.closesTooLate";
        params.latest = latest;
      }
    }
    if (Object.keys(fieldErrors).length > 0)
      return { ok: false, message: "validation.invalid", fieldErrors, params };
    const state = stateOn({ ...input, invalidated: false }, today);
    return save(tx, actor, "windows.changeDates", w, {
      opensOn: input.opensOn,
      closesOn: input.closesOn,
      state,
      // A closing date set by hand no longer follows the service's end date.
      datesManual: w.datesManual || input.closesOn !== w.closesOn,
    });
  });
}

/**
 * Invalidates a faulty window and issues a new one for the same unit and service (rule 6). The
 * old one stays in the history as invalidated with the reason; the new one links to it. An open
 * window is reissued from today, a planned one with its own dates.
 */
export async function reissue(
  db: Executor,
  actor: AuditActor,
  input: { windowId: string; version: number; reason: string },
  today: string = helsinkiToday(),
): Promise<CaseResult & { newId?: string }> {
  const refused = await guard(db, actor, "windows.reissue");
  if (refused) return refused;
  return db.transaction(async (tx) => {
    const l = await lockWindow(tx, actor, "windows.reissue", input.windowId, input.version);
    if (!l.ok) return l.result;
    const w = l.window;
    if (w.state === "invalidated") return { ok: false, message: "windows.invalidatedFinal" };
    const invalidated = await save(
      tx,
      actor,
      "windows.invalidate",
      w,
      {
        state: "invalidated",
        invalidatedAt: new Date(),
        invalidatedBy: actor.userId,
        invalidatedReason: input.reason.trim(),
      },
      { reason: input.reason.trim() },
    );
    if (!invalidated.ok) return invalidated;
    const opensOn =
      w.state === "open" && today > w.opensOn && (w.closesOn === null || today <= w.closesOn)
        ? today
        : w.opensOn;
    const [fresh] = await tx
      .insert(accessWindows)
      .values({
        organiserId: w.organiserId,
        caseId: w.caseId,
        serviceTask: w.serviceTask,
        serviceUnitId: w.serviceUnitId,
        implementationId: w.implementationId,
        resourceId: w.resourceId,
        opensOn,
        closesOn: w.closesOn,
        state: stateOn({ opensOn, closesOn: w.closesOn, invalidated: false }, today),
        source: "reissue",
        existingClient: w.existingClient,
        policyVersion: w.policyVersion,
        overrideJustification: w.overrideJustification,
        overrideBy: w.overrideBy,
        datesManual: w.datesManual,
        replacesId: w.id,
        createdBy: actor.userId,
      })
      .returning({ id: accessWindows.id });
    await writeAudit(tx, actor, {
      action: "windows.reissue",
      outcome: "success",
      entityType: "access_window",
      entityId: fresh!.id,
      details: { caseId: w.caseId, replaces: w.id },
    });
    return { ok: true, id: fresh!.id, newId: fresh!.id };
  });
}
